import { childLogger, query, type OrgId } from '@ci/platform';
import { projectSettings } from '@ci/project';
import { deleteObjects } from './storage';

const log = childLogger('artifact-retention');

/** Days to keep a new artifact: the project's setting, capped by the plan's policy. */
export async function retentionDaysFor(org: OrgId, projectId: string): Promise<number> {
  const [settings, policy] = await Promise.all([
    projectSettings(org, projectId),
    query<{ max_days: number }>('SELECT max_days FROM retention_policies WHERE org_id = $1', [org]),
  ]);
  return Math.min(settings.artifactRetentionDays, policy[0]?.max_days ?? 90);
}

/** Deletes expired artifacts, objects first so a crash leaves rows we can retry, not orphans. */
export async function sweepExpired(limit = 5000): Promise<number> {
  const expired = await query<{ id: string; key: string }>('SELECT id, key FROM artifacts WHERE expires_at < now() ORDER BY expires_at LIMIT $1', [limit]);
  if (expired.length === 0) {
    return 0;
  }
  await deleteObjects(expired.map((a) => a.key));
  await query('DELETE FROM artifacts WHERE id = ANY($1)', [expired.map((a) => a.id)]);
  log.info({ count: expired.length }, 'expired artifacts removed');
  return expired.length;
}
