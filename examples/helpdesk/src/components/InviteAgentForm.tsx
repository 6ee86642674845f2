'use client';

import { useState, type FormEvent } from 'react';
import { api, ApiError } from '@/lib/api-client';

export function InviteAgentForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [status, setStatus] = useState<string>();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post('/team/invitations', { email, role });
      setStatus(`Invitation sent to ${email}`);
      setEmail('');
    } catch (error) {
      setStatus(error instanceof ApiError && error.code === 'plan_limit' ? 'Your plan has no free seat left.' : 'Could not send the invitation.');
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex items-end gap-2">
      <label className="flex flex-col text-sm">
        Email
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className="rounded border p-2" />
      </label>
      <select value={role} onChange={(e) => setRole(e.target.value as 'agent' | 'admin')} aria-label="Role" className="rounded border p-2">
        <option value="agent">Agent</option>
        <option value="admin">Admin</option>
      </select>
      <button type="submit" className="rounded bg-indigo-600 px-4 py-2 text-white">Invite</button>
      {status ? <p role="status" className="text-sm">{status}</p> : null}
    </form>
  );
}
