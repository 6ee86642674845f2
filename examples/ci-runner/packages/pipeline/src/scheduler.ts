import { childLogger, query, type OrgId } from '@ci/platform';
import { projectSettings, repoOf } from '@ci/project';
import { enqueueJob } from '@ci/runner';
import { createBuild, type Build } from './builds';
import type { PipelineConfig } from './config-parser';

const log = childLogger('scheduler');

/** Creates the build and one job per step, respecting the project's parallelism limit. */
export async function scheduleBuild(org: OrgId, projectId: string, pipelineId: string, sha: string, ref: string, config: PipelineConfig): Promise<Build> {
  const [settings, repo] = await Promise.all([projectSettings(org, projectId), repoOf(org, projectId)]);
  if (!repo) {
    throw new Error(`project ${projectId} has no repository`);
  }
  const running = await query<{ n: number }>("SELECT count(*)::int AS n FROM builds WHERE pipeline_id = $1 AND status = 'running'", [pipelineId]);
  const build = await createBuild(org, pipelineId, sha, ref, config);
  const delayMs = (running[0]?.n ?? 0) >= settings.maxParallelJobs ? 30_000 : 0;
  for (const [position, step] of config.steps.entries()) {
    await enqueueJob(org, { buildId: build.id, position, step, repo: { provider: repo.provider, fullName: repo.fullName, sha }, labels: config.labels }, delayMs);
  }
  log.info({ build: build.id, steps: config.steps.length }, 'build scheduled');
  return build;
}
