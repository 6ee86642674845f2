// Hover on a flagged import: both modules, the decision it breaks (title, status, date) and
// what the importing module may use, each use with the decision that allows it. The text is
// escaped in hoverContent.ts; the MarkdownString runs Adrift's open command and nothing else.

import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { timedMethods } from '../service/longTasks';
import type { AdriftService, FolderState } from '../service/adriftService';
import { decisionLabel, decisionLocation, toRange } from './adapter';
import { commandLink, hoverMarkdownText } from './hoverContent';
import { confinementFor } from '../../core/engine/rules/packages';
import { mayUse } from '../../core/model/layers';
import { OPEN_LOCATION } from './editorCommands';

/** The only commands a hover link may run. */
export const HOVER_COMMANDS = [OPEN_LOCATION] as const;

/** The hover of one finding: Markdown from `hoverMarkdownText` (escaped), trusted for Adrift's open command only, no HTML. */
export function hoverMarkdown(service: AdriftService, folder: FolderState, f: Finding): vscode.MarkdownString {
  const record = f.decision ? service.record(folder, f.decision.id)?.record : undefined;
  const loc = f.decision ? decisionLocation((p) => service.uriOf(folder, p), f.decision) : undefined;
  const module = f.fromModule ? folder.model.modules.get(f.fromModule) : undefined;
  // A confined package: who may import it is the question, not what the importing module may use.
  const confined = f.rule === 'confined-package' && f.package !== undefined ? confinementFor(folder.model, f.package, f.fromModule) : undefined;
  const md = new vscode.MarkdownString(
    hoverMarkdownText({
      rule: f.rule,
      message: f.message,
      ...(f.fromModule !== undefined ? { fromModule: f.fromModule } : {}),
      ...(f.toModule !== undefined ? { toModule: f.toModule } : {}),
      ...(f.specifier !== undefined ? { specifier: f.specifier } : {}),
      ...(f.decision && loc
        ? { decision: { label: decisionLabel(f.decision), status: f.decision.status, ...(record?.date ? { date: String(record.date) } : {}), link: commandLink(OPEN_LOCATION, [loc.uri.toString(), loc.range.start.line]) } }
        : {}),
      ...(module ? { module: { name: module.name, uses: mayUse(folder.model, module.name).map((u) => ({ value: u.value, label: decisionLabel(u.decision) })) } } : {}),
      ...(confined ? { package: { name: f.package ?? confined.name, modules: confined.modules.map((m) => ({ value: m.value, label: decisionLabel(m.decision) })) } } : {}),
      ...(f.fixes ? { fixes: f.fixes } : {}),
    }),
    true,
  );
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return md;
}

export function registerHover(service: AdriftService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: 'file' },
    timedMethods(service.tasks, 'hover', {
      provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
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
    }, ['provideHover']),
  );
}
