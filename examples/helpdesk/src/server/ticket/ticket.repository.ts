import { prisma } from '@/server/platform';
import type { Ticket } from '@prisma/client';
import type { TicketStatus, TicketSummary } from './types';

export function toSummary(ticket: Ticket): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status as TicketStatus,
    priority: ticket.priority as TicketSummary['priority'],
    assigneeId: ticket.assigneeId,
    dueAt: ticket.dueAt?.toISOString() ?? null,
  };
}

export async function findTicketForUpdate(tenantId: string, ticketId: string): Promise<Ticket | null> {
  return prisma.ticket.findFirst({ where: { id: ticketId, tenantId } });
}

export async function nextTicketNumber(tenantId: string): Promise<number> {
  const last = await prisma.ticket.findFirst({ where: { tenantId }, orderBy: { number: 'desc' }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

export async function listTickets(tenantId: string, status: TicketStatus | undefined, take = 50): Promise<TicketSummary[]> {
  const tickets = await prisma.ticket.findMany({
    where: { tenantId, ...(status ? { status } : {}) },
    orderBy: [{ dueAt: 'asc' }, { lastActivityAt: 'desc' }],
    take,
  });
  return tickets.map(toSummary);
}
