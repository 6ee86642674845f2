// `packages.only_in` end to end through the CLI: records on disk, TypeScript and Python
// sources through the real extractors and resolvers, `adrift check` in every format, the
// severity setting, an adrift-ignore comment, the baseline, and `adrift lint` on a module
// name no record declares.

import * as assert from 'node:assert/strict';
import { baselineCommand } from '../../../src/cli/commands/baseline';
import { checkCommand } from '../../../src/cli/commands/check';
import { lintCommand } from '../../../src/cli/commands/lint';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { MemoryFileSystem } from '../engine/check/memory';
import { engineFixture } from '../engine/extract/fixtures';
import { runInProcess } from './in-process';

const ROOT = '/scribe';
const MODULES = `id: 3
title: Split the backend into modules
status: accepted
date: 2026-11-01
enforce:
  modules:
    billing:
      paths: [backend/billing/**]
    generation:
      paths: [backend/generation/**]
      uses: [billing]
    content:
      paths: [backend/content/**]
    web:
      paths: [web/**]
`;
// Names its deciders, as the guide writes an accepted record (else decision-review warns).
const BUY = `id: 9
title: Buy payments from Stripe and the models from OpenAI
status: accepted
date: 2026-11-02
kind: build-vs-buy
enforce:
  packages:
    only_in:
      stripe: [billing]
      openai: [generation]
deciders: [platform team]
`;
// A later decision lets the web app take card details with Stripe's own package too.
const WIDEN = `id: 10
title: Take card details in the web app with Stripe Elements
status: accepted
date: 2026-11-03
enforce:
  packages:
    only_in:
      stripe: [web]
`;

function workspace(extra: Record<string, string> = {}): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'docs/adr/0003-split-the-backend-into-modules.yaml': MODULES,
    'docs/adr/0009-buy-payments-and-models.yaml': BUY,
    'backend/billing/invoices.py': 'import stripe\n\nstripe.api_key = "sk"\n',
    'backend/billing/tokens.py': 'import openai.types\n',
    'backend/generation/providers.py': 'from openai import AsyncOpenAI\nfrom openai.types import Completion\n',
    'backend/content/summaries.py': 'import json\nfrom openai.types.chat import ChatCompletion\n',
    'web/checkout.ts': "import Stripe from 'stripe/lib/stripe.js';\nimport { loadStripe } from '@stripe/stripe-js';\nexport const s = [Stripe, loadStripe];\n",
    'scripts/refund.ts': "import Stripe from 'stripe';\nexport const stripe = new Stripe('sk');\n",
    ...extra,
  });
}

async function run(fs: MemoryFileSystem | NodeFileSystem, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runIn(ROOT, fs, ...argv);
}

async function runIn(cwd: string, fs: MemoryFileSystem | NodeFileSystem, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runInProcess(cwd, fs, [checkCommand, baselineCommand, lintCommand], ...argv);
}

const lines = (out: string) => out.split('\n').filter((l) => /^ {2}\S+:\d+:\d+ /.test(l)).map((l) => l.trim());

