import { parse } from 'yaml';

export interface StepConfig {
  name: string;
  run: string;
  image?: string;
  timeoutMinutes: number;
  artifacts: string[];
}

export interface PipelineConfig {
  on: { push: string[]; pullRequest: boolean };
  labels: string[];
  steps: StepConfig[];
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Parses and validates a .ci.yml; errors name the path of the offending key. */
export function parsePipelineConfig(text: string): PipelineConfig {
  const raw = parse(text) as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object') {
    throw new ConfigError('expected a mapping', '$');
  }
  const steps = raw.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new ConfigError('at least one step is required', '$.steps');
  }
  const on = (raw.on ?? {}) as { push?: string[]; pull_request?: boolean };
  return {
    on: { push: on.push ?? ['main'], pullRequest: on.pull_request ?? true },
    labels: Array.isArray(raw.labels) ? raw.labels.map(String) : ['linux'],
    steps: steps.map((step: Record<string, unknown>, i) => {
      if (typeof step.run !== 'string') {
        throw new ConfigError('`run` must be a command', `$.steps[${i}].run`);
      }
      return {
        name: typeof step.name === 'string' ? step.name : `step ${i + 1}`,
        run: step.run,
        image: typeof step.image === 'string' ? step.image : undefined,
        timeoutMinutes: typeof step.timeout === 'number' ? step.timeout : 30,
        artifacts: Array.isArray(step.artifacts) ? step.artifacts.map(String) : [],
      };
    }),
  };
}
