import { agentLimit, type Tenant } from '@/server/tenant';

export function canAssignMoreAgents(tenant: Tenant, assignedAgents: number): boolean {
  return assignedAgents < agentLimit(tenant);
}
