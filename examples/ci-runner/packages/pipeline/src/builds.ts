import { query, transaction, type OrgId } from '@ci/platform';
import type { PipelineConfig } from './config-parser';

export type BuildStatus = 'queued' | 'running' | 'passed' | 'failed' | 'cancelled';

export interface Build {
  id: string;
  pipelineId: string;
  number: number;
  sha: string;
  ref: string;
  status: BuildStatus;
}

export async function createBuild(org: OrgId, pipelineId: string, sha: string, ref: string, config: PipelineConfig): Promise<Build> {
  return transaction(async (client) => {
    const { rows } = await client.query<Build>(
      `INSERT INTO builds (org_id, pipeline_id, number, sha, ref, status)
       VALUES ($1, $2, (SELECT coalesce(max(number), 0) + 1 FROM builds WHERE pipeline_id = $2), $3, $4, 'queued')
       RETURNING id, pipeline_id AS "pipelineId", number, sha, ref, status`,
      [org, pipelineId, sha, ref],
    );
    for (const [position, step] of config.steps.entries()) {
      await client.query('INSERT INTO build_steps (build_id, position, name, command, status) VALUES ($1, $2, $3, $4, $5)', [rows[0].id, position, step.name, step.run, 'queued']);
    }
    return rows[0];
  });
}

/** Called by the runner package when a step finishes; the build fails on the first failed step. */
export async function completeStep(buildId: string, position: number, exitCode: number): Promise<BuildStatus> {
  const status = exitCode === 0 ? 'passed' : 'failed';
  await query('UPDATE build_steps SET status = $3, exit_code = $4, finished_at = now() WHERE build_id = $1 AND position = $2', [buildId, position, status, exitCode]);
  const [{ remaining, failed }] = await query<{ remaining: number; failed: number }>(
    "SELECT count(*) FILTER (WHERE status IN ('queued', 'running')) AS remaining, count(*) FILTER (WHERE status = 'failed') AS failed FROM build_steps WHERE build_id = $1",
    [buildId],
  );
  const buildStatus: BuildStatus = failed > 0 ? 'failed' : remaining > 0 ? 'running' : 'passed';
  await query('UPDATE builds SET status = $2 WHERE id = $1', [buildId, buildStatus]);
  return buildStatus;
}
