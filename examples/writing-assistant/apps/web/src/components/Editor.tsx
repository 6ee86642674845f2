'use client';

import { useAuth } from '@clerk/nextjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '@/lib/api';
import { GenerateButton } from './GenerateButton';

const SAVE_AFTER_MS = 1500;

export function Editor({ documentId, initialBody }: { documentId: number; initialBody: string }) {
  const { getToken } = useAuth();
  const [body, setBody] = useState(initialBody);
  const [saved, setSaved] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const save = useCallback(
    async (text: string) => {
      await callApi(getToken, `/documents/${documentId}/body`, { method: 'PUT', body: JSON.stringify({ body: text }) });
      setSaved(true);
    },
    [documentId, getToken],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(text: string) {
    setBody(text);
    setSaved(false);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(text), SAVE_AFTER_MS);
  }

  return (
    <div className="flex flex-col gap-3">
      <textarea value={body} onChange={(e) => onChange(e.target.value)} aria-label="Document" className="min-h-[60vh] rounded border p-4 font-serif text-lg" />
      <div className="flex items-center justify-between">
        <span className="text-sm text-neutral-500">{saved ? 'Saved' : 'Saving…'}</span>
        <GenerateButton template="continue" values={{ text: body.slice(-4000) }} onText={(text) => onChange(`${body}${text}`)} />
      </div>
    </div>
  );
}
