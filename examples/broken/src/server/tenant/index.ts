export interface Tenant {
  id: string;
  plan: 'starter' | 'growth' | 'scale';
}

const AGENT_LIMITS: Record<Tenant['plan'], number> = { starter: 5, growth: 25, scale: 100 };

export function agentLimit(tenant: Tenant): number {
  return AGENT_LIMITS[tenant.plan];
}
