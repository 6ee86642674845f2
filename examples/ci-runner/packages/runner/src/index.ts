// The control-plane side of the runner package. The agent is a separate entry point
// (src/agent/main.ts) and is not exported here.
export { enqueueJob, claimJob, JOB_TIMEOUT_MS } from '#server/job-queue';
export { authenticateRunner, registerRunner, type RunnerRecord } from '#server/registration';
export { recordHeartbeat, HEARTBEAT_INTERVAL_MS } from './server/heartbeat';
export { reapStaleRunners } from './server/reaper';
export { reportLog, reportResult } from './server/results';
export { mirrorToRabbit } from './server/queue-bridge';
export type * from './protocol';
