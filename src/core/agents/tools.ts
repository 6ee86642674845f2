// What coding agents can ask of Adrift (the MCP server and VS Code's language model tools
// both call these): the context of a path, a check of files or of unsaved content, whether
// one file may import another or a package, the decisions, and a *proposed* record. Every
// answer comes from the same check `adrift check` runs. Agents can never accept, reject or
// supersede a decision, nor edit an accepted record: that stays with people.

import * as path from 'node:path';
import { compareFindings, type Finding } from '../findings';
import { checkWorkspace, type CheckResult } from '../engine/check';
import { languageNames, languageOf } from '../engine/languages';
import { adrId } from '../engine/rules/describe';
import { layerBreach } from '../engine/rules/layer-dependency';
import { Layering } from '../model/layers';
import { confineToWorkspace, lexicallyInside } from '../fs/confine';
import type { FileSystemPort } from '../fs/port';
import { nextId } from '../records/edits';
import { recordFileName } from '../records/naming';
import { recordToYaml } from '../records/serialize';
import { loadDecisionLog } from '../records/store';
import type { DecisionRecord, DecisionStatus, ModuleDeclaration } from '../records/types';
import { buildContexts, normalisePath, type PathContext } from './context';
import { agentFinding, type AgentFinding } from './finding';

/** A bad request: a path outside the workspace, an unknown module or record. Tools report it as a tool error. */
export class ToolInputError extends Error {}

export type { AgentFinding } from './finding';

export interface CheckInput {
  /** Workspace-relative paths, each checked as it is on disk, or with the given content (unsaved). */
  files: (string | { path: string; content: string })[];
  /** Ids of proposed records to fold in as if accepted. */
  preview?: number[];
}

export interface DecisionSummary {
  id: number;
  title: string;
  status: DecisionStatus;
  file: string;
  kind?: string;
  date: string;
}

const MAX_CONTENT = 1_000_000;

export class AgentTools {
  constructor(
    private readonly fs: FileSystemPort,
    readonly root: string,
    private readonly decisionsFolder?: string,
  ) {}

  /** A path an agent gave, workspace-relative and POSIX; refuses one outside the workspace. */
  relative(p: string): string {
    if (typeof p !== 'string' || p.includes('\0')) throw new ToolInputError('a path must be a string');
    const abs = lexicallyInside(this.root, p.replace(/\\/g, '/'));
    if (abs === undefined) throw new ToolInputError(`${p} is outside the workspace ${this.root}; give a path inside it, relative to the workspace`);
    return normalisePath(path.posix.relative(this.root, abs));
  }

  private run(preview?: number[]): Promise<CheckResult> {
    return checkWorkspace(this.fs, this.root, { decisions: this.decisionsFolder, ...(preview?.length ? { preview } : {}) });
  }

  async context(paths: readonly string[]): Promise<PathContext[]> {
    const rel = paths.map((p) => this.relative(p));
    const r = await this.run();
    return buildContexts({ model: r.model, log: r.log, findings: r.findings, sourceFiles: r.index.sourceFiles() }, rel.length ? rel : ['']);
  }

  async check(input: CheckInput): Promise<{ findings: AgentFinding[]; checked: string[]; notChecked: { file: string; reason: string }[] }> {
    const files = input.files.map((f) => (typeof f === 'string' ? { path: this.relative(f) } : { path: this.relative(f.path), content: f.content }));
    for (const f of files) {
      if (f.content !== undefined && (typeof f.content !== 'string' || f.content.length > MAX_CONTENT)) throw new ToolInputError(`content of ${f.path} must be text of at most ${MAX_CONTENT} characters`);
    }
    const r = await this.run(input.preview);
    if (input.preview?.length) this.requireProposed(r, input.preview);
    const out: Finding[] = [];
    const checked: string[] = [];
    const notChecked: { file: string; reason: string }[] = [];
    for (const f of files) {
      if (f.content !== undefined) {
        if (!languageOf(f.path)) {
          notChecked.push({ file: f.path, reason: 'not a source file Adrift reads' });
          continue;
        }
        out.push(...r.index.checkFile(f.path, f.content));
        checked.push(f.path);
        continue;
      }
      const under = r.findings.filter((x) => x.file === f.path || f.path === '' || x.file.startsWith(`${f.path}/`));
      const known = r.index.sourceFiles().some((s) => s === f.path || f.path === '' || s.startsWith(`${f.path}/`));
      if (!known && under.length === 0) notChecked.push({ file: f.path, reason: (await this.fs.stat(path.posix.join(this.root, f.path))) ? 'not a source file Adrift reads' : 'no such file' });
      else checked.push(f.path);
      out.push(...under);
    }
    return { findings: out.sort(compareFindings).map(agentFinding), checked, notChecked };
  }

  /**
   * Whether `from` may import `to` (a workspace file) or a package, answered by checking an
   * import of it written in `from`'s language: the same rules, resolution and decisions as a
   * real import.
   */
  async mayImport(fromPath: string, target: { path?: string; package?: string }): Promise<{ allowed: boolean; statement: string; findings: AgentFinding[] }> {
    const from = this.relative(fromPath);
    const language = languageOf(from);
    if (!language) throw new ToolInputError(`${from} is not a source file Adrift reads (${languageNames('or')})`);
    if ((target.path === undefined) === (target.package === undefined)) throw new ToolInputError('give either to_path or package');
    let statement: string | undefined;
    if (target.package !== undefined) {
      const pkg = target.package.trim();
      if (!/^(@[\w.-]+\/)?[\w.-]+(\/[\w.-]+)*$/.test(pkg)) throw new ToolInputError(`"${target.package}" is not a package name`);
      statement = language.importStatement(from, { package: pkg });
    } else {
      statement = language.importStatement(from, { path: this.relative(target.path ?? '') });
    }
    if (statement === undefined) throw new ToolInputError(`may_import cannot write that import in ${language.names[0]} from a path alone; check the change with check({path, content}) instead`);
    const r = await this.run();
    const findings = r.index.checkFile(from, `${statement}\n`).filter((f) => f.range.start.line === 0 && f.rule !== 'unused-suppression' && f.rule !== 'unassigned-file');
    return { allowed: !findings.some((f) => f.severity === 'error' || f.severity === 'warning'), statement, findings: findings.map(agentFinding) };
  }

