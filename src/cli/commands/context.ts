// `adrift context [path...]`: what a coding agent (or a person) must know before changing a
// file or folder, from the same model and findings `adrift check` reports.

import * as path from 'node:path';
import { buildContexts, contextMarkdown } from '../../core/agents/context';
import { CheckSetupError, checkWorkspace } from '../../core/engine/check';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CommandContext } from '../command';

export const CONTEXT_FORMATS = ['markdown', 'json'] as const;

/** Paths as typed (relative to where the command runs) made workspace-relative; none: the workspace. */
export function workspacePaths(ctx: CommandContext): string[] {
  const typed = ctx.rest?.length ? ctx.rest : ['.'];
  return typed.map((p) => {
    const abs = path.posix.resolve(ctx.processCwd, p.replace(/\\/g, '/'));
    const rel = path.posix.relative(ctx.cwd, abs);
    if (rel === '..' || rel.startsWith('../') || path.posix.isAbsolute(rel)) throw new UsageError(`${p} is outside the workspace ${ctx.cwd}`);
    return rel;
  });
}

export const contextCommand: CliCommand = {
  name: 'context',
  summary: 'what a file or folder may use, owns and must not touch, with the decisions behind each rule (for coding agents)',
  args: [{ name: 'path', description: 'files or folders, relative to the current folder; default: the whole workspace', rest: true }],
  options: [{ name: 'format', value: 'f', description: 'output format; default markdown', choices: CONTEXT_FORMATS }],
  details: [
    'For each path: its module and responsibility, the modules it may use (with the decision and its',
    'rationale, and their public files), the data it owns and the data it must not touch, the',
    'packages and path rules that apply, proposed decisions that would change any of it, and its',
    'findings now. The workspace is --cwd or the current folder. Short by design: about 2 KB for',
    'one file, so an agent can read it before every change.',
  ].join('\n'),
  async run(ctx) {
    const paths = workspacePaths(ctx);
    let result;
    try {
      result = await checkWorkspace(ctx.fs, ctx.cwd, { decisions: ctx.decisionsFolder });
    } catch (err) {
      if (err instanceof CheckSetupError) {
        ctx.err(`adrift context: ${err.message}`);
        return EXIT_USAGE;
      }
      throw err;
    }
    const contexts = buildContexts({ model: result.model, log: result.log, findings: result.findings, sourceFiles: result.index.sourceFiles() ?? [] }, paths);
    ctx.out(ctx.options.format === 'json' ? JSON.stringify(contexts, null, 2) : contextMarkdown(contexts));
    return EXIT_OK;
  },
};
