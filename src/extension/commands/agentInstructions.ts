// Adrift: Update Agent Instructions — writes the architecture section of AGENTS.md (and the
// other `agent_files` of .adrift.yaml) from the accepted decisions, as `adrift agents` does;
// and, when a decision changes, offers to refresh a section that no longer matches.

import * as vscode from 'vscode';
import { planAgentFiles, type AgentFilePlan } from '../../core/agents/instructions';
import type { AdriftChange, AdriftService, FolderState } from '../service/adriftService';
import { optionsOf, pickFolder, type AdriftCommand, type CommandContext } from './context';

export const UPDATE_AGENT_FILES = 'Update';

export interface AgentInstructionsResult {
  written: string[];
  upToDate: string[];
  refused: string[];
}

async function writePlans(service: AdriftService, folder: FolderState, plans: readonly AgentFilePlan[]): Promise<AgentInstructionsResult | undefined> {
  const writes = plans.flatMap((p) => (p.update?.kind === 'write' ? [{ path: p.file, text: p.update.text }] : []));
  const result: AgentInstructionsResult = {
    written: writes.map((w) => w.path),
    upToDate: plans.filter((p) => p.update?.kind === 'unchanged').map((p) => p.file),
    refused: plans.filter((p) => p.refused).map((p) => p.file),
  };
  for (const p of plans) if (p.refused) void vscode.window.showWarningMessage(`Adrift: ${p.file} ${p.refused.message}`);
  if (writes.length === 0) return result;
  const applied = await service.applyChanges(writes, folder, 'Update agent instructions');
  if (!applied.applied) {
    if (!applied.declined) void vscode.window.showErrorMessage(`Adrift: could not write ${result.written.join(', ')}.`);
    return undefined;
  }
  return result;
}

export class UpdateAgentInstructionsCommand implements AdriftCommand {
  readonly id = 'adrift.updateAgentInstructions';
  constructor(private readonly ctx: CommandContext) {}

  async run(arg?: unknown): Promise<AgentInstructionsResult | undefined> {
    const opts = optionsOf<{ folder: string }>(arg);
    const folder = await pickFolder(this.ctx, opts.folder ?? arg, 'Update Agent Instructions');
    if (!folder) return undefined;
    const plans = await planAgentFiles(this.ctx.service.fileSystem, folder.root, folder.config.agentFiles, folder.log, folder.model);
    const result = await writePlans(this.ctx.service, folder, plans);
    if (result && result.refused.length === 0) {
      void vscode.window.showInformationMessage(
        result.written.length > 0 ? `Adrift: architecture section written in ${result.written.join(', ')}.` : `Adrift: ${result.upToDate.join(', ')} already match the decisions.`,
      );
    }
    return result;
  }
}

/**
 * After the records of a folder change: when an agent file already has an Adrift section and
 * it no longer matches, offer to refresh it (once per state of the records). Files without a
 * section are left to the command: Adrift does not add one unasked.
 */
export function offerAgentRefresh(ctx: CommandContext): vscode.Disposable {
  const asked = new Map<string, string>();
  return ctx.service.onDidChange(ctx.service.tasks.wrap('agent instructions: offering a refresh', async (change: AdriftChange) => {
    if (change.kind !== 'records') return;
    const folder = change.folder;
    const plans = await planAgentFiles(ctx.service.fileSystem, folder.root, folder.config.agentFiles, folder.log, folder.model);
    const stale = plans.filter((p) => p.findings.some((f) => f.severity === 'warning') && p.update?.kind === 'write');
    if (stale.length === 0) return;
    const key = stale.map((p) => (p.update?.kind === 'write' ? p.update.text : '')).join('\u0000');
    if (asked.get(folder.root) === key) return;
    asked.set(folder.root, key);
    const files = stale.map((p) => p.file).join(', ');
    const answer = await ctx.prompter.confirm(`Adrift: the architecture section of ${files} no longer matches the decisions.`, [UPDATE_AGENT_FILES]);
    if (answer !== UPDATE_AGENT_FILES) return;
    // Re-plan: the records or the files may have changed while the question was open.
    const current = ctx.service.folders().find((f) => f.root === folder.root) ?? folder;
    const again = await planAgentFiles(ctx.service.fileSystem, current.root, current.config.agentFiles, current.log, current.model);
    await writePlans(ctx.service, current, again.filter((p) => stale.some((s) => s.file === p.file)));
  }));
}
