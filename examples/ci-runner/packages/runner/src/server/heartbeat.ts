import { query } from '@ci/platform';

export const HEARTBEAT_INTERVAL_MS = 15_000;
/** Three missed heartbeats and the runner counts as gone. */
export const OFFLINE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;

export async function recordHeartbeat(runnerId: string, load: { runningJobs: number; cpu: number }): Promise<void> {
  await query('INSERT INTO runner_heartbeats (runner_id, running_jobs, cpu) VALUES ($1, $2, $3)', [runnerId, load.runningJobs, load.cpu]);
  await query('UPDATE runners SET last_seen_at = now() WHERE id = $1', [runnerId]);
}

export async function staleRunners(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - OFFLINE_AFTER_MS);
  const rows = await query<{ id: string }>("SELECT id FROM runners WHERE last_seen_at < $1 AND status = 'online'", [cutoff]);
  return rows.map((r) => r.id);
}
