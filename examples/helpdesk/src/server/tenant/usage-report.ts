import { prisma } from '@/server/platform';

export interface TenantUsage {
  tenantId: string;
  ticketsOpened: number;
}

/** Nightly usage numbers for the billing dashboard, one row per tenant. */
export async function ticketsOpenedSince(since: Date): Promise<TenantUsage[]> {
  // adrift-ignore data-ownership -- nightly batch report; ticket exposes a stats API in v2 (0010)
  const rows = await prisma.$queryRawUnsafe<{ tenant_id: string; opened: bigint }[]>('SELECT tenant_id, count(*) AS opened FROM tickets WHERE created_at >= $1 GROUP BY tenant_id', since);
  return rows.map((row) => ({ tenantId: row.tenant_id, ticketsOpened: Number(row.opened) }));
}
