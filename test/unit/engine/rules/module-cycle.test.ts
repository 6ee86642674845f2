import * as assert from 'node:assert/strict';
import { checkModuleCycle, closingEdges, createRuleContext, evaluateFile, moduleGraph } from '../../../../src/core/engine/rules';
import { HELPDESK, facts, model } from './fixture';

function graph(edges: [string, string][]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const [a, b] of edges) g.set(a, new Set([...(g.get(a) ?? []), b]));
  return g;
}

describe('module-cycle', () => {
  it('finds the edge that closes each cycle, walking modules in declaration order', () => {
    const closing = closingEdges(['a', 'b', 'c', 'd'], graph([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]));
    assert.deepEqual([...closing.entries()], [['c\u0000a', ['c', 'a', 'b', 'c']]]);
  });

  it('moves the report to an edge of the cycle that no decision allows', () => {
    const closing = closingEdges(['a', 'b', 'c'], graph([['a', 'b'], ['b', 'c'], ['c', 'a']]), (from, to) => !(from === 'a' && to === 'b'));
    assert.deepEqual([...closing.entries()], [['a\u0000b', ['a', 'b', 'c', 'a']]]);
  });

  it('reports every independent cycle and nothing in an acyclic graph', () => {
    assert.equal(closingEdges(['a', 'b', 'c'], graph([['a', 'b'], ['b', 'c'], ['a', 'c']])).size, 0);
    const two = closingEdges(['a', 'b', 'c', 'd'], graph([['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c']]));
    assert.deepEqual([...two.values()], [['b', 'a', 'b'], ['d', 'c', 'd']]);
  });

  it('reports the imports that make the closing edge, with the cycle path in the message', () => {
    const ctx = createRuleContext(model(HELPDESK));
    const ticket = evaluateFile(ctx, facts('src/ticket/a.ts', [{ specifier: '../conversation/thread', to: 'src/conversation/thread.ts' }]));
    const conversation = evaluateFile(
      createRuleContext(model({ ...HELPDESK, conversation: { ...HELPDESK.conversation, uses: ['tenant', 'user', 'ticket'] } })),
      facts('src/conversation/b.ts', [{ specifier: '../ticket', to: 'src/ticket/index.ts' }]),
    );
    const closing = closingEdges(ctx.modules.names(), moduleGraph([ticket.moduleImports, conversation.moduleImports]));
    assert.deepEqual(checkModuleCycle(ctx, 'src/ticket/a.ts', ticket.moduleImports, closing), []);
    const findings = checkModuleCycle(ctx, 'src/conversation/b.ts', conversation.moduleImports, closing);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0].message,
      'module "conversation" imports module "ticket" and closes the cycle conversation → ticket → conversation (ADR-0003 "Split the help desk into five domain modules")',
    );
    assert.equal(findings[0].specifier, '../ticket');
  });
});
