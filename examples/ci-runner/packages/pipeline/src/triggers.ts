import type { PushEvent } from '@ci/project';
import type { PipelineConfig } from './config-parser';

function branchOf(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

function matches(pattern: string, branch: string): boolean {
  if (pattern.endsWith('/*')) {
    return branch.startsWith(pattern.slice(0, -1));
  }
  return pattern === branch || pattern === '*';
}

/** Whether a push or pull request should start a build under this pipeline's triggers. */
export function shouldBuild(config: PipelineConfig, event: PushEvent): boolean {
  if (event.pullRequest !== undefined) {
    return config.on.pullRequest;
  }
  const branch = branchOf(event.ref);
  return config.on.push.some((pattern) => matches(pattern, branch));
}
