// Adrift: Sync Boundaries with the Code — `adrift sync` in the editor: the accepted module
// boundaries against the imports of the scanned folder, written as a new proposed record and
// opened for review. No accepted record is edited (see core/adopt/sync.ts).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { compareBoundaries, leftOutReason, proposeSync, type LeftOutEdge } from '../../core/adopt';
import { nextId } from '../../core/records/edits';
import { todayUtc } from '../../core/records/store';
import { runScan } from '../editor/scan';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';
import { applyRecordChanges, fresh } from './recordEdits';

export class SyncBoundariesCommand implements AdriftCommand {
  readonly id = 'adrift.sync';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<{ file: string; newEdges: number; unused: number; leftOut: string[] } | undefined> {
    const opts = optionsOf<{ folder: string; keepUnused: boolean }>(arg);
    const picked = await pickFolder(this.ctx, opts.folder ?? arg, 'Sync Boundaries with the Code');
    if (!picked) return undefined;
    if (!picked.scanned) await runScan(this.ctx.service, [picked], 'Sync Boundaries command');
    const folder = fresh(this.ctx, picked);
    const index = this.ctx.service.engineIndex(folder);
    if (!index || index.model.modules.size === 0) {
      void vscode.window.showInformationMessage('Adrift: no accepted decision declares modules yet, so there are no boundaries to sync (run `adrift init --from-code` or the guide).');
      return undefined;
    }
    const keepUnused = opts.keepUnused === true;
    const proposal = proposeSync(index, folder.log, { id: nextId(folder.log), date: todayUtc(), baseline: folder.baseline, keepUnused });
    if (!proposal) {
      const { leftOut } = compareBoundaries(index, folder.log, { baseline: folder.baseline, keepUnused });
      if (leftOut.length > 0) void vscode.window.showWarningMessage(`Adrift: nothing to propose. ${leftOutMessage(leftOut)}`);
      else void vscode.window.showInformationMessage('Adrift: the accepted boundaries match the code; nothing to propose.');
      return undefined;
    }
    if (proposal.pending !== undefined) {
      void vscode.window.showInformationMessage(`Adrift: record ${proposal.pending} (proposed) already proposes exactly this sync; review it.`);
      return undefined;
    }
    if (!(await applyRecordChanges(this.ctx, folder, [{ path: proposal.recordPath, text: proposal.recordText }], 'Sync Adrift boundaries'))) return undefined;
    await vscode.window.showTextDocument(vscode.Uri.file(path.posix.join(folder.root, proposal.recordPath)));
    if (proposal.leftOut.length > 0) void vscode.window.showWarningMessage(`Adrift: record ${proposal.record.id} does not allow every new import. ${leftOutMessage(proposal.leftOut)}`);
    return { file: proposal.recordPath, newEdges: proposal.newEdges.length, unused: proposal.unused.length, leftOut: proposal.leftOut.map((e) => `${e.from} → ${e.to}`) };
  }
}

/** The pairs sync does not propose, in the words `adrift sync` prints. */
function leftOutMessage(leftOut: readonly LeftOutEdge[]): string {
  return leftOut.map((e) => `Left out ${e.from} → ${e.to} (${e.count} import${e.count === 1 ? '' : 's'}): ${leftOutReason(e)}.`).join(' ');
}
