'use client';

import { useAuth } from '@clerk/nextjs';
import { useState } from 'react';
import { callApi } from '@/lib/api';

interface Props {
  template: string;
  values: Record<string, string>;
  onText: (text: string) => void;
}

export function GenerateButton({ template, values, onText }: Props) {
  const { getToken } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      const { text } = await callApi<{ text: string }>(getToken, '/generate', { method: 'POST', body: JSON.stringify({ template, values }) });
      onText(text);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
      <button type="button" onClick={run} disabled={busy} className="rounded bg-violet-600 px-3 py-1.5 text-white disabled:opacity-50">
        {busy ? 'Writing…' : 'Continue writing'}
      </button>
    </div>
  );
}
