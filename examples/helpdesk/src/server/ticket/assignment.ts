import { NotFoundError, prisma, requirePermission } from '@/server/platform';
import { listAgents } from '@/server/user';

/** Assigns to the named agent, or round-robin to the agent with the fewest open tickets. */
export async function assignTicket(ticketId: string, assigneeId?: string): Promise<string> {
  const { tenantId } = requirePermission('ticket.assign');
  const ticket = await prisma.ticket.findFirst({ where: { id: ticketId, tenantId } });
  if (!ticket) {
    throw new NotFoundError('ticket', ticketId);
  }
  const chosen = assigneeId ?? (await leastLoadedAgent(tenantId));
  await prisma.ticket.update({ where: { id: ticket.id }, data: { assigneeId: chosen, lastActivityAt: new Date() } });
  return chosen;
}

async function leastLoadedAgent(tenantId: string): Promise<string> {
  const agents = await listAgents(tenantId);
  if (agents.length === 0) {
    throw new NotFoundError('agent for tenant', tenantId);
  }
  const load = await prisma.ticket.groupBy({
    by: ['assigneeId'],
    where: { tenantId, status: 'open', assigneeId: { in: agents.map((a) => a.id) } },
    _count: { _all: true },
  });
  const openByAgent = new Map(load.map((row) => [row.assigneeId, row._count._all]));
  return agents.reduce((best, agent) => ((openByAgent.get(agent.id) ?? 0) < (openByAgent.get(best.id) ?? 0) ? agent : best)).id;
}
