// CodeLens: at the top of a source file, its module, what it may use and the record that
// defines it; in a decision record, its status with actions, the findings that depend on it
// and, for a proposed record, what accepting it would resolve and newly flag.

import * as vscode from 'vscode';
import type { DecisionRef } from '../../core/findings';
import { mayUse } from '../../core/model/layers';
import type { LoadedRecord } from '../../core/records/types';
import { timedMethods } from '../service/longTasks';
import type { AdriftService, FolderState } from '../service/adriftService';
import {
  decisionLocation,
  definedByLensTitle,
  dependentsLensTitle,
  findingLocation,
  moduleLensTitle,
  previewLensTitle,
  statusLensTitle,
  unassignedLensTitle,
  usesLensTitle,
} from './adapter';
import { ACCEPT_DECISION, COMPARE_PREVIEW, OPEN_LOCATION } from './editorCommands';

/** A lens whose title is computed on demand (the preview of a proposed record). */
class PreviewLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly folder: FolderState,
    readonly recordUri: vscode.Uri,
    readonly id: number,
  ) {
    super(range);
  }
}

export class AdriftCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly service: AdriftService) {}

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const at = this.service.locate(document.uri);
    if (!at || !at.folder.settings.codeLens) return [];
    if (this.service.isRecordFile(document.uri)) {
      const record = this.service.recordAt(document.uri);
      return record ? this.recordLenses(at.folder, document.uri, record) : [];
    }
    return this.sourceLenses(at.folder, at.file);
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens | Thenable<vscode.CodeLens> {
    if (!(lens instanceof PreviewLens)) return lens;
    return this.service.previewAccepting(lens.folder, lens.id).then(({ resolved, added }) => {
      lens.command = {
        title: previewLensTitle(resolved.length, added.length),
        command: COMPARE_PREVIEW,
        arguments: [lens.recordUri.toString(), lens.id],
        tooltip: 'Compare the findings with and without this decision',
      };
      return lens;
    });
  }

  private open(folder: FolderState, d: DecisionRef): vscode.Command {
    const loc = decisionLocation((p) => this.service.uriOf(folder, p), d);
    return { title: '', command: OPEN_LOCATION, arguments: [loc.uri.toString(), loc.range.start.line] };
  }

  private sourceLenses(folder: FolderState, file: string): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    // docs/architecture.md, a README or an image belongs to no module by nature: no lens.
    if (!this.service.checksFile(folder, file)) return [];
    const module = this.service.moduleOf(folder, file);
    if (!module) {
      if (folder.model.modules.size === 0) return [];
      return [new vscode.CodeLens(top, { title: unassignedLensTitle(), command: 'adrift.assignFolder', arguments: [this.service.uriOf(folder, file)] })];
    }
    const allowed = mayUse(folder.model, module.name);
    const uses = allowed.map((u) => u.value);
    const usesSource = allowed[0]?.decision ?? module.definedBy;
    return [
      new vscode.CodeLens(top, { ...this.open(folder, module.definedBy), title: moduleLensTitle(module.name, module.pattern?.key), tooltip: module.description ?? '' }),
      new vscode.CodeLens(top, { ...this.open(folder, usesSource), title: usesLensTitle(uses) }),
      new vscode.CodeLens(top, { ...this.open(folder, module.definedBy), title: definedByLensTitle(module.definedBy) }),
    ];
  }

  private recordLenses(folder: FolderState, uri: vscode.Uri, loaded: LoadedRecord): vscode.CodeLens[] {
    const id = loaded.record?.id ?? loaded.header.id;
    const status = loaded.record?.status ?? loaded.header.status;
    if (id === undefined || status === undefined) return [];
    const statusRange = toVsRange(loaded.rangeOf(['status']));
    const lenses = [new vscode.CodeLens(statusRange, { title: statusLensTitle(status), command: '' })];
    if (status === 'proposed') {
      lenses.push(
        new vscode.CodeLens(statusRange, { title: '$(check) Accept', command: ACCEPT_DECISION, arguments: [uri.toString(), id] }),
        new PreviewLens(statusRange, folder, uri, id),
      );
    }
    if (status === 'accepted' || status === 'proposed') {
      lenses.push(new vscode.CodeLens(statusRange, { title: '$(replace) Supersede…', command: 'adrift.supersede', arguments: [uri] }));
    }
    const dependents = this.service.findingsOfDecision(folder, id);
    const idRange = toVsRange(loaded.rangeOf(['id']));
    lenses.push(
      new vscode.CodeLens(idRange, {
        title: dependentsLensTitle(dependents.length),
        command: dependents.length > 0 ? 'editor.action.showReferences' : '',
        arguments: [uri, idRange.start, dependents.map((f) => findingLocation((p) => this.service.uriOf(folder, p), f))],
      }),
    );
    return lenses;
  }
}

function toVsRange(r: { start: { line: number; column: number } }): vscode.Range {
  return new vscode.Range(r.start.line, 0, r.start.line, 0);
}

export function registerCodeLens(service: AdriftService): vscode.Disposable {
  const provider = new AdriftCodeLensProvider(service);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, timedMethods(service.tasks, 'CodeLens', provider, ['provideCodeLenses', 'resolveCodeLens'])),
    service.onDidChange(service.tasks.wrap('CodeLens: refresh', () => provider.refresh())),
  );
}
