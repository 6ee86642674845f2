import { headers } from 'next/headers';
import { ConversationThread } from '@/components/ConversationThread';
import type { ThreadMessage, TicketSummary } from '@/lib/types';

async function load<T>(path: string): Promise<T> {
  const host = headers().get('host');
  const response = await fetch(`https://${host}/api${path}`, { headers: { cookie: headers().get('cookie') ?? '' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${path} failed with ${response.status}`);
  return (await response.json()) as T;
}

export default async function TicketPage({ params }: { params: { ticketId: string } }) {
  const [ticket, messages] = await Promise.all([
    load<TicketSummary>(`/tickets/${params.ticketId}`),
    load<ThreadMessage[]>(`/tickets/${params.ticketId}/messages`),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">
        #{ticket.number} {ticket.subject}
      </h1>
      <ConversationThread ticketId={ticket.id} initial={messages} />
    </div>
  );
}
