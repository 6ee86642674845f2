// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. Each result
// carries the decision it breaks in its properties and as a related location (the record
// file), so a reviewer can jump from the code to the decision.

import { RULE_IDS, type Finding, type RuleId } from '../findings';
import { RULE_DESCRIPTIONS } from './rules';
import { adrLabel, type DecisionSummary, type ReportInput } from './types';
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

/** What results share: the decisions (a SARIF taxonomy, one taxon each) and the --since split. */
interface ResultContext {
  taxa: Map<number, number>;
  decisions: ReadonlyMap<number, DecisionSummary>;
  state?: (f: Finding) => 'new' | 'unchanged' | 'absent';
}

const TAXONOMY = 'decisions';

function contextOf(input: ReportInput): ResultContext {
  const ids = [...new Set([...input.findings, ...(input.scope?.fixed ?? [])].flatMap((f) => (f.decision ? [f.decision.id] : [])))].filter((id) => input.decisions?.has(id)).sort((a, b) => a - b);
  const scope = input.scope;
  return {
    taxa: new Map(ids.map((id, i) => [id, i])),
    decisions: input.decisions ?? new Map(),
    state: scope && ((f) => (scope.introduced.has(f) ? 'new' : 'unchanged')),
  };
}

/** The decision's rationale and the finding's fixes, for viewers that show Markdown. */
function helpMarkdown(f: Finding, d: DecisionSummary | undefined): string {
  const parts = [f.message.replace(/[\\`*_[\]<>]/g, '\\$&')];
  if (d) parts.push(`**Why (${adrLabel(d.id)} ${d.title}):** ${d.rationale ?? 'the record gives no rationale'}${d.deciders.length ? ` — decided by ${d.deciders.join(', ')}` : ''}`);
  if (f.fixes?.length) parts.push(`**Fix:** ${f.fixes.join('; or ')}`);
  return parts.join('\n\n');
}

function result(f: Finding, ruleIndex: number, ctx: ResultContext, state?: 'new' | 'unchanged' | 'absent'): Record<string, unknown> {
  const summary = f.decision ? ctx.decisions.get(f.decision.id) : undefined;
  const res: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: summary || f.fixes?.length ? { text: f.message, markdown: helpMarkdown(f, summary) } : { text: f.message },
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
  const taxon = f.decision ? ctx.taxa.get(f.decision.id) : undefined;
  if (f.decision && taxon !== undefined) res.taxa = [{ id: adrLabel(f.decision.id), index: taxon, toolComponent: { name: TAXONOMY, index: 0 } }];
  const baselineState = state ?? ctx.state?.(f);
  if (baselineState) res.baselineState = baselineState;
  if (baselineState === 'absent') {
    // Fixed: a viewer that ignores baselineState must not count it as a problem.
    res.kind = 'pass';
    res.level = 'none';
  }
  if (Object.keys(properties).length > 0) res.properties = properties;
  return res;
}

/** Each decision the results name, as a taxon whose help is the decision's rationale. */
function decisionTaxonomy(ctx: ResultContext): Record<string, unknown> {
  const taxa = [...ctx.taxa.keys()].map((id) => {
    const d = ctx.decisions.get(id);
    const why = d?.rationale ?? 'The record gives no rationale.';
    const by = d?.deciders.length ? ` Decided by ${d.deciders.join(', ')}.` : '';
    return {
      id: adrLabel(id),
      name: d?.title ?? adrLabel(id),
      shortDescription: { text: d?.title ?? adrLabel(id) },
      fullDescription: { text: why },
      help: { text: `${why}${by} To change it, propose a new decision (adrift new <kind> "<title>", or the editor's "Propose a decision" quick fix)${d ? `; the record is ${d.file}` : ''}.` },
      properties: { status: d?.status ?? 'unknown', file: d?.file ?? '' },
    };
  });
  return { name: TAXONOMY, shortDescription: { text: 'The architecture decisions the results break' }, taxa };
}

export function sarifLog(input: ReportInput, options: SarifOptions = {}): Record<string, unknown> {
  const ctx = contextOf(input);
  return sarifFrame(input, ctx, options, [...input.findings.map((f) => result(f, RULE_IDS.indexOf(f.rule), ctx)), ...absentResults(input, ctx)]);
}

/** With --since: the base's findings that are gone, as results in baselineState absent. */
function absentResults(input: ReportInput, ctx: ResultContext): Record<string, unknown>[] {
  return (input.scope?.fixed ?? []).map((f) => result(f, RULE_IDS.indexOf(f.rule), ctx, 'absent'));
}

function sarifFrame(input: ReportInput, ctx: ResultContext, options: SarifOptions, results: Record<string, unknown>[]): Record<string, unknown> {
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'Adrift',
        version: input.toolVersion,
        informationUri: 'https://github.com/adrift-dev/adrift',
        rules: RULE_IDS.map(ruleDescriptor),
      },
    },
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (ctx.taxa.size > 0) {
    run.taxonomies = [decisionTaxonomy(ctx)];
    (run.tool as { driver: Record<string, unknown> }).driver.supportedTaxonomies = [{ name: TAXONOMY, index: 0 }];
  }
  if (options.root) {
    const root = options.root.endsWith('/') ? options.root : options.root + '/';
    run.originalUriBaseIds = { SRCROOT: { uri: `file://${encodePath(root.startsWith('/') ? root : '/' + root)}` } };
  }
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

/** The log as `JSON.stringify(sarifLog(…), null, 2)` writes it, one result at a time. */
export function* sarifReportChunks(input: ReportInput, options: SarifOptions = {}): Generator<string> {
  const ctx = contextOf(input);
  const frame = JSON.stringify(sarifFrame(input, ctx, options, []), null, 2);
  const empty = '"results": []';
  const at = frame.indexOf(empty);
  const absent = absentResults(input, ctx);
  if (input.findings.length === 0 && absent.length === 0) {
    yield frame + '\n';
    return;
  }
  yield frame.slice(0, at) + '"results": [';
  const indent = '\n        ';
  let first = true;
  const piece = (r: Record<string, unknown>): string => {
    const out = (first ? '' : ',') + indent + JSON.stringify(r, null, 2).replace(/\n/g, indent);
    first = false;
    return out;
  };
  for (const f of input.findings) yield piece(result(f, RULE_IDS.indexOf(f.rule), ctx));
  for (const r of absent) yield piece(r);
  yield '\n      ]' + frame.slice(at + empty.length) + '\n';
}
