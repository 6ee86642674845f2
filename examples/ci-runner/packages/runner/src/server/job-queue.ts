import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { loadConfig, query, type OrgId } from '@ci/platform';
import type { JobPayload } from '../protocol';

// Decision 0011: one BullMQ queue per organisation, so a runner only ever sees its own org's jobs.
export const JOB_TIMEOUT_MS = 60 * 60 * 1000;

let connection: Redis | undefined;
const queues = new Map<string, Queue<JobPayload>>();

function queueFor(org: OrgId): Queue<JobPayload> {
  connection ??= new Redis(loadConfig().redisUrl, { maxRetriesPerRequest: null });
  let queue = queues.get(org);
  if (!queue) {
    queue = new Queue<JobPayload>(`jobs:${org}`, { connection });
    queues.set(org, queue);
  }
  return queue;
}

export async function enqueueJob(org: OrgId, payload: JobPayload, delayMs = 0): Promise<string> {
  const [row] = await query<{ id: string }>(
    "INSERT INTO jobs (org_id, build_id, position, status) VALUES ($1, $2, $3, 'queued') RETURNING id",
    [org, payload.buildId, payload.position],
  );
  await queueFor(org).add('step', payload, { jobId: row.id, delay: delayMs, attempts: 3, backoff: { type: 'exponential', delay: 5000 } });
  return row.id;
}

/** A runner polls; the first waiting job whose labels the runner has is handed out. */
export async function claimJob(org: OrgId, runnerId: string, labels: string[]): Promise<Job<JobPayload> | undefined> {
  const waiting = await queueFor(org).getWaiting(0, 50);
  const job = waiting.find((candidate) => candidate.data.labels.every((label) => labels.includes(label)));
  if (!job) {
    return undefined;
  }
  await job.remove();
  await query("UPDATE jobs SET status = 'running', runner_id = $2, started_at = now() WHERE id = $1", [job.id, runnerId]);
  return job;
}
