// A workspace where every rule fires, for the shard tests: modules in layers with a cycle
// that crosses three shards, a pattern module, packages, forbidden imports, owned data, a
// file in no module, skipped files in and out of modules, suppressions, a debt budget, a
// glob that matches nothing, and a baseline with entries that match and entries that do not.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const SHARD_RECORD = [
  'id: 1',
  'title: Split the shop into modules',
  'status: accepted',
  'date: 2026-12-01',
  'deciders: [Ana]',
  'enforce:',
  '  modules:',
  '    web:',
  '      paths: [web/**]',
  '      uses: [api]',
  '    api:',
  '      paths: [api/**]',
  '      public: [api/index.ts]',
  '      owns: [orders]',
  '      uses: [core]',
  '    core:',
  '      paths: [core/**]',
  '    billing:',
  '      paths: [billing/**]',
  '    ghost:',
  '      paths: [ghost/**]',
  '    service-{name}:',
  '      paths: ["services/{name}/**"]',
  '  layers:',
  '    - [web]',
  '    - [api]',
  '    - [core]',
  '  undeclared: deny',
  '  packages:',
  '    forbid: [{ name: left-pad, reason: "no micro packages" }]',
  '    only_in: { stripe: [billing] }',
  '  imports:',
  '    forbid: [{ from: "web/**", to: "billing/**", reason: "the web app calls billing through the API" }]',
  '  budget: { findings: 2 }',
  '',
].join('\n');

export const SHARD_FILES: Record<string, string> = {
  'docs/adr/0001-split-the-shop-into-modules.yaml': SHARD_RECORD,
  '.adrift.yaml': 'severity:\n  unassigned-file: warning\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  // web → api (allowed), a private api file, billing (forbidden import and undeclared), stripe (confined).
  'web/page.ts': [
    "import { listOrders } from '../api/index';",
    "import { secret } from '../api/internal';",
    "import { charge } from '../billing/charge';",
    "import Stripe from 'stripe';",
    'export const page = () => [listOrders(), secret, charge, Stripe];',
    '',
  ].join('\n'),
  'web/blob.ts': 'export const blob = 1;\0\n',
  // api → core (allowed); a suppression that silences nothing.
  'api/index.ts': "import { total } from '../core/money';\nexport const listOrders = () => total;\n",
  'api/internal.ts': '// adrift-ignore module-dependency -- left over from a move\nexport const secret = 1;\n',
  // core → web closes the cycle web → api → core → web, and goes up two layers.
  'core/money.ts': "import { page } from '../web/page';\nimport pad from 'left-pad';\nexport const total = [page, pad];\n",
  'billing/charge.ts': "import Stripe from 'stripe';\nexport const charge = Stripe;\n",
  // service-mail → service-sms is undeclared; mail reads api's table; one suppressed finding.
  'services/mail/send.ts': [
    "import { sms } from '../sms/send';",
    '// adrift-ignore module-dependency -- the sms fallback is being moved',
    "import { other } from '../sms/other';",
    "const sql = 'SELECT id, total FROM orders WHERE paid = 1';",
    'export const send = [sms, other, sql];',
    '',
  ].join('\n'),
  'services/sms/send.ts': 'export const sms = 1;\n',
  'services/sms/other.ts': 'export const other = 2;\n',
  // In no module: unassigned, and one skipped.
  'scripts/seed.ts': "import { listOrders } from '../api/index';\nimport { blob } from '../web/blob';\nexport const seed = [listOrders, blob];\n",
  'vendor/blob.ts': 'export const vendored = 2;\0\n',
  // One entry that matches (web's private import), one stale of core, one stale of the rest.
  '.adrift-baseline.json': JSON.stringify({
    version: 1,
    entries: [
      { rule: 'private-import', file: 'web/page.ts', fromModule: 'web', toModule: 'api', specifier: '../api/internal', reason: 'accepted' },
      { rule: 'module-dependency', file: 'core/gone.ts', fromModule: 'core', toModule: 'api', specifier: '../api/index', reason: 'fixed long ago' },
      { rule: 'unassigned-file', file: 'scripts/old.ts', message: '"scripts/old.ts" belongs to no module', reason: 'fixed long ago' },
    ],
  }),
};

/** The fixture written to a fresh temporary folder; returns its path (POSIX). */
export function writeShardFixture(files: Record<string, string> = SHARD_FILES): string {
  const root = mkdtempSync(path.join(tmpdir(), 'adrift-shard-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root.replace(/\\/g, '/');
}
