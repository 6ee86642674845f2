// `adrift agents`: writes or refreshes the architecture section of AGENTS.md (and the other
// files `agent_files` of .adrift.yaml names) from the accepted decisions.

import { loadConfig } from '../../core/config';
import { formatFindingLine } from '../../core/findings';
import { planAgentFiles } from '../../core/agents/instructions';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { requireLog, writeFiles } from '../workspace';

export const agentsCommand: CliCommand = {
  name: 'agents',
  summary: 'write the architecture section of AGENTS.md (and other agent instruction files) from the accepted decisions',
  args: [],
  options: [{ name: 'check', description: 'write nothing; exit 1 when a section is missing or out of date' }],
  details: [
    'The section sits between "<!-- adrift:begin architecture -->" and "<!-- adrift:end architecture -->";',
    'text outside the markers is never touched. A file without the markers gets the section at its end;',
    'a missing file is created. The files are `agent_files` in .adrift.yaml (default: [AGENTS.md]), e.g.',
    '  agent_files: [AGENTS.md, .github/copilot-instructions.md, CLAUDE.md]',
    '`adrift lint` warns when a section no longer matches the records.',
  ].join('\n'),
  async run(ctx) {
    const log = await requireLog(ctx);
    const config = await loadConfig(ctx.fs, ctx.cwd);
    if (config.findings.length > 0) {
      for (const f of config.findings) ctx.err(formatFindingLine(f));
      ctx.err(`adrift agents: fix ${config.file ?? '.adrift.yaml'} first`);
      return EXIT_USAGE;
    }
    const plans = await planAgentFiles(ctx.fs, ctx.cwd, config.agentFiles, log);
    const writes: { path: string; text: string }[] = [];
    let stale = 0;
    let refused = 0;
    const done: string[] = [];
    for (const p of plans) {
      if (p.refused) {
        const at = p.refused.range ? `:${p.refused.range.start.line + 1}:${p.refused.range.start.column + 1}` : '';
        ctx.err(`${p.file}${at} ${p.refused.message}`);
        refused++;
      } else if (p.update?.kind === 'write') {
        stale++;
        if (ctx.options.check) ctx.out(`${p.file}: ${p.update.created ? 'missing' : 'out of date'}`);
        else {
          writes.push({ path: p.file, text: p.update.text });
          done.push(`${p.file}: ${p.update.created ? 'created' : 'section written'}`);
        }
      } else ctx.out(`${p.file}: up to date`);
    }
    // All files or none (writeAtomic), and said only once written.
    if (writes.length > 0) await writeFiles(ctx, writes);
    for (const line of done) ctx.out(line);
    if (refused > 0) return EXIT_FINDINGS;
    return ctx.options.check && stale > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
