// The starting text of a new record, one skeleton per kind: valid YAML that lints clean as a
// proposed record, with comments that say what belongs in each field. Data, not code paths.

import { parse } from 'yaml';
import { proseValues } from './prose';
import type { DecisionKind, DecisionRecord } from './types';
import { DECISION_KINDS } from './types';
import { yamlScalar } from './text-edit';

export interface SkeletonInput {
  id: number;
  title: string;
  date: string;
  kind: DecisionKind;
  deciders?: string[];
}

const HEADER = `# A decision record: what was decided, why, and what Adrift checks in the code because of it.
# Fields: docs/record-format.md. Status: proposed → accepted (or rejected); later superseded or deprecated.`;

const OPTIONS = (a: string, b: string) => `options:          # every option weighed, the chosen one included
  - name: ${a}
    pros: []        # e.g. [one deploy, team knows it]
    cons: []
  - name: ${b}
    pros: []
    cons: []`;

const BODY: Record<DecisionKind, string> = {
  general: `context: >
  What problem is this decision about, and what constrains it? Replace this text.
drivers: []       # the qualities that matter most here, e.g. [small team, time to market]
${OPTIONS('Option A', 'Option B')}
decision:
  chosen: Option A  # must be the name of one of the options
  rationale: >
    Why this option beats the others, given the drivers.
consequences:
  good: []
  bad: []
`,
  technology: `area: database      # what is being chosen: database, queue, file storage, auth, ...
context: >
  What the product needs from this technology (load, data shape, team skills). Replace this text.
drivers: []       # e.g. [tenant isolation, operational cost]
${OPTIONS('Technology A', 'Technology B')}
decision:
  chosen: Technology A
  rationale: >
    Why it fits best.
consequences:
  good: []
  bad: []
enforce:
  packages:
    forbid: []      # the alternatives ruled out, e.g. - { name: mongodb, reason: "we chose PostgreSQL" }
`,
  boundaries: `context: >
  Which domain modules the product has and why the boundaries are drawn here. Replace this text.
drivers: []       # e.g. [independent change, clear data ownership]
decision:
  chosen: Modules as listed below
  rationale: >
    Why these boundaries.
enforce:
  modules:          # one entry per module: its folders, public entry points, data it owns, modules it may use
    core:
      description: Replace with the module's responsibility.
      paths: [src/core/**]
      public: [src/core/index.ts]   # the only files other modules may import; remove to make all public
      owns: []        # tables, models or collections only this module touches
      uses: []        # modules this one may import
  undeclared: deny  # cross-module imports no \`uses\` allows: deny, warn or allow
  type_only: ignore # whether type-only imports count as dependencies: count or ignore
`,
  'build-vs-buy': `context: >
  Which capabilities the product needs and which of them are worth building. Replace this text.
drivers: []       # e.g. [time to market, cost at 1000 tenants]
build_vs_buy:       # one entry per capability
  - capability: Authentication
    choice: buy       # build or buy
    vendor: Replace with the vendor
    reason: Not a differentiator; a vendor does it better.
  - capability: Ticket routing
    choice: build
    reason: Core of the product.
`,
  evolution: `context: >
  Where the architecture starts and what would make it change. Replace this text.
evolution:          # each stage, and the trigger that moves the product to it
  - stage: v1
    summary: Replace with the first architecture.
  - stage: v2
    summary: Replace with the next step.
    trigger: Replace with what makes v1 insufficient (a load, a customer, a team size).
  - stage: v3
    summary: Replace with the step after.
    trigger: Replace with its trigger.
`,
};

export function recordSkeleton(input: SkeletonInput): string {
  const deciders = input.deciders?.length ? `[${input.deciders.map((d) => yamlScalar(d)).join(', ')}]` : '[]     # who decides, e.g. [tech lead]';
  return `${HEADER}
id: ${input.id}
title: ${yamlScalar(input.title)}
status: proposed
date: ${input.date}
kind: ${input.kind}
deciders: ${deciders}
tags: []
${BODY[input.kind]}`;
}

/**
 * The prose every skeleton writes for the team to replace (contexts, rationales, option
 * names, module descriptions, vendors, stages), read from the skeletons themselves so the
 * lint that flags them left unchanged follows any edit here. Not the title and deciders
 * (the user's own) nor the chosen option's name (it repeats an option, or "Modules as
 * listed below", which reads fine as written).
 */
export function skeletonTexts(): string[] {
  return skeletonSources().flatMap((source) => {
    const rec = parse(source) as DecisionRecord;
    return proseValues(rec)
      .filter((v) => v.path[0] !== 'title' && v.path[0] !== 'deciders' && v.path.join('.') !== 'decision.chosen')
      .map((v) => v.text);
  });
}

/** The skeleton of every kind, as `adrift new` writes it (a placeholder title and date). */
export function skeletonSources(): string[] {
  return DECISION_KINDS.map((kind) => recordSkeleton({ id: 1, title: 'Title', date: '2026-01-01', kind }));
}
