import { z } from 'zod';
import { currentContext, json, withContext } from '@/server/platform';
import { listTickets, openTicket, suggestArticles, type TicketStatus } from '@/server/ticket';
import { contextFromSession } from '@/server/user';

const newTicket = z.object({
  subject: z.string().min(3).max(200),
  body: z.string().min(1),
  requesterEmail: z.string().email(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
});

export const GET = withContext(contextFromSession, async (request) => {
  const status = new URL(request.url).searchParams.get('status') as TicketStatus | null;
  return json(await listTickets(currentContext().tenantId, status ?? undefined));
});

export const POST = withContext(contextFromSession, async (request) => {
  const input = newTicket.parse(await request.json());
  const ticket = await openTicket(input);
  const suggestions = await suggestArticles(currentContext().tenantId, input.subject, input.body);
  return json({ ticket, suggestions }, 201);
});
