// The architecture flow: the checklist of a SaaS architecture, one step per question group,
// the spine every product gets. The product kind answer picks a pack (./packs) whose steps
// come after the key decisions: composeFlow gives the flow the guide shows for the answers.
// Field ids are the keys of GuideAnswers that ./records.ts and ./choices.ts read.

import { BASELINE_FIELD, DISCOVERED_FIELD } from './adoption';
import { moduleField, rationaleField } from './choices';
import { KEY_DECISIONS, TENANCY_DECISION } from './options';
import { GUIDE_PACKS } from './packs';
import { PART_KINDS } from './split';
import type { ChoiceDecision, GuideAnswers, GuideField, GuideFlow, GuidePack, GuideStep } from './types';

/** The answer of the dependencies step's layers: one row per layer, top first (see LayersField). */
export const LAYERS_FIELD = 'layers';

/** The answer that picks a pack, and its value when no pack fits. */
export const PRODUCT_KIND_FIELD = 'productKind';
export const NO_PACK = 'other';

/** The fields of one choice decision: the choice, its owner module (when it has one), why. */
export function decisionFields(d: ChoiceDecision): GuideField[] {
  return [
    { id: d.field, kind: 'choice', label: d.label, help: d.question, options: d.options, required: true },
    ...(d.owner ? [{ id: moduleField(d), kind: 'text' as const, label: d.owner.label, ...(d.owner.help ? { help: d.owner.help } : {}), placeholder: 'Invoicing' }] : []),
    { id: rationaleField(d), kind: 'textarea', label: `Why this ${d.label.toLowerCase()}?`, placeholder: 'what the product needs that this option gives' },
  ];
}

function keyDecisionFields(): GuideField[] {
  return KEY_DECISIONS.flatMap(decisionFields);
}

const PRODUCT_KIND: GuideField = {
  id: PRODUCT_KIND_FIELD,
  kind: 'choice',
  label: 'Kind of product',
  help: 'Picks the extra questions an architect asks for this kind of product; they come after the key decisions.',
  options: [
    ...GUIDE_PACKS.map((p) => ({ id: p.id, label: p.label, when: p.when })),
    { id: NO_PACK, label: 'Something else', when: 'None of these fits: the generic checklist only.' },
  ],
};

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
        { id: 'product', kind: 'text', label: 'Product', placeholder: 'Invoicing app for freelancers', required: true },
        PRODUCT_KIND,
        { id: 'deciders', kind: 'list', label: 'Deciders', help: 'Who makes these decisions.', placeholder: 'lead architect' },
        ...decisionFields(TENANCY_DECISION),
      ],
    },
    {
      id: 'modules',
      title: 'Domain modules',
      icon: 'symbol-module',
      intro: 'Split the product into domain modules, each with one responsibility and its own folders. Adrift flags code that crosses a module edge without a decision allowing it.',
      fields: [
        {
          id: DISCOVERED_FIELD,
          kind: 'discover',
          label: 'Discover from code',
          help: 'For code that exists: proposes modules from the workspace\'s packages, or else from the top folders under src, app, packages or services, with the source files each holds. Keep, rename, merge or drop them, then add them to the modules below. Nothing is written until you write the records.',
          into: { field: 'modules', name: 'name', folders: 'folders' },
        },
        {
          id: 'modules',
          kind: 'table',
          label: 'Modules',
          rowLabel: 'module',
          required: true,
          columns: [
            { id: 'name', label: 'Name', kind: 'text', placeholder: 'Invoicing' },
            { id: 'responsibility', label: 'Responsibility', kind: 'text', placeholder: 'Invoices and payment reminders' },
            { id: 'folders', label: 'Folders', kind: 'list', suggest: 'folders', placeholder: 'src/invoicing' },
          ],
        },
        { id: 'modulesRationale', kind: 'textarea', label: 'Why these modules?', placeholder: 'each module changes for one reason and owns its data', help: 'What changes together, which data belongs together, who works on what. Left empty, the record says to fill it in.' },
      ],
    },
    {
      id: 'ownership',
      title: 'Data ownership',
      icon: 'database',
      intro: 'Each table, model or collection has one owner. Other modules go through the owner\'s API instead of reading its data.',
      fields: [
        { id: 'owns', kind: 'per-row', label: 'Data each module owns', rowsOf: { field: 'modules', column: 'name' }, values: 'list', placeholder: 'InvoiceLine' },
      ],
    },
    {
      id: 'dependencies',
      title: 'Module dependencies',
      icon: 'references',
      intro: 'Which module may use which. Every other import between modules is drift.',
      fields: [
        {
          id: BASELINE_FIELD,
          kind: 'edges',
          label: 'What the code does today',
          help: 'The imports between these modules in the code now, per pair, with the files that have most of them. Allow a pair (it becomes a "may use" below), baseline it (today\'s imports are accepted with a reason until a date, in the baseline file; new ones are drift), or leave it to be reported as drift.',
          rowsOf: { field: 'modules', column: 'name', folders: 'folders' },
          allow: 'uses',
        },
        { id: 'uses', kind: 'per-row', label: 'Modules each module may use', rowsOf: { field: 'modules', column: 'name' }, values: 'pick-rows' },
        {
          id: LAYERS_FIELD,
          kind: 'layers',
          label: 'Layers',
          help: 'Optional. Order the modules into layers, top first: a module may use the layers below its own, never one above; a closed layer may use the layer right below only. Drag a module, or focus it and press Alt+Up or Alt+Down. Modules in no layer are left out of the layering.',
          rowsOf: { field: 'modules', column: 'name' },
        },
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
      title: 'Parts of the product',
      icon: 'split-horizontal',
      intro:
        'What the product is built and shipped as: web app, mobile app, server, worker, an agent customers install, a browser extension, shared libraries. Pick what each part may use: a shared library is imported, a server is called over its API (a worker may import the server code it runs). Adrift flags every other import between parts.',
      fields: [
        {
          id: 'parts',
          kind: 'table',
          label: 'Parts',
          rowLabel: 'part',
          columns: [
            { id: 'name', label: 'Name', kind: 'text', placeholder: 'Customer portal' },
            { id: 'kind', label: 'Kind', kind: 'choice', options: PART_KINDS.map(({ id, label }) => ({ id, label })) },
            { id: 'technology', label: 'Technology', kind: 'text', placeholder: 'React single-page app' },
            { id: 'folders', label: 'Folders', kind: 'list', suggest: 'folders', placeholder: 'apps/portal' },
            { id: 'uses', label: 'May use', kind: 'pick-rows', rowsColumn: 'name' },
          ],
        },
        { id: 'splitRationale', kind: 'textarea', label: 'Why these parts?', placeholder: 'the clients reach the server only through its API' },
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
            { id: 'capability', label: 'Capability', kind: 'text', placeholder: 'Tax calculation' },
            { id: 'choice', label: 'Build or buy', kind: 'choice', options: [{ id: 'build', label: 'Build' }, { id: 'buy', label: 'Buy' }] },
            { id: 'vendor', label: 'Vendor', kind: 'text', placeholder: 'a tax service' },
            { id: 'module', label: 'Behind module', kind: 'text', placeholder: 'invoicing' },
            { id: 'packages', label: 'SDK packages (if Adrift does not know the vendor)', kind: 'list', placeholder: 'taxjar' },
            { id: 'reason', label: 'Why', kind: 'text', placeholder: 'not what makes the product different' },
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
            { id: 'stage', label: 'Stage', kind: 'text', placeholder: 'Stage 2' },
            { id: 'summary', label: 'What changes', kind: 'text', placeholder: 'Read replicas and a cache' },
            { id: 'trigger', label: 'Trigger', kind: 'text', placeholder: 'the database becomes the bottleneck' },
          ],
        },
      ],
    },
  ],
};

