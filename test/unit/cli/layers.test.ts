// `enforce.layers` end to end through the CLI: records on disk, TypeScript sources through the
// real extractor and resolver, `adrift check` (text and SARIF), `adrift show`, `adrift agents`
// and `adrift context` on a small layered service.

import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';
import { agentsCommand } from '../../../src/cli/commands/agents';
import { checkCommand } from '../../../src/cli/commands/check';
import { contextCommand } from '../../../src/cli/commands/context';
import { overviewCommand } from '../../../src/cli/commands/overview';
import { showCommand } from '../../../src/cli/commands/show';
import { AgentTools, ToolInputError } from '../../../src/core/agents/tools';
import { MemoryFileSystem } from '../engine/check/memory';

const ROOT = '/shop';
const MODULES = `id: 1
title: Split the shop into modules
status: accepted
date: 2026-11-01
deciders: [platform team]
enforce:
  modules:
    web:
      paths: [src/web/**]
    api:
      paths: [src/api/**]
    orders:
      paths: [src/orders/**]
    catalog:
      paths: [src/catalog/**]
    db:
      paths: [src/db/**]
`;
const LAYERS = `id: 2
title: Layer the shop
status: accepted
date: 2026-11-02
deciders: [platform team]
enforce:
  layers:
    - [web]
    - { name: api, modules: [api], closed: true }
    - { name: domain, modules: [orders, catalog] }
    - [db]
`;

function workspace(): MemoryFileSystem {
  return new MemoryFileSystem(ROOT, {
    'docs/adr/0001-split-the-shop-into-modules.yaml': MODULES,
    'docs/adr/0002-layer-the-shop.yaml': LAYERS,
    'src/web/page.ts': "import { route } from '../api/routes';\nexport const page = route;\n",
    'src/api/routes.ts': "import { order } from '../orders/order';\nimport { pool } from '../db/pool';\nexport const route = [order, pool];\n",
    'src/orders/order.ts': "import { pool } from '../db/pool';\nimport { item } from '../catalog/item';\nexport const order = [pool, item];\n",
    'src/catalog/item.ts': 'export const item = 1;\n',
    'src/db/pool.ts': "import { route } from '../api/routes';\nexport const pool = route;\n",
  });
}

async function run(fs: MemoryFileSystem, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { fs, out: (t: string) => void (out += t + '\n'), err: (t: string) => void (err += t + '\n'), processCwd: ROOT };
  const code = await runCli(argv, io, [checkCommand, showCommand, agentsCommand, contextCommand, overviewCommand], '0.0.0');
  return { code, out, err };
}

const lines = (out: string) => out.split('\n').filter((l) => /^ {2}\S+:\d+:\d+ /.test(l)).map((l) => l.trim());

describe('adrift check: enforce.layers (CLI)', () => {
  it('flags the upward import and the one past the closed layer, and allows the downward ones without any uses', async () => {
    const r = await run(workspace(), 'check', '--no-cache');
    assert.equal(r.code, 1, r.out + r.err);
    assert.deepEqual(lines(r.out).sort(), [
      'src/api/routes.ts:2:22 layer-dependency layer "api" may not use layer "db": it is closed and may use only layer "domain" right below it (ADR-0002 "Layer the shop")',
      'src/db/pool.ts:1:23 layer-dependency layer "db" may not use layer "api", which is above it (ADR-0002 "Layer the shop")',
      // The cycle the upward import closes is reported on that import: the edge the layers forbid.
      'src/db/pool.ts:1:23 module-cycle module "db" imports module "api" and closes the cycle db → api → orders → db (ADR-0001 "Split the shop into modules")',
      'src/orders/order.ts:2:22 module-dependency module "orders" may not use module "catalog": no accepted decision allows it (ADR-0001 "Split the shop into modules")',
    ]);
  });

  it('describes the rule in SARIF', async () => {
    const sarif = JSON.parse((await run(workspace(), 'check', '--format', 'sarif', '--no-cache')).out) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string }[] }[];
    };
    assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId).sort(), ['layer-dependency', 'layer-dependency', 'module-cycle', 'module-dependency']);
    assert.match(sarif.runs[0].tool.driver.rules.find((x) => x.id === 'layer-dependency')?.shortDescription.text ?? '', /layer above its own/);
  });

  it('shows the layers of the record', async () => {
    const r = await run(workspace(), 'show', '2');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /layers, top first \(a module may use only layers below it\):\n {4}web\n {4}api \(closed: only the layer right below\)\n {4}domain: orders, catalog\n {4}db\n/);
  });

  it('puts the layers in the architecture overview', async () => {
    const r = await run(workspace(), 'overview');
    assert.match(r.out, /\*\*Layers\*\*, top first \(a module may use only layers below it\): web → api \(closed\) → domain \(orders, catalog\) → db \(ADR-0002\)/);
  });

  it('tells agents the layers, and context what a file\'s layer may use', async () => {
    const fs = workspace();
    assert.equal((await run(fs, 'agents')).code, 0);
    const agents = fs.files.get(`${ROOT}/AGENTS.md`) ?? '';
    assert.match(agents, /Layers, top first: web → api \(closed\) → domain \(orders, catalog\) → db; a module may use only layers below it \(a closed layer only the one right below it\), never one above, and modules of one layer only as their uses say \(ADR-0002\)\./);
    assert.match(agents, /- \*\*web\*\* \(`src\/web\/\*\*`\)\. May use: api, orders, catalog, db\. \(ADR-0001, ADR-0002\)/);
    assert.match(agents, /- \*\*api\*\* \(`src\/api\/\*\*`\)\. May use: orders, catalog\. /);
    assert.match(agents, /- \*\*db\*\* \(`src\/db\/\*\*`\)\. May use: no other module\. \(ADR-0001\)/);
    const context = await run(fs, 'context', 'src/orders/order.ts');
    assert.match(context.out, /Layer \*\*domain\*\*: may use layers? db; never web, api above it \(ADR-0002/);
    assert.match(context.out, /May use:\n- db — ADR-0002\n/);
    assert.match(context.out, /Used by: web, api\./);
    const api = await run(fs, 'context', 'src/api/routes.ts');
    assert.match(api.out, /Layer \*\*api\*\* \(closed\): may use layer domain \(orders, catalog\); never web above it/);
  });

  it('answers an agent with the layers: may_import says no upward, and no uses against the layers is proposed', async () => {
    const tools = new AgentTools(workspace(), ROOT);
    const down = await tools.mayImport('src/orders/new.ts', { path: 'src/db/pool.ts' });
    assert.equal(down.allowed, true);
    const up = await tools.mayImport('src/db/new.ts', { path: 'src/orders/order.ts' });
    assert.deepEqual([up.allowed, up.findings.map((f) => f.rule)], [false, ['layer-dependency', 'module-cycle']]);
    await assert.rejects(
      tools.planProposal({ title: 'Let db read orders', context: 'The pool needs an order', allow: [{ from: 'db', to: 'orders' }] }, '2026-12-02'),
      (e: Error) => e instanceof ToolInputError && e.message === 'db → orders: layer "db" may not use layer "domain", which is above it, and a uses cannot allow that; propose a decision that changes the layers instead',
    );
  });
});
