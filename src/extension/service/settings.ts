// The `adrift.*` settings, read fresh each time so a change applies without a reload.

import * as vscode from 'vscode';
import { RULE_IDS, type RuleId, type Severity } from '../../core/findings';

export type RuleSeverity = Severity | 'off';

export interface AdriftSettings {
  decisionsFolder: string;
  severity: Partial<Record<RuleId, RuleSeverity>>;
  codeLens: boolean;
  exclude: string[];
  checkWhileTyping: boolean;
  /** The branch "N new since …" compares with (its merge base with HEAD). */
  baseBranch: string;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

function severityMap(raw: unknown): Partial<Record<RuleId, RuleSeverity>> {
  const out: Partial<Record<RuleId, RuleSeverity>> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [rule, level] of Object.entries(raw)) {
    if ((RULE_IDS as readonly string[]).includes(rule) && typeof level === 'string' && SEVERITIES.includes(level)) {
      out[rule as RuleId] = level as RuleSeverity;
    }
  }
  return out;
}

export function readSettings(scope?: vscode.ConfigurationScope): AdriftSettings {
  const c = vscode.workspace.getConfiguration('adrift', scope);
  const exclude = c.get<unknown>('exclude');
  return {
    decisionsFolder: c.get<string>('decisionsFolder', '').trim(),
    severity: severityMap(c.get<unknown>('severity')),
    codeLens: c.get<boolean>('codeLens.enabled', true),
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string' && g.length > 0) : [],
    checkWhileTyping: c.get<boolean>('checkWhileTyping', true),
    baseBranch: c.get<string>('baseBranch', 'main').trim() || 'main',
  };
}
