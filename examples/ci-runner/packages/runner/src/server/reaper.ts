import { childLogger, transaction } from '@ci/platform';
import { staleRunners } from './heartbeat';

const log = childLogger('runner-reaper');

/** Marks runners that stopped sending heartbeats offline and fails the builds they held. */
export async function reapStaleRunners(): Promise<number> {
  const stale = await staleRunners();
  for (const runnerId of stale) {
    await transaction(async (client) => {
      await client.query("UPDATE runners SET status = 'offline' WHERE id = $1", [runnerId]);
      const { rows } = await client.query<{ build_id: string }>("UPDATE jobs SET status = 'lost' WHERE runner_id = $1 AND status = 'running' RETURNING build_id", [runnerId]);
      await client.query("UPDATE builds SET status = 'failed' WHERE id = ANY($1)", [rows.map((r) => r.build_id)]);
    });
    log.warn({ runnerId }, 'runner went offline; its running jobs were failed');
  }
  return stale.length;
}
