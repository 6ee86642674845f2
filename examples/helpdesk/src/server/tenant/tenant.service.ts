import { NotFoundError, prisma } from '@/server/platform';

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
  planId: string;
  status: 'active' | 'suspended' | 'cancelled';
}

export async function getTenant(tenantId: string): Promise<TenantSummary> {
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) {
    throw new NotFoundError('tenant', tenantId);
  }
  return {
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    planId: tenant.planId,
    status: tenant.status as TenantSummary['status'],
  };
}

export async function createTenant(name: string, slug: string, planId: string): Promise<TenantSummary> {
  const tenant = await prisma.tenant.create({ data: { name, slug, planId } });
  return { id: tenant.id, name, slug, planId, status: 'active' };
}

export async function suspendTenant(tenantId: string, reason: string): Promise<void> {
  await prisma.tenant.update({ where: { id: tenantId }, data: { status: 'suspended' } });
  console.info(`tenant ${tenantId} suspended: ${reason}`);
}
