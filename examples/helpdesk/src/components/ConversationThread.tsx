'use client';

import { useState } from 'react';
import { api } from '@/lib/api-client';
import { timeAgo } from '@/lib/format';
import type { ThreadMessage } from '@/lib/types';

export function ConversationThread({ ticketId, initial }: { ticketId: string; initial: ThreadMessage[] }) {
  const [messages, setMessages] = useState(initial);
  const [draft, setDraft] = useState('');
  const [internal, setInternal] = useState(false);

  async function send() {
    if (!draft.trim()) return;
    const sent = await api.post<ThreadMessage>(`/tickets/${ticketId}/messages`, { body: draft, internal });
    setMessages((current) => [...current, sent]);
    setDraft('');
  }

  return (
    <section aria-label="Conversation" className="flex flex-col gap-3">
      {messages.map((m) => (
        <article key={m.id} className={m.internal ? 'rounded bg-amber-50 p-3' : 'rounded bg-white p-3 shadow-sm'}>
          <header className="text-xs text-slate-500">
            {m.system ? 'System' : m.authorEmail ?? 'Agent'} · {timeAgo(m.createdAt)}
          </header>
          <p className="whitespace-pre-wrap text-sm">{m.body}</p>
        </article>
      ))}
      <textarea value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Reply" className="min-h-24 rounded border p-2" />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} /> Internal note
      </label>
      <button type="button" onClick={send} className="self-end rounded bg-indigo-600 px-4 py-1.5 text-white">
        Send
      </button>
    </section>
  );
}
