import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateRunner, claimJob, recordHeartbeat, reportLog, reportResult, type JobResult, type RunnerRecord } from '@ci/runner';

async function runnerOf(request: FastifyRequest): Promise<RunnerRecord> {
  const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const runner = await authenticateRunner(token);
  if (!runner) {
    throw Object.assign(new Error('unknown runner token'), { statusCode: 401 });
  }
  return runner;
}

/** The agent's API (decision 0004): the only way a self-hosted runner talks to us. */
export async function agentRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { labels: string[] } }>('/agent/v3/jobs/claim', async (request, reply) => {
    const runner = await runnerOf(request);
    await recordHeartbeat(runner.id, { runningJobs: 0, cpu: 0 });
    const job = await claimJob(runner.orgId, runner.id, request.body.labels);
    return job ? { jobId: job.id, payload: job.data } : reply.code(204).send();
  });
  app.post<{ Body: JobResult }>('/agent/v3/jobs/result', async (request) => {
    await runnerOf(request);
    return { buildStatus: await reportResult(request.body) };
  });
  app.post<{ Body: { jobId: string; chunk: string } }>('/agent/v3/jobs/log', async (request, reply) => {
    await runnerOf(request);
    await reportLog(request.body.jobId, request.body.chunk);
    return reply.code(202).send();
  });
}
