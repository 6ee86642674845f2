// The commands behind CodeLenses and quick fixes: open a record at a line, accept a
// proposed decision, list the findings that depend on a decision, compare what accepting a
// proposed record would change, and propose a decision allowing a flagged edge. Their
// arguments are plain values (strings, numbers) so a CodeLens or a test can pass them.

import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { EditError, proposeAllowingEdge, proposeAllowingPackage, setStatus } from '../../core/records/edits';
import { confinementOf } from '../../core/engine/rules/packages';
import type { AdriftService, FolderState } from '../service/adriftService';
import { decisionLabel, findingLocation, formatPosition } from './adapter';

export const OPEN_LOCATION = 'adrift.editor.openLocation';
export const ACCEPT_DECISION = 'adrift.editor.acceptDecision';
export const COMPARE_PREVIEW = 'adrift.editor.comparePreview';
export const PROPOSE_DECISION = 'adrift.proposeDecision';
export const SHOW_DECISION_FINDINGS = 'adrift.showDecisionFindings';
export const PLACE_CURSOR = 'adrift.editor.placeCursor';

/** What a quick fix or a test hands to "propose a decision". */
export interface ProposeArgs {
  /** The importing file's Uri, as a string. */
  uri: string;
  fromModule: string;
  /** The module to allow (module-dependency) ... */
  toModule?: string;
  /** ... or the package to allow (confined-package). */
  package?: string;
  specifier?: string;
}

function folderFor(service: AdriftService, uri: string | undefined): FolderState | undefined {
  if (uri) return service.folderOf(vscode.Uri.parse(uri));
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && service.folderOf(active)) ?? service.folders()[0];
}

async function openAt(uri: vscode.Uri, line: number, column = 0): Promise<vscode.TextEditor> {
  const position = new vscode.Position(line, column);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
}

