import type { TicketStatus } from '@/lib/types';

const COLOURS: Record<TicketStatus, string> = {
  open: 'bg-red-100 text-red-800',
  pending: 'bg-amber-100 text-amber-800',
  on_hold: 'bg-slate-100 text-slate-700',
  solved: 'bg-emerald-100 text-emerald-800',
  closed: 'bg-slate-200 text-slate-500',
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${COLOURS[status]}`}>{status.replace('_', ' ')}</span>;
}
