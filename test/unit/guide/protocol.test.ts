import * as assert from 'node:assert/strict';
import { parseGuideMessage, parseGuideState, stepIn } from '../../../src/protocol/guide';
import type { GuideFlow } from '../../../src/core/guide/types';
import { templateAnswers } from '../../../src/core/guide/templates';

describe('guide protocol: what the host accepts from the webview', () => {
  it('accepts every request of the protocol with its params', () => {
    const answers = templateAnswers('help-desk');
    for (const message of [
      { type: 'request', requestId: 1, method: 'load', params: {} },
      { type: 'request', requestId: 2, method: 'startTemplate', params: { template: 'blank' } },
      { type: 'request', requestId: 3, method: 'preview', params: { answers } },
      { type: 'request', requestId: 4, method: 'write', params: { answers } },
      { type: 'request', requestId: 5, method: 'preview', params: { answers, status: 'accepted' } },
      { type: 'request', requestId: 6, method: 'write', params: { answers, status: 'proposed' } },
      { type: 'run', action: 'showModuleMap' },
      { type: 'openFile', path: 'docs/adr/0013-split-into-modules.yaml' },
      { type: 'saveState', state: { version: 1, step: 3, answers, tab: 'drift', template: 'help-desk' } },
      { type: 'saveState', state: { version: 1, step: 2, answers: { ...answers, considered: { database: ['postgresql', 'mysql'] } }, tab: 'guide', template: 'ci-runner', stepId: 'ownership', savedAt: 1764640000000 } },
      { type: 'saveState', state: { version: 1, step: 9, answers, tab: 'guide', template: 'help-desk', writeStatus: 'accepted' } },
    ]) {
      const parsed = parseGuideMessage(message);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.deepEqual(parsed.value, message);
    }
  });

  it('drops fields that are not in the protocol', () => {
    const parsed = parseGuideMessage({ type: 'request', requestId: 1, method: 'startTemplate', params: { template: 'blank', extra: 'x' }, sneaky: true });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, { type: 'request', requestId: 1, method: 'startTemplate', params: { template: 'blank' } });
  });

  const rejected: [string, unknown, RegExp][] = [
    ['a non-object', 'load', /must be an object/],
    ['null', null, /must be an object/],
    ['an unknown type', { type: 'exec' }, /unknown message type "exec"/],
    ['an unknown method', { type: 'request', requestId: 1, method: 'rm', params: {} }, /unknown method "rm"/],
    ['a fractional request id', { type: 'request', requestId: 1.5, method: 'load', params: {} }, /requestId/],
    ['a missing request id', { type: 'request', method: 'load', params: {} }, /requestId/],
    ['params on load', { type: 'request', requestId: 1, method: 'load', params: { x: 1 } }, /load takes no params/],
    ['missing params', { type: 'request', requestId: 1, method: 'preview' }, /params must be an object/],
    ['a template id that is not a string', { type: 'request', requestId: 1, method: 'startTemplate', params: { template: 7 } }, /template id/],
    ['answers of the wrong shape', { type: 'request', requestId: 1, method: 'write', params: { answers: { modules: [[1]] } } }, /row 1 is not an object/],
    ['an answer that is a number', { type: 'request', requestId: 1, method: 'preview', params: { answers: { product: 5 } } }, /answer "product"/],
    ['a huge answer', { type: 'request', requestId: 1, method: 'preview', params: { answers: { product: 'x'.repeat(20_000) } } }, /answer "product"/],
    ['an unknown action', { type: 'run', action: 'deleteWorkspace' }, /unknown action/],
    ['a file to open that is not a path', { type: 'openFile', path: 42 }, /openFile: path/],
    ['an empty file to open', { type: 'openFile', path: '' }, /openFile: path/],
    ['a state with a bad tab', { type: 'saveState', state: { version: 1, step: 0, answers: {}, tab: 'settings' } }, /state.tab/],
    ['a state with a step id that is not a string', { type: 'saveState', state: { version: 1, step: 0, answers: {}, tab: 'guide', stepId: 3 } }, /state.stepId/],
    ['a state saved at no time', { type: 'saveState', state: { version: 1, step: 0, answers: {}, tab: 'guide', savedAt: 'now' } }, /state.savedAt/],
    ['a write status that is not one', { type: 'request', requestId: 1, method: 'write', params: { answers: {}, status: 'superseded' } }, /write: params.status must be one of proposed, accepted/],
    ['a saved write status that is not one', { type: 'saveState', state: { version: 1, step: 0, answers: {}, tab: 'guide', writeStatus: 'rejected' } }, /state.writeStatus/],
    ['a state with a negative step', { type: 'saveState', state: { version: 1, step: -1, answers: {}, tab: 'guide' } }, /state.step/],
  ];
  for (const [what, message, reason] of rejected) {
    it(`rejects ${what}`, () => {
      const parsed = parseGuideMessage(message);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, reason);
    });
  }

  it('restores only well-formed saved state', () => {
    assert.ok(parseGuideState({ version: 1, step: 0, answers: {}, tab: 'guide' }).ok);
    assert.equal(parseGuideState(undefined).ok, false);
    assert.equal(parseGuideState({ version: 1, step: 0, answers: { a: { b: 'not a list' } }, tab: 'guide' }).ok, false);
  });
});

describe('guide protocol: the step when the flow changes under it', () => {
  const step = (id: string) => ({ id, title: id, intro: '', icon: 'circle', fields: [] });
  const spine: GuideFlow = { id: 'f', title: 'f', steps: [step('product'), step('modules'), step('decisions')] };
  // A product kind's pack adds its steps after the product step.
  const withPack: GuideFlow = { id: 'f', title: 'f', steps: [step('product'), step('runners'), step('queue'), step('modules'), step('decisions')] };

  it('finds the current step again by its id', () => {
    assert.deepEqual(stepIn(withPack, { step: 1, stepId: 'modules' }), { step: 3, stepId: 'modules' });
    assert.deepEqual(stepIn(spine, { step: 2, stepId: 'queue' }), { step: 2, stepId: 'decisions' });
  });

  it('keeps the index when the step is gone, at most the review page', () => {
    assert.deepEqual(stepIn(spine, { step: 4, stepId: 'runners' }), { step: 3 });
    assert.deepEqual(stepIn(spine, { step: 3 }), { step: 3 });
    assert.deepEqual(stepIn(withPack, { step: 0 }), { step: 0, stepId: 'product' });
  });
});
