import { AGENT_API_VERSION, type ClaimedJob, type JobResult } from '../protocol';

export interface AgentOptions {
  controlPlaneUrl: string;
  token: string;
  labels: string[];
}

async function call<T>(options: AgentOptions, path: string, body: unknown): Promise<T | undefined> {
  const response = await fetch(`${options.controlPlaneUrl}/agent/v${AGENT_API_VERSION}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 204) {
    return undefined;
  }
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

/** Long-polls for the next job; the control plane holds the request up to 30 s. */
export function claimNextJob(options: AgentOptions): Promise<ClaimedJob | undefined> {
  return call<ClaimedJob>(options, '/jobs/claim', { labels: options.labels });
}

export async function sendResult(options: AgentOptions, result: JobResult): Promise<void> {
  await call(options, '/jobs/result', result);
}

export async function sendLog(options: AgentOptions, jobId: string, chunk: string): Promise<void> {
  await call(options, '/jobs/log', { jobId, chunk });
}
