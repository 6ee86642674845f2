export interface ServiceConfig {
  databaseUrl: string;
  redisUrl: string;
  artifactBucket: string;
  logBucket: string;
  publicUrl: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
}

let cached: ServiceConfig | undefined;

/** Read once at start-up; a missing variable stops the process before it serves traffic. */
export function loadConfig(): ServiceConfig {
  cached ??= {
    databaseUrl: required('DATABASE_URL'),
    redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',
    artifactBucket: required('ARTIFACT_BUCKET'),
    logBucket: process.env.LOG_BUCKET ?? required('ARTIFACT_BUCKET'),
    publicUrl: process.env.PUBLIC_URL ?? 'http://localhost:8080',
  };
  return cached;
}
