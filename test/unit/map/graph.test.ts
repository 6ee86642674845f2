import * as assert from 'node:assert/strict';
import type { DecisionRef, Finding } from '../../../src/core/findings';
import type { ArchitectureModel, ModelModule } from '../../../src/core/model/types';
import { buildModuleMap, type ModuleImport } from '../../../src/extension/map/graph';
import { foldModel } from '../../../src/core/model/fold';
import { expandPatterns } from '../../../src/core/model/patterns';
import { parseRecord } from '../../../src/core/records/parse';

const adr3: DecisionRef = { id: 3, title: 'Split the help desk into modules', status: 'accepted', file: 'docs/adr/0003-modules.yaml', line: 4 };

function module(name: string, uses: string[]): ModelModule {
  return { name, paths: [`src/${name}/**`], owns: [], uses: uses.map((value) => ({ value, decision: adr3 })), definedBy: adr3, changedBy: [] };
}

function model(...modules: ModelModule[]): ArchitectureModel {
  return { modules: new Map(modules.map((m) => [m.name, m])), layers: undefined, undeclared: undefined, typeOnly: undefined, forbiddenPackages: [], confinedPackages: [], forbiddenImports: [], decisions: [adr3] };
}

const at = (line: number, column = 0) => ({ start: { line, column }, end: { line, column: column + 10 } });

function imp(from: string, to: string, file: string, line: number, specifier: string): ModuleImport {
  return { from, to, file, range: at(line, 20), specifier };
}

describe('module map graph', () => {
  const m = model(module('ticket', ['tenant', 'user']), module('tenant', []), module('user', ['tenant']), module('knowledgebase', []));

  it('draws every declared module with the decision that declared it', () => {
    const { graph } = buildModuleMap('helpdesk', m, []);
    assert.deepEqual(graph.modules.map((x) => x.name), ['knowledgebase', 'tenant', 'ticket', 'user']);
    assert.deepEqual(graph.modules[2].decision, { id: 3, title: adr3.title });
    assert.deepEqual(graph.modules[2].paths, ['src/ticket/**']);
  });

  it('labels a module a pattern declared with its pattern, and draws the pattern\'s uses to each module', () => {
    const rec = parseRecord('docs/adr/0004-services.yaml', 'id: 4\ntitle: One module per service\nstatus: accepted\ndate: 2026-11-01\nenforce:\n  modules:\n    web:\n      paths: [web/**]\n      uses: ["service-{name}"]\n    service-{name}:\n      paths: ["services/{name}/**"]\n');
    const expanded = expandPatterns(foldModel([rec]), ['web/a.ts', 'services/billing/b.ts', 'services/orders/c.ts']);
    const { graph } = buildModuleMap('shop', expanded, []);
    assert.deepEqual(graph.modules.map((x) => [x.name, x.pattern]), [['service-billing', 'service-{name}'], ['service-orders', 'service-{name}'], ['web', undefined]]);
    assert.deepEqual(graph.edges.map((e) => e.id), ['web->service-billing', 'web->service-orders']);
  });

  it('puts each module in its layer (the first one naming it), and the rest in none', () => {
    const layered: ArchitectureModel = {
      ...model(module('ticket', []), module('mail', []), module('tenant', []), module('knowledgebase', [])),
      layers: { decision: adr3, layers: [{ name: 'ticket+mail', modules: ['ticket', 'mail'], closed: true }, { name: 'core', modules: ['tenant', 'mail'], closed: false }] },
    };
    const { graph } = buildModuleMap('helpdesk', layered, []);
    assert.deepEqual(graph.layers, [{ name: 'ticket+mail', closed: true }, { name: 'core', closed: false }]);
    assert.deepEqual(graph.modules.map((x) => [x.name, x.layer]), [['knowledgebase', undefined], ['mail', 0], ['tenant', 1], ['ticket', 0]]);
    assert.equal(buildModuleMap('helpdesk', m, []).graph.layers, undefined, 'no layers, no field');
  });

  it('has one allowed edge per `uses`, unused until the code imports along it', () => {
    const { graph } = buildModuleMap('helpdesk', m, []);
    assert.deepEqual(graph.edges.map((e) => [e.id, e.allowed, e.imports, e.violations]), [
      ['ticket->tenant', true, 0, 0],
      ['ticket->user', true, 0, 0],
      ['user->tenant', true, 0, 0],
    ]);
  });

  it('counts actual imports on allowed edges and adds the violating ones from findings', () => {
    const violation: Finding = {
      rule: 'module-dependency',
      severity: 'error',
      file: 'src/ticket/search.ts',
      range: at(2, 20),
      message: 'module "ticket" may not use module "knowledgebase"',
      decision: adr3,
      fromModule: 'ticket',
      toModule: 'knowledgebase',
      specifier: '../knowledgebase/articles',
    };
    const imports = [
      imp('ticket', 'user', 'src/ticket/assign.ts', 0, '../user'),
      imp('ticket', 'user', 'src/ticket/list.ts', 3, '../user'),
      imp('ticket', 'knowledgebase', 'src/ticket/search.ts', 2, '../knowledgebase/articles'),
    ];
    const { graph, imports: byEdge } = buildModuleMap('helpdesk', m, [violation], imports);
    const kb = graph.edges.find((e) => e.id === 'ticket->knowledgebase');
    assert.deepEqual(kb && [kb.allowed, kb.imports, kb.violations], [false, 1, 1]);
    const user = graph.edges.find((e) => e.id === 'ticket->user');
    assert.deepEqual(user && [user.allowed, user.imports, user.violations], [true, 2, 0]);
    assert.deepEqual(byEdge.get('ticket->knowledgebase'), [{ file: 'src/ticket/search.ts', line: 2, column: 20, specifier: '../knowledgebase/articles', rule: 'module-dependency', message: violation.message }]);
    assert.deepEqual(byEdge.get('ticket->user')?.map((s) => `${s.file}:${s.line}`), ['src/ticket/assign.ts:0', 'src/ticket/list.ts:3']);
  });

  it('ignores findings that are not about an import between two modules', () => {
    const schema: Finding = { rule: 'decision-schema', severity: 'error', file: 'docs/adr/0004-x.yaml', range: at(1), message: 'status must be one of …' };
    const inside: Finding = { ...schema, rule: 'private-import', fromModule: 'ticket', toModule: 'ticket' };
    const { graph } = buildModuleMap('helpdesk', m, [schema, inside]);
    assert.equal(graph.edges.length, 3);
  });

  it('gives a box to a module that only an edge names', () => {
    const { graph } = buildModuleMap('helpdesk', model(module('ticket', ['billing'])), []);
    assert.deepEqual(graph.modules.map((x) => x.name), ['ticket', 'billing']);
    assert.equal(graph.modules[1].decision, undefined);
  });
});
