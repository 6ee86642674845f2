export { registerArtifact, artifactsOfBuild, type Artifact } from './metadata';
export { retentionDaysFor, sweepExpired } from './retention';
export { downloadUrl } from './storage';
