export { createTenant, getTenant, suspendTenant } from './tenant.service';
export type { TenantSummary } from './tenant.service';
export { assertSeatAvailable, assertSlaEnabled, planLimits } from './plan-limits';
export type { PlanLimits } from './plan-limits';
export { ticketsOpenedSince } from './usage-report';