  /** The records only: no scan of the code. */
  async decisions(filter: { status?: DecisionStatus; query?: string } = {}): Promise<DecisionSummary[]> {
    const log = await loadDecisionLog(this.fs, this.root, this.decisionsFolder !== undefined ? { folder: this.decisionsFolder } : {});
    const q = filter.query?.trim().toLowerCase();
    return log.records
      .filter((l): l is typeof l & { record: DecisionRecord } => l.record !== undefined)
      .filter((l) => !filter.status || l.record.status === filter.status)
      .filter((l) => !q || [l.record.title, l.record.context ?? '', ...(l.record.tags ?? []), adrId(l.record.id)].some((t) => t.toLowerCase().includes(q)))
      .map((l) => ({ id: l.record.id, title: l.record.title, status: l.record.status, file: l.file, ...(l.record.kind ? { kind: l.record.kind } : {}), date: l.record.date }));
  }

  async decision(id: number): Promise<{ file: string; record: DecisionRecord; text: string; findings: AgentFinding[] }> {
    const r = await this.run();
    const loaded = r.log.records.find((l) => l.record?.id === id);
    if (!loaded?.record) throw new ToolInputError(`there is no decision record ${id} (${r.log.records.length} records in ${r.log.folderRelative})`);
    return { file: loaded.file, record: loaded.record, text: loaded.text, findings: r.findings.filter((f) => f.decision?.id === id || f.file === loaded.file).map(agentFinding) };
  }

  /**
   * Writes a new record with status `proposed`, never anything else: allowing module edges,
   * forbidding packages. People review and accept it. The file is new, in the decisions folder.
   */
  async proposeDecision(input: ProposalInput, today?: string): Promise<{ id: number; file: string; text: string }> {
    const planned = await this.planProposal(input, today);
    await confineToWorkspace(this.fs, this.root, planned.file);
    await this.fs.writeAtomic([{ path: path.posix.join(this.root, planned.file), text: planned.text }]);
    return planned;
  }

  /** The record proposeDecision writes, for a shell that writes it its own way (the editor, through a WorkspaceEdit). */
  async planProposal(input: ProposalInput, today = new Date().toISOString().slice(0, 10)): Promise<{ id: number; file: string; text: string }> {
    const title = input.title?.trim();
    if (!title) throw new ToolInputError('a proposal needs a title');
    const context = input.context?.trim();
    if (!context) throw new ToolInputError('a proposal needs a context: why the change is needed');
    const r = await this.run();
    const modules: Record<string, ModuleDeclaration> = {};
    for (const edge of input.allow ?? []) {
      for (const m of [edge.from, edge.to]) {
        if (!r.model.modules.has(m)) throw new ToolInputError(`no accepted decision declares a module "${m}" (modules: ${[...r.model.modules.keys()].join(', ')})`);
      }
      // A `uses` against the layers would contradict them (a decision-model error) and allow nothing.
      const v = Layering.of(r.model).verdict(edge.from, edge.to);
      if (v && v.kind !== 'granted') throw new ToolInputError(`${edge.from} → ${edge.to}: ${layerBreach(v)}, and a uses cannot allow that; propose a decision that changes the layers instead`);
      const decl = (modules[edge.from] ??= { uses: [] });
      if (!decl.uses?.includes(edge.to)) decl.uses?.push(edge.to);
    }
    const forbid = (input.forbidPackages ?? []).map((p) => ({ name: p.name.trim(), ...(p.reason ? { reason: p.reason } : {}) }));
    if (Object.keys(modules).length === 0 && forbid.length === 0) throw new ToolInputError('a proposal must change something: give `allow` edges or `forbid_packages`');
    const id = nextId(r.log);
    const record: DecisionRecord = {
      id,
      title,
      status: 'proposed',
      date: today,
      kind: Object.keys(modules).length ? 'boundaries' : 'technology',
      tags: ['proposed-by-agent'],
      context,
      decision: { chosen: title, ...(input.rationale?.trim() ? { rationale: input.rationale.trim() } : {}) },
      enforce: { ...(Object.keys(modules).length ? { modules } : {}), ...(forbid.length ? { packages: { forbid } } : {}) },
    };
    const file = path.posix.join(r.log.folderRelative, recordFileName(id, title));
    const abs = path.posix.join(this.root, file);
    if (await this.fs.stat(abs)) throw new ToolInputError(`${file} exists already; records are never overwritten`);
    const text = recordToYaml(record, 'Proposed by a coding agent through Adrift; a person reviews it and accepts or rejects it.');
    return { id, file, text };
  }

  private requireProposed(r: CheckResult, ids: readonly number[]): void {
    for (const id of ids) {
      const rec = r.log.records.find((l) => l.record?.id === id)?.record;
      if (!rec) throw new ToolInputError(`there is no decision record ${id} to preview`);
      if (rec.status !== 'proposed') throw new ToolInputError(`record ${id} is ${rec.status}, not proposed: only proposed records can be previewed`);
    }
  }
}

export interface ProposalInput {
  title: string;
  context: string;
  rationale?: string;
  allow?: { from: string; to: string }[];
  forbidPackages?: { name: string; reason?: string }[];
}