/** The pack the answers' product kind picks, if any. */
export function packOf(answers: GuideAnswers): GuidePack | undefined {
  const kind = answers[PRODUCT_KIND_FIELD];
  return typeof kind === 'string' ? GUIDE_PACKS.find((p) => p.id === kind) : undefined;
}

function packSteps(pack: GuidePack): GuideStep[] {
  return pack.steps.map((s) => ({ id: s.id, title: s.title, intro: s.intro, icon: s.icon, fields: s.decisions.flatMap(decisionFields) }));
}

/** The spine with a pack's steps after the key decisions; the spine alone without a pack. */
export function composeFlow(pack: GuidePack | undefined): GuideFlow {
  if (!pack) return ARCHITECTURE_FLOW;
  const at = ARCHITECTURE_FLOW.steps.findIndex((s) => s.id === 'decisions') + 1;
  const steps = [...ARCHITECTURE_FLOW.steps];
  steps.splice(at, 0, ...packSteps(pack));
  return { id: `${ARCHITECTURE_FLOW.id}+${pack.id}`, title: `${ARCHITECTURE_FLOW.title}: ${pack.label}`, steps };
}

/** The flow the guide shows for these answers. */
export function flowFor(answers: GuideAnswers): GuideFlow {
  return composeFlow(packOf(answers));
}

/** Every choice decision the answers' flow asks: the spine's (tenancy first), then the pack's, with the step each is asked in. */
export function choiceDecisions(answers: GuideAnswers): { decision: ChoiceDecision; step: string; pack?: string }[] {
  const pack = packOf(answers);
  return [
    { decision: TENANCY_DECISION, step: 'product' },
    ...KEY_DECISIONS.map((decision) => ({ decision, step: 'decisions' })),
    ...(pack?.steps ?? []).flatMap((s) => s.decisions.map((decision) => ({ decision, step: s.id, pack: pack?.id }))),
  ];
}

/** Every field of a flow, by id. */
export function fieldsById(flow: GuideFlow): Map<string, GuideField> {
  return new Map(flow.steps.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
}
