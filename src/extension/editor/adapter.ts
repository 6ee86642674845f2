// The one place where the core's plain findings become editor objects: Diagnostics,
// Ranges, Locations and CodeLens titles. Every feature goes through here so a finding looks
// the same in the Problems panel, in a hover and in a CodeLens.

import * as vscode from 'vscode';
import type { DecisionRef, Finding, Range, Severity } from '../../core/findings';

/** Where each rule is documented; the Problems panel links the rule id there. */
export const RULES_DOCS = 'https://github.com/adrift-dev/adrift/blob/main/docs/rules.md';

export function ruleDocsUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`${RULES_DOCS}#${rule}`);
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.column, r.end.line, r.end.column);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
  }
}

export function decisionLabel(d: Pick<DecisionRef, 'id' | 'title'>): string {
  return `ADR-${String(d.id).padStart(4, '0')} "${d.title}"`;
}

export function decisionLocation(resolveUri: (file: string) => vscode.Uri, d: DecisionRef): vscode.Location {
  return new vscode.Location(resolveUri(d.file), new vscode.Position(d.line, 0));
}

export function findingLocation(resolveUri: (file: string) => vscode.Uri, f: Finding): vscode.Location {
  return new vscode.Location(resolveUri(f.file), toRange(f.range));
}

export function toDiagnostic(f: Finding, resolveUri: (file: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = 'Adrift';
  d.code = { value: f.rule, target: ruleDocsUri(f.rule) };
  // A finding inside a record points at itself; pointing it at its own line again is noise.
  if (f.decision && f.decision.file !== f.file) {
    d.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(
        decisionLocation(resolveUri, f.decision),
        `${decisionLabel(f.decision)} (${f.decision.status})`,
      ),
    ];
  }
  if (f.rule === 'unused-suppression') d.tags = [vscode.DiagnosticTag.Unnecessary];
  return d;
}

/** The rule id of an Adrift diagnostic, or undefined for anyone else's. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== 'Adrift') return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** The finding a diagnostic was made from, matched on rule and range. */
export function findingOf(d: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const rule = ruleOf(d);
  return findings.find((f) => f.rule === rule && toRange(f.range).isEqual(d.range) && f.message === d.message);
}

// ---- CodeLens titles ----------------------------------------------------------------------

/** `module service-billing (from service-{name})` for a module a pattern declared. */
export function moduleLensTitle(module: string, pattern?: string): string {
  return `$(symbol-namespace) module ${module}${pattern ? ` (from ${pattern})` : ''}`;
}

export function usesLensTitle(uses: readonly string[]): string {
  return uses.length === 0 ? 'may use no other module' : `may use ${uses.join(', ')}`;
}

export function definedByLensTitle(d: DecisionRef): string {
  return `defined by ${decisionLabel(d)}`;
}

export function unassignedLensTitle(): string {
  return '$(question) in no module';
}

export function statusLensTitle(status: string): string {
  return `$(law) ${status}`;
}

export function dependentsLensTitle(count: number): string {
  return count === 1 ? '1 finding depends on this decision' : `${count} findings depend on this decision`;
}

export function previewLensTitle(resolved: number, added: number): string {
  return `accepting would resolve ${resolved} finding${resolved === 1 ? '' : 's'} and newly flag ${added}`;
}

/** `line:col`, 1-based, as the CLI prints it. */
export function formatPosition(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.column + 1}`;
}
