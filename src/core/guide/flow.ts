// The architecture flow: the checklist of a SaaS architecture, one step per question group.
// Field ids are the keys of GuideAnswers that ./records.ts reads.

import { AUTH_OPTIONS, DATABASE_OPTIONS, FILE_STORAGE_OPTIONS, QUEUE_OPTIONS, TENANCY_OPTIONS } from './options';
import type { ChoiceOption, GuideField, GuideFlow } from './types';

/** A key technology decision: the answer id of its choice, of its rationale, and its options. */
export interface KeyDecisionArea {
  area: string;
  label: string;
  field: string;
  rationaleField: string;
  options: ChoiceOption[];
}

export const KEY_DECISION_AREAS: KeyDecisionArea[] = [
  { area: 'database', label: 'Database', field: 'database', rationaleField: 'databaseRationale', options: DATABASE_OPTIONS },
  { area: 'queue', label: 'Queue', field: 'queue', rationaleField: 'queueRationale', options: QUEUE_OPTIONS },
  { area: 'file storage', label: 'File Storage', field: 'fileStorage', rationaleField: 'fileStorageRationale', options: FILE_STORAGE_OPTIONS },
  { area: 'auth', label: 'Auth', field: 'auth', rationaleField: 'authRationale', options: AUTH_OPTIONS },
];

export const SPLIT_SIDES = [
  { id: 'frontend', label: 'Frontend' },
  { id: 'backend', label: 'Backend' },
  { id: 'mobile', label: 'Mobile' },
  { id: 'shared', label: 'Shared' },
];

function keyDecisionFields(): GuideField[] {
  return KEY_DECISION_AREAS.flatMap((a): GuideField[] => [
    { id: a.field, kind: 'choice', label: a.label, options: a.options, required: true },
    { id: a.rationaleField, kind: 'textarea', label: `Why this ${a.label.toLowerCase()}?`, placeholder: 'e.g. relational data fits well' },
  ]);
}

