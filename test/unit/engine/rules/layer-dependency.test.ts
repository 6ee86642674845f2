// Layers from real record text (parsed, folded and checked as `adrift check` does): open and
// closed layers, modules of one layer, a `uses` against the layers, and the declaration
// checks; and that the cycle walk and the module map take the same answer as the rules.

import * as assert from 'node:assert/strict';
import { closingEdges, createRuleContext, evaluateFile, moduleGraph } from '../../../../src/core/engine/rules';
import { isAllowedEdge } from '../../../../src/core/engine/rules/module-dependency';
import type { Finding } from '../../../../src/core/findings';
import { allowsEdge } from '../../../../src/core/model/layers';
import { foldModel } from '../../../../src/core/model/fold';
import { parseRecord } from '../../../../src/core/records/parse';
import { checkLog } from '../../../../src/core/records/store';
import { buildModuleMap } from '../../../../src/extension/map/graph';
import { facts } from './fixture';

const MODULES = `id: 1
title: Split the service into modules
status: accepted
date: 2026-11-01
deciders: [platform team]
enforce:
  modules:
    web:
      paths: [src/web/**]
    api:
      paths: [src/api/**]
    ticket:
      paths: [src/ticket/**]
    billing:
      paths: [src/billing/**]
    infra:
      paths: [src/infra/**]
`;

function layers(body: string, id = 2): string {
  return `id: ${id}
title: Layer the service
status: accepted
date: 2026-11-02
deciders: [platform team]
enforce:
  layers:
${body}`;
}

const LAYERS = layers(`    - [web]
    - { name: api, modules: [api], closed: true }
    - { name: domain, modules: [ticket, billing] }
    - [infra]
`);

function records(...texts: string[]) {
  return texts.map((t, i) => parseRecord(`docs/adr/000${i + 1}-r.yaml`, t));
}

/** The findings of one import from `from` (a module) into `to`, as evaluateFile reports them. */
function importFindings(texts: string[], from: string, to: string): readonly Finding[] {
  const ctx = createRuleContext(foldModel(records(...texts)));
  return evaluateFile(ctx, facts(`src/${from}/a.ts`, [{ specifier: `../${to}/b`, to: `src/${to}/b.ts` }])).findings;
}

const LAYERS_LABEL = 'ADR-0002 "Layer the service"';

