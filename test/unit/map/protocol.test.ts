import * as assert from 'node:assert/strict';
import { parseMapWebviewMessage, MAX_SVG_LENGTH } from '../../../src/protocol/map';

describe('module map protocol: messages from the webview', () => {
  it('accepts each well-formed message and returns it typed', () => {
    assert.deepEqual(parseMapWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseMapWebviewMessage({ type: 'showEdge', requestId: 3, edgeId: 'ticket->user' }), { type: 'showEdge', requestId: 3, edgeId: 'ticket->user' });
    assert.deepEqual(parseMapWebviewMessage({ type: 'openImport', file: 'src/a.ts', line: 0, column: 7 }), { type: 'openImport', file: 'src/a.ts', line: 0, column: 7 });
    assert.deepEqual(parseMapWebviewMessage({ type: 'rendered', modules: 5, edges: 4, listedImports: 0 }), { type: 'rendered', modules: 5, edges: 4, listedImports: 0 });
  });

  it('drops fields the protocol does not define', () => {
    assert.deepEqual(parseMapWebviewMessage({ type: 'openDecision', id: 3, script: 'x' }), { type: 'openDecision', id: 3 });
  });

  it('rejects unknown types, missing fields and wrong types with a reason', () => {
    for (const bad of [null, 'ready', [], { type: 'deleteEverything' }, { type: 'showEdge', edgeId: 'a->b' }, { type: 'showEdge', requestId: -1, edgeId: 'a->b' }, { type: 'openImport', file: '', line: 0, column: 0 }, { type: 'openImport', file: 'a.ts', line: 1.5, column: 0 }, { type: 'openDecision', id: '3' }]) {
      const parsed = parseMapWebviewMessage(bad);
      assert.ok('rejected' in parsed, `expected ${JSON.stringify(bad)} to be rejected`);
      assert.match(parsed.rejected, /\w/);
    }
  });

  it('accepts an SVG export and refuses other documents or oversized ones', () => {
    assert.equal(parseMapWebviewMessage({ type: 'exportSvg', requestId: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }).hasOwnProperty('rejected'), false);
    assert.ok('rejected' in parseMapWebviewMessage({ type: 'exportSvg', requestId: 1, svg: '<html></html>' }));
    assert.ok('rejected' in parseMapWebviewMessage({ type: 'exportSvg', requestId: 1, svg: '<svg>' + 'x'.repeat(MAX_SVG_LENGTH) }));
  });
});
