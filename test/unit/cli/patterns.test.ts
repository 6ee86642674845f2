// Pattern modules end to end through the CLI: a record whose module key has a capture
// (`service-{name}`), TypeScript services on disk, `adrift check` naming the decision and
// the pattern on a finding in an expanded module, and `adrift show` listing the expansion.

import * as assert from 'node:assert/strict';
import { checkCommand } from '../../../src/cli/commands/check';
import { showCommand } from '../../../src/cli/commands/show';
import { MemoryFileSystem } from '../engine/check/memory';
import { runInProcess } from './in-process';

const ROOT = '/shop';
const SERVICES = `id: 3
title: One module per service
status: accepted
date: 2026-11-01
deciders: [platform team]
enforce:
  modules:
    platform:
      paths: [platform/**]
      uses: [billing-db]
    web:
      paths: [web/**]
      uses: ["service-{name}"]
    service-{name}:
      paths: ["services/{name}/**"]
      public: ["services/{name}/index.ts"]
      uses: [platform, "{name}-db"]
    "{name}-db":
      paths: ["db/{name}/**"]
`;

function workspace(extra: Record<string, string> = {}): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'docs/adr/0003-one-module-per-service.yaml': SERVICES,
    'platform/log.ts': 'export const log = 1;\n',
    'services/billing/index.ts': "import { log } from '../../platform/log';\nimport { rows } from '../../db/billing/rows';\nexport const bill = [log, rows];\n",
    'services/billing/internal.ts': 'export const secret = 1;\n',
    'services/Order_Intake/index.ts': "import { secret } from '../billing/internal';\nimport { rows } from '../../db/billing/rows';\nexport const order = [secret, rows];\n",
    'web/app.ts': "import { bill } from '../services/billing/index';\nimport { order } from '../services/Order_Intake/index';\nimport { secret } from '../services/billing/internal';\nexport const app = [bill, order, secret];\n",
    'db/billing/rows.ts': 'export const rows = 1;\n',
    'db/order-intake/rows.ts': 'export const rows = 2;\n',
    ...extra,
  });
}

function run(fs: MemoryFileSystem, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runInProcess(ROOT, fs, [checkCommand, showCommand], ...argv);
}

const lines = (out: string) => out.split('\n').filter((l) => /^ {2}\S+:\d+:\d+ /.test(l)).map((l) => l.trim());

describe('adrift check and show: pattern modules (CLI)', () => {
  // platform's uses name billing-db, which only the folders declare: no record finding for it.
  it('checks each expanded module as declared, and a finding names the pattern and the decision', async () => {
    const r = await run(workspace(), 'check', '--no-cache');
    assert.equal(r.code, 1, r.out + r.err);
    const found = lines(r.out);
    assert.deepEqual(found.sort(), [
      'services/Order_Intake/index.ts:1:24 module-dependency module "service-order-intake" (from service-{name}, ADR-0003) may not use module "service-billing" (from service-{name}, ADR-0003): no accepted decision allows it (ADR-0003 "One module per service")',
      'services/Order_Intake/index.ts:2:22 module-dependency module "service-order-intake" (from service-{name}, ADR-0003) may not use module "billing-db" (from {name}-db, ADR-0003): no accepted decision allows it (ADR-0003 "One module per service")',
      'web/app.ts:3:24 private-import module "web" imports "services/billing/internal.ts", which is private to module "service-billing" (from service-{name}, ADR-0003): only its public entries (services/billing/index.ts) may be imported from other modules (ADR-0003 "One module per service")',
    ]);
  });

  it('reports a pattern that matches no folder at its key, and a name two declarations give', async () => {
    const clash = SERVICES.replace('    platform:\n', '    service-billing:\n      paths: [legacy/**]\n    platform:\n').replace('"{name}-db":\n      paths: ["db/{name}/**"]', 'job-{name}:\n      paths: ["jobs/{name}/**"]');
    const r = await run(workspace({ 'docs/adr/0003-one-module-per-service.yaml': clash, 'legacy/old.ts': 'export const old = 1;\n' }), 'check', '--no-cache');
    const found = lines(r.out);
    assert.ok(found.some((l) => /^docs\/adr\/0003-one-module-per-service\.yaml:\d+:1 decision-reference pattern service-\{name\} gives module service-billing \(from service-\{name\}, ADR-0003, folder services\/billing\), but module service-billing \(ADR-0003\) has that name/.test(l)), r.out);
    assert.ok(found.some((l) => l.includes('decision-reference pattern job-{name}: "jobs/{name}/**" matches no folder with source files, so it declares no module')), r.out);
  });

  it('shows each pattern with its modules and their folders', async () => {
    const r = await run(workspace(), 'show', '3');
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.includes('Pattern service-{name}: 2 modules\n  service-billing  services/billing\n  service-order-intake  services/Order_Intake\n'), r.out);
    assert.ok(r.out.includes('Pattern {name}-db: 2 modules\n  billing-db  db/billing\n  order-intake-db  db/order-intake\n'), r.out);
    // A folder .adrift.yaml excludes gives no module, as the check does not scan it.
    const excluded = await run(workspace({ '.adrift.yaml': 'exclude: ["db/order-intake/**"]\n' }), 'show', '3');
    assert.ok(excluded.out.includes('Pattern {name}-db: 1 module\n  billing-db  db/billing\n'), excluded.out);
  });
});
