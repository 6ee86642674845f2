import { prisma } from '@/server/platform';

/**
 * Seats are billed per active agent. Reads the user module's table directly to keep the
 * invitation path to one query.
 */
export async function countBillableAgents(tenantId: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ agents: bigint }[]>('SELECT count(*) AS agents FROM users WHERE tenant_id = $1 AND deactivated = false', tenantId);
  return Number(rows[0]?.agents ?? 0);
}
