// The agent tools as VS Code language model tools (package.json `languageModelTools`), so
// agent mode can call them with no setup. They read through the service's file system, so
// `check` sees unsaved editors as the diagnostics do, and a proposal is written through a
// WorkspaceEdit after the user confirms it (prepareInvocation).

import * as vscode from 'vscode';
import { answerTool } from '../../core/agents/answer';
import { lmToolName, TOOL_SPECS, type ToolName } from '../../core/agents/schemas';
import { AgentTools, ToolInputError, type ProposalInput } from '../../core/agents/tools';
import { timedMethods } from '../service/longTasks';
import type { AdriftService, FolderState } from '../service/adriftService';

function folderFor(service: AdriftService): FolderState {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && service.folderOf(active)) ?? service.folders()[0];
  if (!folder) throw new ToolInputError('Adrift works on a workspace folder: open a folder first');
  return folder;
}

function toolsOf(service: AdriftService, folder: FolderState): AgentTools {
  return new AgentTools(service.fileSystem, folder.root, folder.log.folderRelative);
}

class AdriftLanguageModelTool implements vscode.LanguageModelTool<Record<string, unknown>> {
  constructor(
    private readonly service: AdriftService,
    private readonly name: ToolName,
  ) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<Record<string, unknown>>): vscode.PreparedToolInvocation {
    if (this.name !== 'propose_decision') return { invocationMessage: `Adrift: ${TOOL_SPECS[this.name].title.toLowerCase()}` };
    const title = typeof options.input.title === 'string' ? options.input.title : '';
    const allow = Array.isArray(options.input.allow) ? (options.input.allow as { from?: string; to?: string }[]).map((e) => `${e.from} → ${e.to}`) : [];
    return {
      invocationMessage: 'Adrift: writing a proposed decision record',
      confirmationMessages: {
        title: 'Write a proposed decision record?',
        message: new vscode.MarkdownString(`An agent proposes **${title.replace(/[*_`[\]]/g, '')}**${allow.length ? `, allowing ${allow.join(', ')}` : ''}. It is written with status \`proposed\`: nothing changes until a person accepts it.`),
      },
    };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<Record<string, unknown>>): Promise<vscode.LanguageModelToolResult> {
    const folder = folderFor(this.service);
    const tools = toolsOf(this.service, folder);
    const write = async (proposal: ProposalInput) => {
      const planned = await tools.planProposal(proposal);
      const applied = await this.service.applyChanges([{ path: planned.file, text: planned.text }], folder, 'Propose decision (agent)');
      if (!applied.applied) throw new ToolInputError(`${planned.file} was not written${applied.declined ? ': the user declined' : ''}`);
      await vscode.workspace.save(vscode.Uri.joinPath(folder.folder.uri, planned.file));
      await this.service.reloadRecords(folder);
      return planned;
    };
    try {
      const answer = await answerTool(tools, this.name, options.input, write);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(answer.text)]);
    } catch (err) {
      // The model reads the message and can correct its call; VS Code shows thrown errors too.
      if (err instanceof ToolInputError) throw new Error(err.message);
      throw err;
    }
  }
}

export function registerLanguageModelTools(service: AdriftService): vscode.Disposable {
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  if (!lm?.registerTool) return new vscode.Disposable(() => undefined);
  return vscode.Disposable.from(...(Object.keys(TOOL_SPECS) as ToolName[]).map((name) => lm.registerTool(lmToolName(name), timedMethods(service.tasks, `language model tool ${name}`, new AdriftLanguageModelTool(service, name), ['prepareInvocation', 'invoke']))));
}