async function pickFinding(service: AdriftService, folder: FolderState, findings: Finding[], title: string): Promise<void> {
  const items = findings.map((f) => ({
    label: `$(warning) ${f.file}:${formatPosition(f)}`,
    description: f.rule,
    detail: f.message,
    finding: f,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDetail: true });
  if (picked) {
    const loc = findingLocation((p) => service.uriOf(folder, p), picked.finding);
    await vscode.window.showTextDocument(loc.uri, { selection: loc.range, preview: false });
  }
}

/** A core edit refused (a broken record, an unknown id): say why instead of failing silently. */
function explain(err: unknown): undefined {
  if (err instanceof EditError) void vscode.window.showErrorMessage(`Adrift: ${err.message}`);
  else throw err;
  return undefined;
}

export function registerEditorCommands(service: AdriftService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_LOCATION, service.tasks.wrap(`command ${OPEN_LOCATION}`, async (uri: string, line: number, column?: number) => {
      await openAt(vscode.Uri.parse(uri), line, column ?? 0);
    })),

    vscode.commands.registerCommand(PLACE_CURSOR, service.tasks.wrap(`command ${PLACE_CURSOR}`, (uri: string, line: number, column: number) => {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
      if (!editor) return openAt(vscode.Uri.parse(uri), line, column);
      const p = new vscode.Position(line, column);
      editor.selection = new vscode.Selection(p, p);
      editor.revealRange(new vscode.Range(p, p));
      return editor;
    })),

    vscode.commands.registerCommand(ACCEPT_DECISION, service.tasks.wrap(`command ${ACCEPT_DECISION}`, async (recordUri: string, id: number) => {
      const folder = folderFor(service, recordUri);
      if (!folder) return false;
      await service.reloadRecords(folder);
      let changes;
      try {
        changes = setStatus(folder.log, id, 'accepted');
      } catch (err) {
        return explain(err) ?? false;
      }
      const result = await service.applyChanges(changes, folder, `Accept decision ${id}`);
      if (result.applied) await service.reloadRecords(folder);
      return result.applied;
    })),

    vscode.commands.registerCommand(SHOW_DECISION_FINDINGS, service.tasks.wrap(`command ${SHOW_DECISION_FINDINGS}`, async (recordUri?: string, id?: number) => {
      const uri = recordUri ?? vscode.window.activeTextEditor?.document.uri.toString();
      const folder = folderFor(service, uri);
      const record = uri ? service.recordAt(vscode.Uri.parse(uri)) : undefined;
      const decisionId = id ?? record?.record?.id ?? record?.header.id;
      if (!folder || decisionId === undefined) {
        void vscode.window.showInformationMessage('Adrift: open a decision record to list the findings that depend on it.');
        return;
      }
      const findings = service.findingsOfDecision(folder, decisionId);
      if (findings.length === 0) {
        void vscode.window.showInformationMessage(`Adrift: no findings depend on decision ${decisionId}.`);
        return;
      }
      await pickFinding(service, folder, findings, `Findings that depend on decision ${decisionId}`);
    })),

    vscode.commands.registerCommand(COMPARE_PREVIEW, service.tasks.wrap(`command ${COMPARE_PREVIEW}`, async (recordUri: string, id: number) => {
      const folder = folderFor(service, recordUri);
      if (!folder) return;
      const { resolved, added } = await service.previewAccepting(folder, id);
      const items = [
        ...resolved.map((f) => ({ label: `$(pass) resolves ${f.file}:${formatPosition(f)}`, detail: f.message, finding: f })),
        ...added.map((f) => ({ label: `$(warning) newly flags ${f.file}:${formatPosition(f)}`, detail: f.message, finding: f })),
      ];
      if (items.length === 0) {
        void vscode.window.showInformationMessage(`Adrift: accepting decision ${id} would change no finding.`);
        return;
      }
      const picked = await vscode.window.showQuickPick(items, { title: `If decision ${id} were accepted`, matchOnDetail: true });
      if (picked) {
        const loc = findingLocation((p) => service.uriOf(folder, p), picked.finding);
        await vscode.window.showTextDocument(loc.uri, { selection: loc.range, preview: false });
      }
    })),

    vscode.commands.registerCommand(PROPOSE_DECISION, service.tasks.wrap(`command ${PROPOSE_DECISION}`, async (args?: ProposeArgs) => {
      const folder = folderFor(service, args?.uri);
      if (!folder || !args) {
        void vscode.window.showInformationMessage('Adrift: use the quick fix on a module-dependency or confined-package finding to propose a decision.');
        return undefined;
      }
      await service.reloadRecords(folder);
      const from = vscode.Uri.parse(args.uri);
      const file = service.locate(from)?.file;
      const example = file === undefined ? undefined : args.specifier === undefined ? { file } : { file, specifier: args.specifier };
      const ctx = example ? { example } : {};
      // A package is allowed under the name its confining record gives it (a scope, say), so the fold merges the two.
      const confinedAs = args.package === undefined ? undefined : confinementOf(folder.model, args.package, args.fromModule);
      let change;
      try {
        if (confinedAs !== undefined) change = proposeAllowingPackage(folder.log, args.fromModule, confinedAs, ctx);
        else if (args.toModule !== undefined) change = proposeAllowingEdge(folder.log, args.fromModule, args.toModule, ctx);
        else return undefined;
      } catch (err) {
        return explain(err);
      }
      const result = await service.applyChanges([change], folder, `Propose: ${args.fromModule} may ${confinedAs !== undefined ? `import ${confinedAs}` : `use ${args.toModule ?? ''}`}`);
      if (!result.applied || result.uris.length === 0) {
        void vscode.window.showErrorMessage('Adrift: the proposed decision could not be written.');
        return undefined;
      }
      await service.reloadRecords(folder);
      const created = result.uris[0];
      const record = service.recordAt(created);
      const line = record ? record.rangeOf(['title']).start.line : 0;
      await openAt(created, line);
      const id = record?.record?.id ?? record?.header.id;
      if (id !== undefined) {
        void vscode.window.setStatusBarMessage(`Adrift: proposed ${decisionLabel({ id, title: record?.header.title ?? '' })}`, 5000);
      }
      return created.toString();
    })),
  );
}
