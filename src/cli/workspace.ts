// What the record commands share: loading the log of the workspace, writing file changes,
// printing findings.

import * as path from 'node:path';
import { loadConfig, type AdriftConfig } from '../core/config';
import { withBom } from '../core/fs/decode';
import { compareFindings, formatFindingLine, type Finding } from '../core/findings';
import { confineToWorkspace, OutsideWorkspaceError } from '../core/fs/confine';
import { isAdriftOutput } from '../core/fs/generated';
import { DEFAULT_BASELINE_REASON, todayIso } from '../core/engine/baseline';
import { loadDecisionLog } from '../core/records/store';
import type { DecisionLog, FileChange } from '../core/records/types';
import { UsageError, type CommandContext } from './command';

export async function loadLog(ctx: CommandContext): Promise<DecisionLog> {
  const log = await loadDecisionLog(ctx.fs, ctx.cwd, ctx.decisionsFolder !== undefined ? { folder: ctx.decisionsFolder } : {});
  return log;
}

export async function requireLog(ctx: CommandContext): Promise<DecisionLog> {
  const log = await loadLog(ctx);
  if (!log.folderExists) throw new UsageError(`no decisions folder ${log.folderRelative} in ${ctx.cwd} (run "adrift init" to create one, or pass --decisions <folder>)`);
  return log;
}

/**
 * A line about the Markdown records in the decisions folder that no YAML record was imported
 * from (an adr-tools or MADR log Adrift does not read), or undefined when there are none.
 */
export function markdownNotice(ctx: CommandContext, log: DecisionLog): string | undefined {
  const all = log.markdown ?? [];
  const waiting = all.filter((m) => m.importedAs === undefined);
  if (waiting.length === 0) return undefined;
  const names = waiting.map((m) => path.posix.basename(m.file));
  const shown = names.length <= 3 ? names.join(', ') : `${names[0]} … ${names[names.length - 1]}`;
  const one = waiting.length === 1;
  const imported = all.length - waiting.length;
  const source = path.relative(ctx.processCwd, log.folder).replace(/\\/g, '/') || '.';
  return (
    `${log.folderRelative} also holds ${waiting.length} Markdown decision record${one ? '' : 's'} Adrift does not read (${shown})` +
    (imported > 0 ? `, besides ${imported} already imported` : '') +
    `: \`adrift import ${source}\` adds ${one ? 'it as a YAML record' : 'them as YAML records'} with ${one ? 'its number' : 'their numbers'}, beside ${one ? 'it' : 'them'}; the Markdown files stay as they are.`
  );
}

/** A workspace-relative path made absolute (an absolute one stays as it is). */
export function absolute(ctx: CommandContext, rel: string): string {
  return path.posix.isAbsolute(rel) ? rel : path.posix.join(ctx.cwd, rel);
}

/**
 * Every write of the CLI goes through here: nothing while `.adrift.yaml` points outside the
 * workspace, and no file outside it (symbolic links resolved). Paths are absolute or
 * workspace-relative.
 */
export async function writeFiles(ctx: CommandContext, files: readonly { path: string; text: string }[]): Promise<void> {
  await refuseOutside(ctx, files.map((f) => f.path));
  await ctx.fs.writeAtomic(files.map((f) => ({ path: absolute(ctx, f.path), text: f.text })));
}

/** Refuses to replace a file Adrift did not generate (no marker) unless --force was given. */
export async function refuseHandWritten(ctx: CommandContext, paths: readonly string[]): Promise<void> {
  if (ctx.options.force) return;
  for (const p of paths) {
    const text = await ctx.fs.readText(absolute(ctx, p)).catch(() => '');
    if (text !== undefined && !isAdriftOutput(text)) {
      throw new UsageError(`refusing to overwrite ${path.posix.relative(ctx.cwd, absolute(ctx, p))}: Adrift did not generate it (it has no "adrift:generated" mark); pass --force to replace it`);
    }
  }
}

async function refuseOutside(ctx: CommandContext, paths: readonly string[]): Promise<void> {
  const config = await loadConfig(ctx.fs, ctx.cwd);
  if (config.outside?.length) {
    throw new OutsideWorkspaceError(`${config.outside.map(formatFindingLine).join('\n')}\nnothing was written: fix ${config.file ?? '.adrift.yaml'} first`);
  }
  for (const p of paths) await confineToWorkspace(ctx.fs, ctx.cwd, p);
}

/** Writes the changes all at once, renamed files included (see NodeFileSystem.writeAtomic). */
export async function applyChanges(ctx: CommandContext, changes: readonly FileChange[]): Promise<void> {
  for (const c of changes) {
    if (c.renameFrom && c.renameFrom !== c.path && (await ctx.fs.stat(absolute(ctx, c.path)))) {
      throw new UsageError(`cannot rename ${c.renameFrom} to ${c.path}: that file exists`);
    }
  }
  await refuseOutside(ctx, changes.flatMap((c) => (c.renameFrom ? [c.path, c.renameFrom] : [c.path])));
  // A renamed record is written under its new name and its old name removed in the same
  // all-or-nothing step, so a kill never leaves a log half renumbered.
  const remove = changes.flatMap((c) => (c.renameFrom && c.renameFrom !== c.path ? [absolute(ctx, c.renameFrom)] : []));
  await ctx.fs.writeAtomic(changes.map((c) => ({ path: absolute(ctx, c.path), text: withBom(c.text, c.bom) })), { remove });
}

/** Drops findings turned off in `.adrift.yaml` and applies its severities. */
export function withConfiguredSeverity(findings: readonly Finding[], config: AdriftConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const s = config.severity[f.rule];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

export async function configuredFindings(ctx: CommandContext, findings: readonly Finding[]): Promise<Finding[]> {
  return withConfiguredSeverity(findings, await loadConfig(ctx.fs, ctx.cwd));
}

export function printFindings(ctx: CommandContext, findings: readonly Finding[]): void {
  for (const f of [...findings].sort(compareFindings)) ctx.out(formatFindingLine(f));
}

export function parseId(value: string | undefined, what: string): number {
  const v = (value ?? '').replace(/^(adr-?|#)/i, '');
  if (!/^\d+$/.test(v)) throw new UsageError(`${what} must be a record number such as 7 or 0007 (got "${value ?? ''}")`);
  return Number(v);
}

/** `--reason` and `--expires` of a command that writes baseline entries, checked. */
export function baselineReasonAndExpiry(ctx: CommandContext): { reason: string; expires: string | undefined } {
  const expires = typeof ctx.options.expires === 'string' ? ctx.options.expires : undefined;
  if (expires !== undefined) {
    // Date.parse rolls 2027-02-30 over to March; a real date prints back as written.
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? new Date(`${expires}T00:00:00Z`) : undefined;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== expires) {
      throw new UsageError(`--expires must be a real date YYYY-MM-DD (got "${expires}")`);
    }
    // An entry that has already expired accepts nothing: every finding it names would be reported at once.
    if (expires <= todayIso()) throw new UsageError(`--expires ${expires} is not in the future: entries expiring then would accept nothing`);
  }
  const reason = typeof ctx.options.reason === 'string' && ctx.options.reason.trim() ? ctx.options.reason.trim() : DEFAULT_BASELINE_REASON;
  return { reason, expires };
}

/** A comma-separated option (`--deciders "tech lead,ops"`) as its trimmed, non-empty items. */
export function listOption(ctx: CommandContext, name: string): string[] | undefined {
  const v = ctx.options[name];
  return typeof v === 'string' ? v.split(',').map((d) => d.trim()).filter(Boolean) : undefined;
}