describe('adrift check: packages.only_in (CLI)', () => {
  it('flags Python and TypeScript imports of a confined package outside its modules, naming the decision', async () => {
    const r = await run(workspace(), 'check', '--no-cache');
    assert.equal(r.code, 1, r.out + r.err);
    assert.deepEqual(lines(r.out).sort(), [
      'backend/billing/tokens.py:1:8 confined-package package "openai" may be imported only by module "generation" (ADR-0009 "Buy payments from Stripe and the models from OpenAI"); "backend/billing/tokens.py" is in module "billing"',
      'backend/content/summaries.py:2:6 confined-package package "openai" may be imported only by module "generation" (ADR-0009 "Buy payments from Stripe and the models from OpenAI"); "backend/content/summaries.py" is in module "content"',
      'scripts/refund.ts:1:20 confined-package package "stripe" may be imported only by module "billing" (ADR-0009 "Buy payments from Stripe and the models from OpenAI"); "scripts/refund.ts" is in no module',
      'web/checkout.ts:1:20 confined-package package "stripe" may be imported only by module "billing" (ADR-0009 "Buy payments from Stripe and the models from OpenAI"); "web/checkout.ts" is in module "web"',
    ]);
  });

  it('adds the modules of a later record, and says which record widened it', async () => {
    const r = await run(workspace({ 'docs/adr/0010-stripe-elements.yaml': WIDEN }), 'check', '--no-cache');
    const found = lines(r.out);
    assert.equal(found.some((l) => l.startsWith('web/checkout.ts')), false, r.out);
    assert.ok(
      found.includes('scripts/refund.ts:1:20 confined-package package "stripe" may be imported only by modules "billing" and "web" (ADR-0009 "Buy payments from Stripe and the models from OpenAI", widened by ADR-0010 "Take card details in the web app with Stripe Elements"); "scripts/refund.ts" is in no module'),
      r.out,
    );
  });

  it('puts the finding with its decision and package in JSON and SARIF', async () => {
    const fs = workspace();
    const json = JSON.parse((await run(fs, 'check', '--format', 'json', '--no-cache')).out) as { findings: { rule: string; file: string; package?: string; fromModule?: string; decision?: { id: number; line: number } }[] };
    const web = json.findings.find((f) => f.file === 'web/checkout.ts');
    assert.deepEqual(web && { rule: web.rule, package: web.package, fromModule: web.fromModule, decision: web.decision?.id, line: web.decision?.line }, {
      rule: 'confined-package',
      package: 'stripe',
      fromModule: 'web',
      decision: 9,
      line: 9,
    });
    const sarif = JSON.parse((await run(fs, 'check', '--format', 'sarif', '--no-cache')).out) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string }[] }[];
    };
    assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId), ['confined-package', 'confined-package', 'confined-package', 'confined-package']);
    assert.match(sarif.runs[0].tool.driver.rules.find((x) => x.id === 'confined-package')?.shortDescription.text ?? '', /confines to other modules/);
  });

  it('follows the severity in .adrift.yaml', async () => {
    const warn = await run(workspace({ '.adrift.yaml': 'severity:\n  confined-package: warning\n' }), 'check', '--no-cache');
    assert.equal(warn.code, 0, warn.out);
    assert.match(warn.out, /4 warnings/);
    const off = await run(workspace({ '.adrift.yaml': 'severity:\n  confined-package: off\n' }), 'check', '--no-cache');
    assert.deepEqual(lines(off.out), []);
  });

  it('is silenced by an adrift-ignore comment with a reason, and the baseline accepts the rest', async () => {
    const fs = workspace({
      'backend/content/summaries.py': 'import json\n# adrift-ignore confined-package -- one-off migration; moves to generation in Q1\nfrom openai.types.chat import ChatCompletion\n',
    });
    const ignored = await run(fs, 'check', '--no-cache');
    assert.equal(lines(ignored.out).some((l) => l.includes('summaries.py')), false, ignored.out);
    assert.equal(lines(ignored.out).length, 3);
    assert.equal((await run(fs, 'baseline', '--reason', 'refund script predates 0009')).code, 0);
    fs.files.set(`${ROOT}/scripts/refund.ts`, `// one line more\n${fs.files.get(`${ROOT}/scripts/refund.ts`) ?? ''}`);
    const accepted = await run(fs, 'check', '--no-cache');
    assert.equal(accepted.code, 0, accepted.out);
    assert.match(accepted.out, /3 accepted by \.adrift-baseline/);
  });

  it('on excerpts of a real SaaS starter: the scripts and the route that build their own vendor clients', async () => {
    const r = await runIn(engineFixture('saas-starter-vendors'), new NodeFileSystem(), 'check', '--no-cache', '--format', 'json');
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out) as { findings: { rule: string; file: string; line: number; package?: string; fromModule?: string }[] };
    assert.deepEqual(
      json.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.package ?? ''} ${f.fromModule ?? '(no module)'}`),
      [
        'delete-team.js:4 confined-package @boxyhq/saml-jackson (no module)',
        'delete-team.js:6 confined-package svix (no module)',
        // `import { EndpointIn } from 'svix'` names only a type, but is not written `import type`.
        'pages/api/teams/[slug]/webhooks/index.ts:3 confined-package svix (no module)',
        'sync-stripe.js:2 confined-package stripe (no module)',
      ],
    );
  });

  it('lint reports only_in naming a module no record declares, at the name', async () => {
    const fs = workspace({ 'docs/adr/0009-buy-payments-and-models.yaml': BUY.replace('openai: [generation]', 'openai: [generaton]') });
    const r = await run(fs, 'lint');
    assert.equal(r.code, 1);
    assert.equal(
      r.out.trim(),
      'docs/adr/0009-buy-payments-and-models.yaml:10:16 decision-reference package openai is confined to "generaton", but no record declares a module generaton (did you mean "generation"?)',
    );
  });
});
