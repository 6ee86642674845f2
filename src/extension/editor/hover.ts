// Hover on a flagged import: both modules, the decision it breaks (title, status, date) and
// what the importing module may use, each use with the decision that allows it.

import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { AdriftService, FolderState } from '../service/adriftService';
import { decisionLabel, decisionLocation, toRange } from './adapter';
import { OPEN_LOCATION } from './editorCommands';

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

export function hoverMarkdown(service: AdriftService, folder: FolderState, f: Finding): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [OPEN_LOCATION] };
  const from = f.fromModule ?? '(no module)';
  const to = f.toModule ?? (f.specifier ? `\`${f.specifier}\`` : '(no module)');
  md.appendMarkdown(`**Adrift** · \`${f.rule}\`\n\n`);
  md.appendMarkdown(`$(symbol-namespace) **${from}** → **${to}**\n\n`);
  md.appendText(f.message);
  md.appendMarkdown('\n\n');
  if (f.decision) {
    const record = service.record(folder, f.decision.id)?.record;
    const loc = decisionLocation((p) => service.uriOf(folder, p), f.decision);
    const link = commandLink(OPEN_LOCATION, [loc.uri.toString(), loc.range.start.line]);
    md.appendMarkdown(`$(law) [${escape(decisionLabel(f.decision))}](${link}) — ${f.decision.status}`);
    if (record?.date) md.appendMarkdown(`, ${record.date}`);
    md.appendMarkdown('\n\n');
  }
  const module = f.fromModule ? folder.model.modules.get(f.fromModule) : undefined;
  if (module) {
    if (module.uses.length === 0) md.appendMarkdown(`**${module.name}** may use no other module.\n`);
    else {
      md.appendMarkdown(`**${module.name}** may use:\n`);
      for (const u of module.uses) md.appendMarkdown(`- ${u.value} (${escape(decisionLabel(u.decision))})\n`);
    }
  }
  if (f.fixes && f.fixes.length > 0) {
    md.appendMarkdown('\n**Ways forward:**\n');
    for (const fix of f.fixes) md.appendMarkdown(`- ${escape(fix)}\n`);
  }
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => `\\${c}`);
}

export function registerHover(service: AdriftService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: 'file' },
    {
      provideHover(document, position) {
        const at = service.locate(document.uri);
        if (!at || service.isRecordFile(document.uri)) return undefined;
        const hits = service.findingsOf(document.uri).filter((f) => toRange(f.range).contains(position));
        if (hits.length === 0) return undefined;
        const first = hits[0];
        if (!first) return undefined;
        return new vscode.Hover(
          hits.map((f) => hoverMarkdown(service, at.folder, f)),
          toRange(first.range),
        );
      },
    },
  );
}
