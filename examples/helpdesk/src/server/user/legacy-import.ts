import { prisma } from '@/server/platform';

// Customers migrating from their old help desk send a CSV export of their agents.
const bcrypt = require('bcrypt') as { compare(plain: string, hash: string): Promise<boolean> };

export interface LegacyAgentRow {
  email: string;
  name: string;
  passwordHash: string;
}

/**
 * Imports agents from a legacy export, keeping only those whose old password verifies
 * against the hash the customer sent us for a spot check.
 */
export async function importLegacyAgents(tenantId: string, roleId: string, rows: LegacyAgentRow[], spotCheck: { email: string; password: string }): Promise<number> {
  const sample = rows.find((row) => row.email === spotCheck.email);
  if (!sample || !(await bcrypt.compare(spotCheck.password, sample.passwordHash))) {
    throw new Error('spot check failed: the export does not match the customer account');
  }
  let imported = 0;
  for (const row of rows) {
    await prisma.user.upsert({
      where: { tenantId_email: { tenantId, email: row.email } },
      create: { tenantId, email: row.email, name: row.name, oidcSubject: `pending:${row.email}`, roleId },
      update: {},
    });
    imported += 1;
  }
  return imported;
}
