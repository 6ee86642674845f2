import { NotFoundError, currentContext, prisma, requirePermission } from '@/server/platform';
import { assertSlaEnabled } from '@/server/tenant';
import { postSystemMessage } from '@/server/conversation';
import { findTicketForUpdate, nextTicketNumber, toSummary } from './ticket.repository';
import { STATUS_TRANSITIONS, type NewTicket, type TicketStatus, type TicketSummary } from './types';

export async function openTicket(input: NewTicket): Promise<TicketSummary> {
  const { tenantId } = currentContext();
  const priority = input.priority ?? 'normal';
  const now = new Date();
  // SLA handling is a paid feature; load the calculator only for tenants that have it.
  const sla = (await assertSlaEnabled(tenantId)) ? await (await import('./sla')).computeDueAt(tenantId, priority, now) : null;
  const ticket = await prisma.ticket.create({
    data: {
      tenantId,
      number: await nextTicketNumber(tenantId),
      subject: input.subject,
      priority,
      requesterEmail: input.requesterEmail,
      dueAt: sla?.dueAt ?? null,
      slaPolicyId: sla?.slaPolicyId ?? null,
      conversation: { create: { tenantId } },
    },
  });
  return toSummary(ticket);
}

export async function changeStatus(ticketId: string, next: TicketStatus): Promise<TicketSummary> {
  const { tenantId, userId } = requirePermission('ticket.reply');
  const ticket = await findTicketForUpdate(tenantId, ticketId);
  if (!ticket) {
    throw new NotFoundError('ticket', ticketId);
  }
  const current = ticket.status as TicketStatus;
  if (!STATUS_TRANSITIONS[current].includes(next)) {
    throw new Error(`cannot move a ticket from ${current} to ${next}`);
  }
  const updated = await prisma.ticket.update({ where: { id: ticket.id }, data: { status: next, lastActivityAt: new Date() } });
  await postSystemMessage(ticket.id, `Status changed from ${current} to ${next}`, userId);
  return toSummary(updated);
}

export async function conversationIdOf(ticketId: string): Promise<string> {
  const { tenantId } = currentContext();
  const conversation = await prisma.conversation.findFirst({ where: { ticketId, tenantId }, select: { id: true } });
  if (!conversation) {
    throw new NotFoundError('conversation of ticket', ticketId);
  }
  return conversation.id;
}
