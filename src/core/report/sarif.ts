// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. Each result
// carries the decision it breaks in its properties and as a related location (the record
// file), so a reviewer can jump from the code to the decision.

import { RULE_IDS, type Finding, type RuleId } from '../findings';
import { RULE_DESCRIPTIONS } from './rules';
import type { ReportInput } from './types';
import { DEFAULT_SEVERITIES } from '../engine/rules/severity';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Absolute path of the workspace root, for originalUriBaseIds. */
  root?: string;
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function region(f: Finding): Record<string, number> {
  const { start, end } = f.range;
  const r: Record<string, number> = { startLine: start.line + 1, startColumn: start.column + 1 };
  if (end.line > start.line || end.column > start.column) {
    r.endLine = end.line + 1;
    r.endColumn = end.column + 1;
  }
  return r;
}

function ruleDescriptor(id: RuleId): Record<string, unknown> {
  const d = RULE_DESCRIPTIONS[id];
  const level = DEFAULT_SEVERITIES[id];
  return {
    id,
    name: d.name,
    shortDescription: { text: d.short },
    fullDescription: { text: d.full },
    defaultConfiguration: level === 'off' ? { enabled: false, level: 'note' } : { level: LEVEL[level] },
    properties: { tags: ['architecture'] },
  };
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const res: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(f.file), uriBaseId: 'SRCROOT' }, region: region(f) } }],
    partialFingerprints: {
      // Stable across line shifts, as the baseline's matching is.
      adriftKey: [f.rule, f.file, f.fromModule ?? '', f.toModule ?? '', f.specifier ?? ''].join('|'),
    },
  };
  const properties: Record<string, unknown> = {};
  if (f.fromModule !== undefined) properties.fromModule = f.fromModule;
  if (f.toModule !== undefined) properties.toModule = f.toModule;
  if (f.specifier !== undefined) properties.specifier = f.specifier;
  if (f.fixes?.length) properties.fixes = f.fixes;
  if (f.decision) {
    const d = f.decision;
    properties.decision = { id: d.id, title: d.title, status: d.status, file: d.file };
    res.relatedLocations = [
      {
        id: 1,
        message: { text: `ADR-${String(d.id).padStart(4, '0')} "${d.title}" (${d.status})` },
        physicalLocation: { artifactLocation: { uri: encodePath(d.file), uriBaseId: 'SRCROOT' }, region: { startLine: d.line + 1 } },
      },
    ];
  }
  if (Object.keys(properties).length > 0) res.properties = properties;
  return res;
}

export function sarifLog(input: ReportInput, options: SarifOptions = {}): Record<string, unknown> {
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'Adrift',
        version: input.toolVersion,
        informationUri: 'https://github.com/adrift-dev/adrift',
        rules: RULE_IDS.map(ruleDescriptor),
      },
    },
    results: input.findings.map((f) => result(f, RULE_IDS.indexOf(f.rule))),
    columnKind: 'utf16CodeUnits',
  };
  if (options.root) {
    const root = options.root.endsWith('/') ? options.root : options.root + '/';
    run.originalUriBaseIds = { SRCROOT: { uri: `file://${encodePath(root.startsWith('/') ? root : '/' + root)}` } };
  }
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

/** The log as `JSON.stringify(sarifLog(…), null, 2)` writes it, one result at a time. */
export function* sarifReportChunks(input: ReportInput, options: SarifOptions = {}): Generator<string> {
  const frame = JSON.stringify(sarifLog({ ...input, findings: [] }, options), null, 2);
  const empty = '"results": []';
  const at = frame.indexOf(empty);
  if (input.findings.length === 0) {
    yield frame + '\n';
    return;
  }
  yield frame.slice(0, at) + '"results": [';
  const indent = '\n        ';
  for (let i = 0; i < input.findings.length; i++) {
    const f = input.findings[i];
    yield (i === 0 ? '' : ',') + indent + JSON.stringify(result(f, RULE_IDS.indexOf(f.rule)), null, 2).replace(/\n/g, indent);
  }
  yield '\n      ]' + frame.slice(at + empty.length) + '\n';
}
