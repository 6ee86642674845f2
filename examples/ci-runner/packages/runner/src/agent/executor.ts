import { spawn } from 'node:child_process';
import { JOB_TIMEOUT_MS } from '#server/job-queue';
import type { ClaimedJob, JobResult } from '../protocol';

/** Runs one step's command in `workdir`, streaming output to `onOutput`; kills it on timeout. */
export function executeStep(job: ClaimedJob, workdir: string, onOutput: (chunk: string) => void): Promise<JobResult> {
  const started = Date.now();
  const timeoutMs = Math.min(job.payload.step.timeoutMinutes * 60_000, JOB_TIMEOUT_MS);
  return new Promise((resolve) => {
    const child = job.payload.step.image
      ? spawn('docker', ['run', '--rm', '-v', `${workdir}:/work`, '-w', '/work', job.payload.step.image, 'sh', '-c', job.payload.step.run])
      : spawn('sh', ['-c', job.payload.step.run], { cwd: workdir });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (data: Buffer) => onOutput(data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => onOutput(data.toString('utf8')));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ jobId: job.jobId, exitCode: code ?? 137, durationMs: Date.now() - started });
    });
  });
}
