// Quick fixes on Adrift diagnostics: open the decision, suppress with a reason, add to the
// baseline, propose a decision that allows the edge, and rewrite a private import to the
// module's public entry when that entry exports the names used.

import * as vscode from 'vscode';
import { languageOf } from '../../core/engine/extract';
import type { Finding } from '../../core/findings';
import { timedMethods } from '../service/longTasks';
import type { AdriftService, FolderState } from '../service/adriftService';
import { decisionLabel, decisionLocation, findingOf, ruleOf, toRange } from './adapter';
import { ADD_TO_BASELINE } from './baseline';
import { OPEN_LOCATION, PLACE_CURSOR, PROPOSE_DECISION, type ProposeArgs } from './editorCommands';
import { publicEntryRewrite } from './publicEntry';

/** The inline suppression comment in the file's language's line comment; the reason goes after `-- `. */
export function suppressionComment(file: string, rule: string): string {
  return `${languageOf(file)?.lineComment ?? '//'} adrift-ignore ${rule} -- `;
}

export class AdriftCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: AdriftService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const at = this.service.locate(document.uri);
    if (!at) return [];
    const findings = this.service.findingsOf(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (ruleOf(diagnostic) === undefined) continue;
      const finding = findingOf(diagnostic, findings);
      if (!finding) continue;
      actions.push(...(await this.actionsFor(document, at.folder, finding, diagnostic)));
    }
    // Two findings on one import (a forbidden edge that also closes a cycle) name the same
    // decision: offer to open it once. Fixes that change the code or the decisions come first.
    const seen = new Set<string>();
    const unique = actions.filter((a) => !seen.has(a.title) && seen.add(a.title));
    const rank = (a: vscode.CodeAction): number => (a.isPreferred ? 0 : a.title.startsWith('Propose') ? 1 : a.title.startsWith('Open decision') ? 2 : 3);
    return unique.sort((a, b) => rank(a) - rank(b));
  }

  private async actionsFor(
    document: vscode.TextDocument,
    folder: FolderState,
    f: Finding,
    diagnostic: vscode.Diagnostic,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const isRecord = this.service.isRecordFile(document.uri);

    if (f.rule === 'private-import' && f.specifier) {
      const rewrite = await publicEntryRewrite(this.service, folder, document, f);
      if (rewrite) {
        const a = new vscode.CodeAction(`Import from ${rewrite.toModule}'s public entry '${rewrite.specifier}'`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(document.uri, rewrite.range, rewrite.specifier);
        a.diagnostics = [diagnostic];
        a.isPreferred = true;
        actions.push(a);
      }
    }

    // A decision that allows what the code does: the edge (module-dependency) or the package (confined-package).
    const allow =
      f.rule === 'module-dependency' && f.fromModule && f.toModule
        ? { what: `use ${f.toModule}`, args: { uri: document.uri.toString(), fromModule: f.fromModule, toModule: f.toModule } }
        : f.rule === 'confined-package' && f.fromModule && f.package
          ? { what: `import ${f.package}`, args: { uri: document.uri.toString(), fromModule: f.fromModule, package: f.package } }
          : undefined;
    if (allow) {
      const args: ProposeArgs = f.specifier ? { ...allow.args, specifier: f.specifier } : allow.args;
      const a = new vscode.CodeAction(`Propose a decision that lets ${args.fromModule} ${allow.what}`, vscode.CodeActionKind.QuickFix);
      a.command = { title: a.title, command: PROPOSE_DECISION, arguments: [args] };
      a.diagnostics = [diagnostic];
      actions.push(a);
    }

    if (f.decision && f.decision.file !== f.file) {
      const loc = decisionLocation((p) => this.service.uriOf(folder, p), f.decision);
      const a = new vscode.CodeAction(`Open decision ${decisionLabel(f.decision)}`, vscode.CodeActionKind.QuickFix);
      a.command = { title: a.title, command: OPEN_LOCATION, arguments: [loc.uri.toString(), loc.range.start.line] };
      a.diagnostics = [diagnostic];
      actions.push(a);
    }

    if (!isRecord) {
      actions.push(this.suppress(document, f, diagnostic));
      const b = new vscode.CodeAction(`Add this ${f.rule} finding to the baseline`, vscode.CodeActionKind.QuickFix);
      b.command = { title: b.title, command: ADD_TO_BASELINE, arguments: [document.uri.toString(), f] };
      b.diagnostics = [diagnostic];
      actions.push(b);
    }
    return actions;
  }

  /** Inserts the comment on its own line above the finding, then puts the cursor where the reason goes. */
  private suppress(document: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const line = toRange(f.range).start.line;
    const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
    const comment = suppressionComment(document.fileName, f.rule);
    const a = new vscode.CodeAction(`Suppress ${f.rule} here with a reason`, vscode.CodeActionKind.QuickFix);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}${comment}${eol(document)}`);
    a.command = { title: 'Place the cursor on the reason', command: PLACE_CURSOR, arguments: [document.uri.toString(), line, indent.length + comment.length] };
    a.diagnostics = [diagnostic];
    return a;
  }
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

export function registerCodeActions(service: AdriftService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, timedMethods(service.tasks, 'code actions', new AdriftCodeActions(service), ['provideCodeActions']), {
    providedCodeActionKinds: AdriftCodeActions.kinds,
  });
}
