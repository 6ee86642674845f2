import { prisma } from '@/server/platform';
import type { TicketPriority } from './types';

const DEFAULT_RESOLUTION_MINUTES: Record<TicketPriority, number> = {
  urgent: 4 * 60,
  high: 8 * 60,
  normal: 24 * 60,
  low: 72 * 60,
};

/** The due date of a new ticket: the tenant's SLA policy for its priority, or our defaults. */
export async function computeDueAt(tenantId: string, priority: TicketPriority, openedAt: Date): Promise<{ dueAt: Date; slaPolicyId: string | null }> {
  const policy = await prisma.slaPolicy.findFirst({ where: { tenantId, priority } });
  const minutes = policy?.resolutionMinutes ?? DEFAULT_RESOLUTION_MINUTES[priority];
  return { dueAt: new Date(openedAt.getTime() + minutes * 60_000), slaPolicyId: policy?.id ?? null };
}

/** Minutes left before the SLA is breached; negative once breached. */
export function minutesUntilBreach(dueAt: Date, now: Date = new Date()): number {
  return Math.round((dueAt.getTime() - now.getTime()) / 60_000);
}

export async function breachedTickets(tenantId: string, now: Date = new Date()): Promise<string[]> {
  const tickets = await prisma.ticket.findMany({
    where: { tenantId, dueAt: { lt: now }, status: { in: ['open', 'pending'] } },
    select: { id: true },
  });
  return tickets.map((t) => t.id);
}
