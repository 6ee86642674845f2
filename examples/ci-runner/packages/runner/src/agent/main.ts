#!/usr/bin/env node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkout } from '#agent/checkout';
import { executeStep } from './executor';
import { claimNextJob, sendLog, sendResult, type AgentOptions } from './poller';

const options: AgentOptions = {
  controlPlaneUrl: process.env.CI_URL ?? 'https://ci.example.com',
  token: process.env.CI_RUNNER_TOKEN ?? '',
  labels: (process.env.CI_RUNNER_LABELS ?? 'linux').split(','),
};

async function loop(): Promise<void> {
  for (;;) {
    const job = await claimNextJob(options).catch(() => undefined);
    if (!job) {
      continue;
    }
    const workdir = await mkdtemp(join(tmpdir(), 'ci-job-'));
    try {
      await checkout(job.payload.repo.provider, job.cloneUrl, job.cloneToken, job.payload.repo.sha, workdir);
      const result = await executeStep(job, workdir, (chunk) => void sendLog(options, job.jobId, chunk));
      await sendResult(options, result);
    } finally {
      await rm(workdir, { recursive: true, force: true });
    }
  }
}

if (!options.token) {
  console.error('CI_RUNNER_TOKEN is not set; register the runner first');
  process.exit(2);
}
void loop();