export const ARCHITECTURE_FLOW: GuideFlow = {
  id: 'saas-architecture',
  title: 'SaaS architecture',
  steps: [
    {
      id: 'product',
      title: 'Product and tenancy',
      icon: 'organization',
      intro: 'What you are building, for whom, and how customers (tenants) are kept apart. Tenancy is the hardest decision to change later.',
      fields: [
        { id: 'product', kind: 'text', label: 'Product', placeholder: 'Help desk for SMBs (10-50 agents per customer)', required: true },
        { id: 'deciders', kind: 'list', label: 'Deciders', help: 'Who makes these decisions.', placeholder: 'tech lead' },
        { id: 'tenancy', kind: 'choice', label: 'Tenancy model', options: TENANCY_OPTIONS, required: true },
        { id: 'tenancyRationale', kind: 'textarea', label: 'Why this tenancy model?' },
      ],
    },
    {
      id: 'modules',
      title: 'Domain modules',
      icon: 'symbol-module',
      intro: 'Split the product into domain modules, each with one responsibility and its own folders. Adrift flags code that crosses a module edge without a decision allowing it.',
      fields: [
        {
          id: 'modules',
          kind: 'table',
          label: 'Modules',
          rowLabel: 'module',
          required: true,
          columns: [
            { id: 'name', label: 'Name', kind: 'text', placeholder: 'Ticket' },
            { id: 'responsibility', label: 'Responsibility', kind: 'text', placeholder: 'Creation, assignment, status, SLA tracking' },
            { id: 'folders', label: 'Folders', kind: 'list', suggest: 'folders', placeholder: 'api/src/ticket' },
          ],
        },
        { id: 'modulesRationale', kind: 'textarea', label: 'Why these modules?', help: 'What changes together, which data belongs together, who works on what. Left empty, the record says to fill it in.' },
      ],
    },
    {
      id: 'ownership',
      title: 'Data ownership',
      icon: 'database',
      intro: 'Each table, model or collection has one owner. Other modules go through the owner\'s API instead of reading its data.',
      fields: [
        { id: 'owns', kind: 'per-row', label: 'Data each module owns', rowsOf: { field: 'modules', column: 'name' }, values: 'list', placeholder: 'Ticket' },
      ],
    },
    {
      id: 'dependencies',
      title: 'Module dependencies',
      icon: 'references',
      intro: 'Which module may use which. Every other import between modules is drift.',
      fields: [
        { id: 'uses', kind: 'per-row', label: 'Modules each module may use', rowsOf: { field: 'modules', column: 'name' }, values: 'pick-rows' },
        {
          id: 'undeclared',
          kind: 'choice',
          label: 'Imports between modules that no rule allows',
          options: [
            { id: 'deny', label: 'Are errors', when: 'Boundaries matter from day one.' },
            { id: 'warn', label: 'Are warnings', when: 'Adopting Adrift in an existing codebase.' },
            { id: 'allow', label: 'Are fine', when: 'Only ownership and packages should be checked.' },
          ],
        },
      ],
    },
    {
      id: 'split',
      title: 'Frontend/backend split',
      icon: 'split-horizontal',
      intro: 'The deployable parts and the technology of each. Frontends reach the backend only over its API, never by importing its code.',
      fields: [
        {
          id: 'parts',
          kind: 'table',
          label: 'Parts',
          rowLabel: 'part',
          columns: [
            { id: 'side', label: 'Side', kind: 'choice', options: SPLIT_SIDES },
            { id: 'technology', label: 'Technology and purpose', kind: 'text', placeholder: 'Next.js for dashboard (agent workspace)' },
            { id: 'folders', label: 'Folders', kind: 'list', suggest: 'folders', placeholder: 'web' },
          ],
        },
        { id: 'splitRationale', kind: 'textarea', label: 'Why this split?', placeholder: 'API-first for mobile + future public API' },
      ],
    },
    {
      id: 'decisions',
      title: 'Key decisions',
      icon: 'server-process',
      intro: 'Database, queue, file storage and auth: pick one option each. The packages of the options you rule out are flagged if they show up in the code.',
      fields: keyDecisionFields(),
    },
    {
      id: 'build-vs-buy',
      title: 'Build vs buy',
      icon: 'package',
      intro: 'Per capability: build it yourself or buy it, from whom, and behind which module. A bought vendor\'s SDK may then be imported only by that module, so replacing the vendor touches one place.',
      fields: [
        {
          id: 'buildVsBuy',
          kind: 'table',
          label: 'Capabilities',
          rowLabel: 'capability',
          columns: [
            { id: 'capability', label: 'Capability', kind: 'text', placeholder: 'Payments' },
            { id: 'choice', label: 'Build or buy', kind: 'choice', options: [{ id: 'build', label: 'Build' }, { id: 'buy', label: 'Buy' }] },
            { id: 'vendor', label: 'Vendor', kind: 'text', placeholder: 'Stripe' },
            { id: 'module', label: 'Behind module', kind: 'text' },
            { id: 'packages', label: 'SDK packages (if Adrift does not know the vendor)', kind: 'list' },
            { id: 'reason', label: 'Why', kind: 'text' },
          ],
        },
      ],
    },
    {
      id: 'evolution',
      title: 'Evolution',
      icon: 'rocket',
      intro: 'Where the architecture goes next: v1, v2, v3, and what triggers each step. Build v1 only; know the path.',
      fields: [
        {
          id: 'evolution',
          kind: 'table',
          label: 'Stages',
          rowLabel: 'stage',
          columns: [
            { id: 'stage', label: 'Stage', kind: 'text', placeholder: 'v2' },
            { id: 'summary', label: 'What changes', kind: 'text', placeholder: 'Read replicas, caching with Redis, webhooks' },
            { id: 'trigger', label: 'Trigger', kind: 'text', placeholder: 'p95 latency above 300 ms' },
          ],
        },
      ],
    },
  ],
};

/** Every field of a flow, by id. */
export function fieldsById(flow: GuideFlow): Map<string, GuideField> {
  return new Map(flow.steps.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
}