describe('layer-dependency', () => {
  it('lets an open layer use every layer below it, with no uses and no module-dependency finding', () => {
    assert.deepEqual(importFindings([MODULES, LAYERS], 'web', 'api'), []);
    assert.deepEqual(importFindings([MODULES, LAYERS], 'web', 'infra'), []);
    assert.deepEqual(importFindings([MODULES, LAYERS], 'ticket', 'infra'), []);
  });

  it('flags an import into a layer above, once, with the layers decision and fixes', () => {
    const found = importFindings([MODULES, LAYERS], 'infra', 'api');
    assert.deepEqual(found.map((f) => f.rule), ['layer-dependency']);
    assert.equal(found[0].message, `layer "infra" may not use layer "api", which is above it (${LAYERS_LABEL})`);
    assert.equal(found[0].decision?.id, 2);
    assert.equal(found[0].decision?.line, 6);
    assert.equal(found[0].severity, 'error');
    assert.ok(found[0].fixes?.some((f) => f.includes('into layer "infra" or a layer below it')));
  });

  it('names the modules when a layer is named apart from them', () => {
    const found = importFindings([MODULES, LAYERS], 'ticket', 'api');
    assert.equal(found.length, 1);
    assert.equal(found[0].message, `layer "domain" may not use layer "api", which is above it: module "ticket" imports module "api" (${LAYERS_LABEL})`);
  });

  it('lets a closed layer use the layer right below only', () => {
    assert.deepEqual(importFindings([MODULES, LAYERS], 'api', 'ticket'), []);
    const found = importFindings([MODULES, LAYERS], 'api', 'infra');
    assert.deepEqual(found.map((f) => f.rule), ['layer-dependency']);
    assert.equal(found[0].message, `layer "api" may not use layer "infra": it is closed and may use only layer "domain" right below it (${LAYERS_LABEL})`);
    assert.ok(found[0].fixes?.includes('propose a decision that opens layer "api" (drop closed: true)'));
  });

  it('keeps the modules of one layer independent unless a uses allows them', () => {
    const without = importFindings([MODULES, LAYERS], 'ticket', 'billing');
    assert.deepEqual(without.map((f) => f.rule), ['module-dependency']);
    const withUses = MODULES.replace('      paths: [src/ticket/**]\n', '      paths: [src/ticket/**]\n      uses: [billing]\n');
    assert.deepEqual(importFindings([withUses, LAYERS], 'ticket', 'billing'), []);
  });

  it('leaves modules in no layer to uses', () => {
    const two = layers('    - [web]\n    - [infra]\n');
    assert.deepEqual(importFindings([MODULES, two], 'web', 'infra'), []);
    assert.deepEqual(importFindings([MODULES, two], 'web', 'ticket').map((f) => f.rule), ['module-dependency']);
    assert.deepEqual(importFindings([MODULES, two], 'ticket', 'web').map((f) => f.rule), ['module-dependency']);
  });

  it('reports a uses that points upward on the record, and still flags the import', () => {
    const upward = MODULES.replace('      paths: [src/infra/**]\n', '      paths: [src/infra/**]\n      uses: [ticket]\n');
    const recs = records(upward, LAYERS);
    const declaration = checkLog(recs, '2026-12-01').filter((f) => f.rule === 'decision-model');
    assert.equal(declaration.length, 1);
    assert.equal(declaration[0].file, 'docs/adr/0001-r.yaml');
    assert.deepEqual(declaration[0].range.start, { line: 17, column: 13 });
    assert.equal(
      declaration[0].message,
      `module infra uses ticket, but layer "infra" may not use layer "domain", which is above it (${LAYERS_LABEL}); the layers win and its imports are layer-dependency findings: drop this uses, or propose a decision that changes the layers`,
    );
    assert.deepEqual(importFindings([upward, LAYERS], 'infra', 'ticket').map((f) => f.rule), ['layer-dependency']);
  });

  it('reports a module named in two layers and a layer naming an undeclared module, at the item', () => {
    const bad = layers('    - [web, api]\n    - { name: core, modules: [ticket, web, tickets] }\n');
    const found = checkLog(records(MODULES, bad), '2026-12-01').filter((f) => f.file === 'docs/adr/0002-r.yaml');
    assert.deepEqual(
      found.map((f) => [f.rule, f.range.start.line, f.range.start.column, f.message]),
      [
        ['decision-model', 8, 38, 'module web is in layer "web+api" and in layer "core"; a module belongs to one layer: take it out of one of them'],
        ['decision-reference', 8, 43, 'layer "core" names "tickets", but no record declares a module tickets (did you mean "ticket"?)'],
      ],
    );
  });

  it('a clean layered log has no declaration findings', () => {
    assert.deepEqual(checkLog(records(MODULES, LAYERS), '2026-12-01'), []);
  });

  it('the last accepted record declaring layers wins', () => {
    const flipped = layers('    - [infra]\n    - [web]\n', 3);
    assert.deepEqual(importFindings([MODULES, LAYERS, flipped], 'infra', 'web'), []);
    assert.deepEqual(importFindings([MODULES, LAYERS, flipped], 'web', 'infra').map((f) => f.rule), ['layer-dependency']);
  });

  it('gives the cycle walk and the module map the same answer as the rules', () => {
    const model = foldModel(records(MODULES, LAYERS));
    const ctx = createRuleContext(model);
    assert.equal(isAllowedEdge(ctx, 'ticket', 'infra'), true);
    assert.equal(isAllowedEdge(ctx, 'infra', 'ticket'), false);
    assert.equal(allowsEdge(model, 'api', 'infra'), false);
    // ticket → infra (granted by the layers) and infra → ticket (upward): the upward edge closes the cycle.
    const down = evaluateFile(ctx, facts('src/ticket/a.ts', [{ specifier: '../infra/db', to: 'src/infra/db.ts' }]));
    const up = evaluateFile(ctx, facts('src/infra/b.ts', [{ specifier: '../ticket/t', to: 'src/ticket/t.ts' }]));
    const closing = closingEdges(ctx.modules.names(), moduleGraph([down.moduleImports, up.moduleImports]), (a, b) => isAllowedEdge(ctx, a, b));
    assert.deepEqual([...closing.keys()], ['infra\u0000ticket']);
    const imports = [...down.moduleImports, ...up.moduleImports].map((m) => ({ from: m.fromModule, to: m.toModule, file: 'f', range: m.ref.range, specifier: m.ref.specifier }));
    const { graph } = buildModuleMap('svc', model, [...down.findings, ...up.findings], imports);
    const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);
    assert.equal(edge('ticket', 'infra')?.allowed, true);
    assert.deepEqual(edge('ticket', 'infra')?.decision, { id: 2, title: 'Layer the service' });
    assert.equal(edge('infra', 'ticket')?.allowed, false);
    assert.equal(edge('infra', 'ticket')?.violations, 1);
  });
});
