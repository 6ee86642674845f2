import { query } from '@ci/platform';
import { appendLog, completeStep } from '@ci/pipeline';
import type { JobResult } from '../protocol';

/** The agent reports a finished step; the pipeline decides what the build's status becomes. */
export async function reportResult(result: JobResult): Promise<string> {
  const [job] = await query<{ build_id: string; position: number }>("UPDATE jobs SET status = 'done', finished_at = now() WHERE id = $1 RETURNING build_id, position", [result.jobId]);
  if (!job) {
    throw new Error(`unknown job ${result.jobId}`);
  }
  return completeStep(job.build_id, job.position, result.exitCode);
}

export async function reportLog(jobId: string, chunk: string): Promise<void> {
  const [job] = await query<{ build_id: string; position: number }>('SELECT build_id, position FROM jobs WHERE id = $1', [jobId]);
  if (job) {
    await appendLog(job.build_id, job.position, chunk);
  }
}
