import * as assert from 'node:assert/strict';
import { createRuleContext, evaluateFile } from '../../../../src/core/engine/rules';
import type { Resolution } from '../../../../src/core/engine/types';
import { ADR9, facts, model } from './fixture';

const SCRIBE = {
  billing: { paths: ['backend/billing/**'] },
  generation: { paths: ['backend/generation/**'], uses: ['billing'] },
  content: { paths: ['backend/content/**'] },
  web: { paths: ['apps/web/**'] },
};
const ONLY_IN = { stripe: ['billing'], openai: ['generation'], '@aws-sdk': ['content'], 'lodash*': ['web'] };
const pkg = (packageName: string): Resolution => ({ kind: 'external', packageName });

function check(file: string, specifier: string, to: Resolution, opts: Parameters<typeof createRuleContext>[1] = {}, onlyIn: Record<string, string[]> = ONLY_IN) {
  const ctx = createRuleContext(model(SCRIBE, { onlyIn }), opts);
  return evaluateFile(ctx, facts(file, [{ specifier, to }], [], file.endsWith('.py') ? 'python' : 'typescript')).findings;
}

describe('confined-package', () => {
  it('lets the modules a decision names import the package, and flags every other module, naming the decision', () => {
    assert.deepEqual(check('backend/billing/invoices.py', 'stripe', pkg('stripe')), []);
    const [f, ...rest] = check('backend/content/export.py', 'stripe', pkg('stripe'));
    assert.deepEqual(rest, []);
    assert.equal(f.rule, 'confined-package');
    assert.equal(f.severity, 'error');
    assert.equal(
      f.message,
      'package "stripe" may be imported only by module "billing" (ADR-0009 "Buy payments and the models"); "backend/content/export.py" is in module "content"',
    );
    assert.deepEqual(f.decision, ADR9);
    assert.equal(f.fromModule, 'content');
    assert.equal(f.package, 'stripe');
    assert.equal(f.specifier, 'stripe');
    assert.match(f.fixes?.[1] ?? '', /lets module "content" import stripe/);
  });

  it('matches names as forbidden-package does: subpaths, scopes, prefixes and Python submodules', () => {
    const cases: [string, string, Resolution, boolean][] = [
      ['apps/web/pay.ts', 'stripe/lib/crypto', pkg('stripe'), true],
      ['apps/web/pay.ts', '@stripe/stripe-js', pkg('@stripe/stripe-js'), false],
      ['apps/web/pay.ts', 'stripe-mock', pkg('stripe-mock'), false],
      ['backend/billing/s3.py', '@aws-sdk/client-s3', pkg('@aws-sdk/client-s3'), true],
      ['backend/content/s3.ts', '@aws-sdk/client-s3', pkg('@aws-sdk/client-s3'), false],
      ['backend/content/util.ts', 'lodash.merge', pkg('lodash.merge'), true],
      ['backend/content/summarize.py', 'openai.types', pkg('openai'), true],
      ['backend/generation/providers.py', 'openai.types', pkg('openai'), false],
      ['backend/content/summarize.py', 'openai_helpers', pkg('openai_helpers'), false],
    ];
    for (const [file, specifier, to, hit] of cases) {
      assert.equal(check(file, specifier, to).length, hit ? 1 : 0, `${file} importing ${specifier}`);
    }
    const scoped = check('backend/billing/s3.ts', '@aws-sdk/client-s3', pkg('@aws-sdk/client-s3'))[0];
    assert.match(scoped.message, /^package "@aws-sdk\/client-s3" \(confined as "@aws-sdk"\) may be imported only by module "content"/);
  });

  it('a scoped package named exactly confines that package only, its subpaths included', () => {
    const onlyIn = { '@aws-sdk/client-s3': ['content'] };
    assert.equal(check('backend/billing/s3.ts', '@aws-sdk/client-s3', pkg('@aws-sdk/client-s3'), {}, onlyIn).length, 1);
    assert.equal(check('backend/billing/s3.ts', '@aws-sdk/client-sqs', pkg('@aws-sdk/client-sqs'), {}, onlyIn).length, 0);
    assert.equal(check('backend/content/s3.ts', '@aws-sdk/client-s3/dist-es', pkg('@aws-sdk/client-s3'), {}, onlyIn).length, 0);
  });

  it('flags a file in no module: it is none of the modules the package is confined to', () => {
    const [f] = check('scripts/backfill.py', 'stripe', pkg('stripe'));
    assert.equal(f.fromModule, undefined);
    assert.match(f.message, /; "scripts\/backfill.py" is in no module$/);
    assert.match(f.fixes?.[1] ?? '', /assign "scripts\/backfill.py" to module "billing"/);
  });

  it('lists every module a package may be imported by', () => {
    const [f] = check('apps/web/chat.ts', 'openai', pkg('openai'), {}, { openai: ['generation', 'content', 'billing'] });
    assert.match(f.message, /only by modules "generation", "content" and "billing" \(/);
  });

  it('follows the configured severity, and is silent when turned off', () => {
    assert.equal(check('backend/content/a.py', 'stripe', pkg('stripe'), { severities: { 'confined-package': 'warning' } })[0].severity, 'warning');
    assert.deepEqual(check('backend/content/a.py', 'stripe', pkg('stripe'), { severities: { 'confined-package': 'off' } }), []);
  });

  it('leaves imports of workspace files and built-ins it does not name alone, and judges a confined built-in', () => {
    assert.deepEqual(check('backend/content/a.ts', './stripe', { kind: 'file', path: 'backend/content/stripe.ts' }), []);
    assert.deepEqual(check('backend/content/a.ts', 'node:fs', { kind: 'builtin', name: 'node:fs' }), []);
    const onlyIn = { child_process: ['billing'] };
    assert.equal(check('backend/content/a.ts', 'node:child_process', { kind: 'builtin', name: 'node:child_process' }, {}, onlyIn).length, 1);
  });

  it('does not see type-only imports when the model says type_only: ignore', () => {
    const file = facts('backend/content/a.ts', [{ specifier: 'stripe', to: pkg('stripe'), typeOnly: true }]);
    assert.equal(evaluateFile(createRuleContext(model(SCRIBE, { onlyIn: ONLY_IN })), file).findings.length, 1);
    assert.equal(evaluateFile(createRuleContext(model(SCRIBE, { onlyIn: ONLY_IN, typeOnly: 'ignore' })), file).findings.length, 0);
  });
});
