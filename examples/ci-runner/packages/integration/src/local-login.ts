import bcrypt from 'bcrypt';
import { query, type OrgId } from '@ci/platform';

// Enterprise trial on an air-gapped network: no code host reachable for OAuth.
const ROUNDS = 12;

export async function setLocalPassword(org: OrgId, email: string, password: string): Promise<void> {
  const hash = await bcrypt.hash(password, ROUNDS);
  await query('INSERT INTO provider_installations (org_id, provider, external_id, secret) VALUES ($1, $2, $3, $4)', [org, 'local', email, hash]);
}

export async function verifyLocalPassword(org: OrgId, email: string, password: string): Promise<boolean> {
  const rows = await query<{ secret: string }>('SELECT secret FROM provider_installations WHERE org_id = $1 AND provider = $2 AND external_id = $3', [org, 'local', email]);
  return rows.length > 0 && bcrypt.compare(password, rows[0].secret);
}
