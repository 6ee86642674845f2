import { createHash, randomBytes } from 'node:crypto';
import { query, type OrgId } from '@ci/platform';

export interface RunnerRecord {
  id: string;
  orgId: OrgId;
  name: string;
  labels: string[];
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Registers a self-hosted runner; the token is shown once and only its hash is kept. */
export async function registerRunner(org: OrgId, name: string, labels: string[]): Promise<{ runnerId: string; token: string }> {
  const token = `rnr_${randomBytes(24).toString('base64url')}`;
  const [row] = await query<{ id: string }>('INSERT INTO runners (org_id, name, labels, token_hash) VALUES ($1, $2, $3, $4) RETURNING id', [org, name, labels, hashToken(token)]);
  return { runnerId: row.id, token };
}

export async function authenticateRunner(token: string): Promise<RunnerRecord | undefined> {
  const rows = await query<RunnerRecord>('SELECT id, org_id AS "orgId", name, labels FROM runners WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
  return rows[0];
}
