// The drift count in the status bar. A click shows the Problems panel filtered to Adrift's
// findings. The count follows the service, so a settings change (a rule turned off, a new
// exclude glob) changes it without a reload.

import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import type { AdriftService } from './service/adriftService';
import { markDriftSeen } from './commands/walkthrough';

export const SHOW_PROBLEMS_COMMAND = 'adrift.showProblems';

export interface DriftCount {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings about decision records themselves (schema, references, lifecycle). */
  records: number;
}

export function countDrift(findings: readonly Finding[]): DriftCount {
  const count: DriftCount = { errors: 0, warnings: 0, infos: 0, records: 0 };
  for (const f of findings) {
    if (f.rule.startsWith('decision-')) count.records++;
    if (f.severity === 'error') count.errors++;
    else if (f.severity === 'warning') count.warnings++;
    else count.infos++;
  }
  return count;
}

export function statusText(c: DriftCount): string {
  const total = c.errors + c.warnings + c.infos;
  if (total === 0) return '$(compass) No drift';
  return `$(compass) ${total} drift`;
}

export function statusTooltip(c: DriftCount): string {
  const total = c.errors + c.warnings + c.infos;
  if (total === 0) return 'Adrift: the code follows the accepted decisions.';
  const parts = [`${c.errors} error${c.errors === 1 ? '' : 's'}`, `${c.warnings} warning${c.warnings === 1 ? '' : 's'}`];
  if (c.infos > 0) parts.push(`${c.infos} info`);
  const records = c.records > 0 ? `, ${c.records} about decision records` : '';
  return `Adrift: ${parts.join(', ')}${records}. Click to list them in Problems.`;
}

export class DriftStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('adrift.drift', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly service: AdriftService) {
    this.item.name = 'Adrift Drift';
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.subscriptions.push(
      service.onDidChange(() => this.schedule()),
      vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, service.tasks.wrap(`command ${SHOW_PROBLEMS_COMMAND}`, () => showAdriftProblems())),
    );
    this.update();
    void service.ready.then(() => this.update());
  }

  /** Findings arrive in bursts while a scan runs; one update per burst is enough. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.service.tasks.run('status bar: counting findings', () => this.update()), 100);
  }

  update(): DriftCount {
    const count = countDrift(this.service.findings());
    this.item.text = statusText(count);
    this.item.tooltip = statusTooltip(count);
    this.item.backgroundColor = count.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: statusTooltip(count) };
    if (this.service.folders().length > 0) this.item.show();
    else this.item.hide();
    return count;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/**
 * Shows the Problems panel, where Adrift's findings carry the source "Adrift". VS Code offers
 * extensions no way to set the panel's filter text (its `type` command only reaches code
 * editors), so the filter is left as the user set it.
 */
export async function showAdriftProblems(): Promise<void> {
  markDriftSeen();
  await vscode.commands.executeCommand('workbench.action.problems.focus');
}
