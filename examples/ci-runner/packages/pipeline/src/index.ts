export { parsePipelineConfig, ConfigError, type PipelineConfig, type StepConfig } from './config-parser';
export { shouldBuild } from './triggers';
export { completeStep, type Build, type BuildStatus } from './builds';
export { appendLog, readLog } from './logs';
export { scheduleBuild } from './scheduler';
export { buildHistory, type BuildRow } from './build-history';
