import { z } from 'zod';
import { json, withContext } from '@/server/platform';
import { changeStatus } from '@/server/ticket';
import { assignTicket } from '@/server/ticket/assignment';
import { contextFromSession } from '@/server/user';

const patch = z.object({
  status: z.enum(['open', 'pending', 'on_hold', 'solved', 'closed']).optional(),
  assigneeId: z.string().optional(),
  autoAssign: z.boolean().optional(),
});

export const PATCH = withContext(contextFromSession, async (request, params) => {
  const change = patch.parse(await request.json());
  if (change.assigneeId || change.autoAssign) {
    await assignTicket(params.ticketId, change.assigneeId);
  }
  const ticket = change.status ? await changeStatus(params.ticketId, change.status) : null;
  return json({ ticket });
});
