// The job protocol between the control plane and the agent, shared by both sides
// (decision 0004: the agent may import this file, never src/server).

export interface JobRepo {
  provider: 'github' | 'gitlab' | 'bitbucket';
  fullName: string;
  sha: string;
}

export interface JobStep {
  name: string;
  run: string;
  image?: string;
  timeoutMinutes: number;
  artifacts: string[];
}

export interface JobPayload {
  buildId: string;
  position: number;
  step: JobStep;
  repo: JobRepo;
  labels: string[];
}

/** What the agent receives when it claims a job: the payload plus short-lived credentials. */
export interface ClaimedJob {
  jobId: string;
  payload: JobPayload;
  cloneUrl: string;
  cloneToken: string;
  logUploadUrl: string;
}

export interface JobResult {
  jobId: string;
  exitCode: number;
  durationMs: number;
}

export const AGENT_API_VERSION = 3;
