// Adrift: Export Decisions as Markdown (MADR 4, one file per record) and Import Markdown
// Decisions (MADR 2/3/4 or Nygard / adr-tools → YAML records), on the core's converters, the
// same ones `adrift export` / `adrift import` use.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { importMarkdownFiles, type ImportedRecord } from '../../core/records/markdown/import';
import { MAX_RECORD_CHARS } from '../../core/records/parse';
import { planImport } from '../../core/records/import-plan';
import { recordToMadr } from '../../core/records/markdown/madr-export';
import { todayUtc } from '../../core/records/store';
import type { DecisionRecord, FileChange } from '../../core/records/types';
import { ensureDecisionsFolder, optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';
import { applyRecordChanges, fresh } from './recordEdits';

const DEFAULT_EXPORT_FOLDER = 'adr-export';
/** Past this size a Markdown file is not read: its record could never be loaded. */
const MAX_MARKDOWN_BYTES = 4 * MAX_RECORD_CHARS;

function isRelativeInside(text: string): boolean {
  const clean = text.trim().replace(/\\/g, '/');
  return clean !== '' && !path.posix.isAbsolute(clean) && !clean.split('/').includes('..');
}

export class ExportMarkdownCommand implements AdriftCommand {
  readonly id = 'adrift.exportMarkdown';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<{ folder: string; files: string[] } | undefined> {
    const opts = optionsOf<{ folder: string; out: string }>(arg);
    const title = 'Export Decisions as Markdown';
    const folder = await pickFolder(this.ctx, opts.folder, title);
    if (!folder) return undefined;
    const usable = folder.log.records.filter((r): r is typeof r & { record: DecisionRecord } => r.record !== undefined);
    if (usable.length === 0) {
      void vscode.window.showInformationMessage(`Adrift: ${folder.folder.name} has no decision records to export yet.`);
      return undefined;
    }
    const out =
      opts.out ??
      (await this.ctx.prompter.input({
        title,
        prompt: `Folder for the MADR files, relative to ${folder.folder.name}`,
        value: DEFAULT_EXPORT_FOLDER,
        validate: (text) => (isRelativeInside(text) ? undefined : 'A folder inside the workspace folder, e.g. adr-export.'),
      }));
    if (!out || !isRelativeInside(out)) return undefined;
    const outRel = out.trim().replace(/\\/g, '/').replace(/\/+$/, '');
    const base = (file: string): string => path.posix.basename(file).replace(/\.ya?ml$/i, '');
    const mdOf = new Map(usable.map((r) => [r.record.id, `${base(r.file)}.md`]));
    const changes: FileChange[] = usable.map((r) => ({ path: `${outRel}/${mdOf.get(r.record.id)}`, text: recordToMadr(r.record, (id) => mdOf.get(id)) }));

    if (!(await this.ctx.service.mayReplace(changes, folder, title))) return undefined;
    const existing: string[] = [];
    for (const c of changes) {
      try {
        await vscode.workspace.fs.stat(this.ctx.service.uriOf(folder, c.path));
        existing.push(c.path);
      } catch {
        // Not there yet: nothing to overwrite.
      }
    }
    if (existing.length > 0) {
      const overwrite = `Overwrite ${existing.length} file${existing.length === 1 ? '' : 's'}`;
      if ((await this.ctx.prompter.confirm(`${outRel} already has ${existing.length} of these Markdown files. Overwrite them?`, [overwrite], true)) !== overwrite) return undefined;
    }
    const result = await this.ctx.service.applyChanges(changes, folder, 'Export decisions as Markdown');
    if (!result.applied) {
      void vscode.window.showErrorMessage(`Adrift: could not write the Markdown files to ${outRel}.`);
      return undefined;
    }
    const skipped = folder.log.records.length - usable.length;
    void vscode.window.showInformationMessage(`Adrift: exported ${usable.length} record${usable.length === 1 ? '' : 's'} to ${outRel} as MADR${skipped ? ` (${skipped} with problems left out)` : ''}.`);
    return { folder: outRel, files: changes.map((c) => c.path) };
  }
}

export class ImportMarkdownCommand implements AdriftCommand {
  readonly id = 'adrift.importMarkdown';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<string[] | undefined> {
    const opts = optionsOf<{ folder: string; source: string }>(arg);
    const title = 'Import Markdown Decisions';
    const folder = await pickFolder(this.ctx, opts.folder, title);
    if (!folder || !(await ensureDecisionsFolder(this.ctx, folder))) return undefined;
    const source = opts.source !== undefined ? vscode.Uri.file(path.resolve(folder.folder.uri.fsPath, opts.source)) : await this.ctx.prompter.openFolder({ title: `${title}: the folder of NNNN-title.md records`, defaultUri: folder.folder.uri });
    if (!source) return undefined;

    let imported = await this.read(source);
    if (imported === undefined) return undefined;
    if (imported.length === 0) {
      void vscode.window.showWarningMessage(`Adrift: no decision records in ${source.fsPath} (expected Markdown files named NNNN-title.md).`);
      return undefined;
    }
    const current = fresh(this.ctx, folder);
    const plan = planImport(imported, current.log, 'Adrift');
    if (!plan.ok) {
      void vscode.window.showErrorMessage(`Adrift: nothing imported — ${plan.problem}.`);
      return undefined;
    }
    for (const c of plan.clashes) this.ctx.log.warn(`import: ${c}; the later files got free numbers`);
    for (const s of plan.skipped) this.ctx.log.warn(`import: skipped ${s.source}: ${s.reason}`);
    const changes = plan.changes;
    if (changes.length === 0 && plan.skipped.every((s) => !s.problem)) {
      void vscode.window.showInformationMessage(`Adrift: nothing new to import; every record in ${source.fsPath} was imported before.`);
      return [];
    }
    if (!(await applyRecordChanges(this.ctx, current, changes, 'Import Markdown decisions'))) return undefined;
    imported = plan.written;
    for (const r of imported) for (const note of r.notes) this.ctx.log.info(`import ${r.source}: ${note}`);
    const notes = imported.reduce((n, r) => n + r.notes.length, 0);
    const message = `Adrift: imported ${imported.length} decision record${imported.length === 1 ? '' : 's'} into ${current.log.folderRelative}.`;
    if (notes > 0) {
      void vscode.window.showInformationMessage(`${message} ${notes} note${notes === 1 ? '' : 's'} to check (guessed statuses, missing dates).`, 'Show Notes').then((c) => {
        if (c) this.ctx.log.show(true);
      });
    } else {
      void vscode.window.showInformationMessage(message);
    }
    return changes.map((c) => c.path);
  }

  private async read(source: vscode.Uri): Promise<ImportedRecord[] | undefined> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(source);
    } catch {
      void vscode.window.showErrorMessage(`Adrift: ${source.fsPath} is not a folder that can be read.`);
      return undefined;
    }
    const files: { name: string; text: string }[] = [];
    const names = entries.filter(([n, t]) => t === vscode.FileType.File && /\.(md|markdown)$/i.test(n)).map(([n]) => n).sort();
    for (const name of names) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(source, name));
      if (bytes.byteLength > MAX_MARKDOWN_BYTES) {
        this.ctx.log.warn(`import: skipped ${name}: ${Math.round(bytes.byteLength / 1024)} KB, too large for a record`);
        continue;
      }
      files.push({ name, text: new TextDecoder().decode(bytes) });
    }
    const read = importMarkdownFiles(files, { today: todayUtc() });
    for (const s of read.skipped) this.ctx.log.warn(`import: skipped ${s.source}: ${s.reason}`);
    const out: ImportedRecord[] = read.records;
    return out;
  }
}
