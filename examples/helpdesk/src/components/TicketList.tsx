'use client';

import Link from 'next/link';
import { timeAgo, ticketLabel } from '@/lib/format';
import { useTickets } from '@/lib/use-tickets';
import { TicketStatusBadge } from './TicketStatusBadge';
import { SlaCountdown } from './SlaCountdown';

export function TicketList({ status }: { status?: string }) {
  const { tickets, loading, error } = useTickets(status);
  if (loading) return <p className="p-4 text-sm text-slate-500">Loading tickets…</p>;
  if (error) return <p role="alert" className="p-4 text-sm text-red-700">{error}</p>;
  if (tickets.length === 0) return <p className="p-4 text-sm text-slate-500">No tickets here. Nice work.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="flex items-center gap-3 p-3 hover:bg-slate-50">
          <TicketStatusBadge status={ticket.status} />
          <Link href={`/tickets/${ticket.id}`} className="flex-1 truncate font-medium">
            {ticketLabel(ticket.number, ticket.subject)}
          </Link>
          {ticket.dueAt ? <SlaCountdown dueAt={ticket.dueAt} /> : <span className="text-xs text-slate-400">{timeAgo(ticket.dueAt ?? new Date().toISOString())}</span>}
        </li>
      ))}
    </ul>
  );
}
