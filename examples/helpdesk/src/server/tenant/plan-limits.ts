import { LimitExceededError, NotFoundError, prisma } from '@/server/platform';
import { countBillableAgents } from './seat-count';

export interface PlanLimits {
  maxAgents: number;
  maxArticles: number;
  slaEnabled: boolean;
}

export async function planLimits(tenantId: string): Promise<PlanLimits> {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, include: { plan: true } });
  if (!tenant) {
    throw new NotFoundError('tenant', tenantId);
  }
  const { maxAgents, maxArticles, slaEnabled } = tenant.plan;
  return { maxAgents, maxArticles, slaEnabled };
}

/** Called before an invitation is sent: a seat must be free on the tenant's plan. */
export async function assertSeatAvailable(tenantId: string): Promise<void> {
  const [limits, agents] = await Promise.all([planLimits(tenantId), countBillableAgents(tenantId)]);
  if (agents >= limits.maxAgents) {
    throw new LimitExceededError('agents', limits.maxAgents);
  }
}

export async function assertSlaEnabled(tenantId: string): Promise<boolean> {
  const limits = await planLimits(tenantId);
  return limits.slaEnabled;
}
