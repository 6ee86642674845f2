// Sync: the accepted boundaries against today's imports become a new proposed record; no
// accepted record changes, not by one byte.

import * as assert from 'node:assert/strict';
import { compareBoundaries, leftOutReason, proposeSync } from '../../../src/core/adopt';
import { checkWorkspace } from '../../../src/core/engine/check';
import { setStatus } from '../../../src/core/records/edits';
import { loadDecisionLog } from '../../../src/core/records/store';
import { cleanUp, snapshot } from '../cli/run-cli';
import { fs, tree, writeTree } from './tree';

const BOUNDARIES = `# Drawn in the March review.
id: 2
title: Split the shop into web, api and db
status: accepted
date: 2026-03-01
kind: boundaries
deciders: [tech lead]
enforce:
  modules:
    web: { paths: [src/web/**], uses: [api, db] }
    api: { paths: [src/api/**] }
    db:
      paths: [src/db/**]
  packages:
    forbid: [{ name: left-pad, reason: never again }]
`;
const LET_API_USE_DB = `id: 3
title: Let api use db
status: accepted
date: 2026-04-01
kind: boundaries
deciders: [tech lead]
enforce:
  modules:
    api:
      uses: [db]
`;

describe('sync', () => {
  after(cleanUp);

  async function workspaceWith(code: Record<string, string>) {
    const root = tree({ 'docs/adr/0002-split.yaml': BOUNDARIES, 'docs/adr/0003-let-api-use-db.yaml': LET_API_USE_DB, ...code });
    const result = await checkWorkspace(fs, root, { cache: false, baseline: false, today: '2026-12-02' });
    return { root, result };
  }

  it('finds the new edges and the allowances no import uses', async () => {
    const { result } = await workspaceWith({
      'src/web/page.ts': "import { a } from '../api/a';\nexport const p = a;\n",
      'src/api/a.ts': 'export const a = 1;\n',
      'src/db/q.ts': "import { a } from '../api/a';\nexport const q = a;\n",
    });
    const report = compareBoundaries(result.index, result.log);
    assert.deepEqual(report.newEdges.map((e) => `${e.from}→${e.to} ${e.count} ${e.topFiles.map((f) => f.file)}`), ['db→api 1 src/db/q.ts']);
    assert.deepEqual(report.unused, [
      { from: 'web', to: 'db', grantedBy: [2] },
      { from: 'api', to: 'db', grantedBy: [3] },
    ]);
  });

  it('proposes a successor of the records that grant unused allowances, restating what they enforce, and edits no accepted record', async () => {
    const { root, result } = await workspaceWith({
      'src/web/page.ts': "import { a } from '../api/a';\nexport const p = a;\n",
      'src/api/a.ts': 'export const a = 1;\n',
      'src/db/q.ts': "import { a } from '../api/a';\nexport const q = a;\n",
    });
    const before = snapshot(root);
    const proposal = proposeSync(result.index, result.log, { id: 4, date: '2026-12-02', deciders: ['tech lead'] });
    assert.ok(proposal);
    assert.equal(proposal.record.status, 'proposed');
    assert.deepEqual(proposal.record.supersedes, [2, 3]);
    assert.deepEqual(proposal.record.enforce, {
      modules: {
        web: { paths: ['src/web/**'], uses: ['api'] },
        api: { paths: ['src/api/**'] },
        db: { paths: ['src/db/**'], uses: ['api'] },
      },
      packages: { forbid: [{ name: 'left-pad', reason: 'never again' }] },
    });
    assert.equal(proposal.recordPath, 'docs/adr/0004-sync-the-module-boundaries-with-the-code.yaml');
    assert.match(proposal.record.context ?? '', /db → api \(1 import, most in src\/db\/q\.ts\)/);
    assert.match(proposal.record.context ?? '', /web → db \(record 2\); api → db \(record 3\)/);
    // Pure: nothing on disk changed.
    assert.deepEqual(snapshot(root), before);

    // While proposed, the old records stay in force and the new edge is still a finding.
    writeTree(root, { [proposal.recordPath]: proposal.recordText });
    const pending = await checkWorkspace(fs, root, { cache: false, baseline: false, today: '2026-12-02' });
    assert.deepEqual(pending.findings.map((f) => `${f.rule} ${f.file}`), ['module-dependency src/db/q.ts']);
    for (const file of ['docs/adr/0002-split.yaml', 'docs/adr/0003-let-api-use-db.yaml']) assert.equal(snapshot(root).get(file), before.get(file), file);

    // Accepting it (an explicit step) retires 2 and 3; the check is clean and forbids what 2 forbade.
    const log = await loadDecisionLog(fs, root);
    const accepting = setStatus(log, 4, 'accepted', { today: '2026-12-02' });
    // The header that says what accepting does goes with the acceptance.
    assert.match(proposal.recordText, /^# Proposed by `adrift sync`\. Records 2, 3 stay in force until this one is accepted/);
    assert.match(accepting[0].text, /^id: 4\n/);
    for (const c of accepting) writeTree(root, { [c.path]: c.text });
    const after = await checkWorkspace(fs, root, { cache: false, baseline: false, today: '2026-12-02' });
    assert.deepEqual(after.findings, []);
    assert.deepEqual(after.model.forbiddenPackages.map((p) => [p.value.name, p.decision.id]), [['left-pad', 4]]);
    assert.deepEqual(after.model.decisions.map((d) => d.id), [4]);
  });

  it('leaves out a new edge that would close a cycle of allowed dependencies and says why: accepting it would not end the cycle findings', async () => {
    const code = {
      'src/web/page.ts': "import { a } from '../api/a';\nimport { q } from '../db/q';\nexport const p = [a, q];\n",
      'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
      'src/db/q.ts': "import { a } from '../api/a';\nexport const q = a;\n",
    };
    const { root, result } = await workspaceWith(code);
    // api may use db (record 3); db → api closes api → db → api.
    assert.equal(proposeSync(result.index, result.log, { id: 4, date: '2026-12-02' }), undefined);
    const report = compareBoundaries(result.index, result.log);
    assert.deepEqual(report.newEdges, []);
    assert.deepEqual(report.leftOut.map((e) => [`${e.from}→${e.to}`, e.reason, e.cycle?.join(' → ')]), [['db→api', 'cycle', 'db → api → db']]);
    assert.match(leftOutReason(report.leftOut[0]), /would close the cycle db → api → db of allowed dependencies.*module-cycle finding however it is allowed/);
    // Why: the record sync proposed before, once accepted, still leaves the module-cycle finding (and a uses cycle in the records).
    writeTree(root, { 'docs/adr/0004-allow-db-api.yaml': 'id: 4\ntitle: Let db use api\nstatus: accepted\ndate: 2026-12-02\nenforce:\n  modules:\n    db:\n      uses: [api]\n' });
    const accepted = await checkWorkspace(fs, root, { cache: false, baseline: false, today: '2026-12-02' });
    assert.ok(accepted.findings.some((f) => f.rule === 'module-cycle'), JSON.stringify(accepted.findings.map((f) => f.rule)));
  });

  it('of two new edges that form a cycle proposes the one with more imports and leaves out the other, in the record and its context', async () => {
    const { result } = await workspaceWith({
      'docs/adr/0004-util.yaml': 'id: 4\ntitle: A util module\nstatus: accepted\ndate: 2026-04-02\nenforce:\n  modules:\n    util: { paths: [src/util/**] }\n',
      'src/web/page.ts': "import { a } from '../api/a';\nimport { q } from '../db/q';\nexport const p = [a, q];\n",
      'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
      'src/db/q.ts': "import { u } from '../util/u';\nimport { v } from '../util/v';\nexport const q = u + v;\n",
      'src/util/u.ts': 'export const u = 1;\n',
      'src/util/v.ts': "import { q } from '../db/q';\nexport const v = typeof q;\n",
    });
    const proposal = proposeSync(result.index, result.log, { id: 5, date: '2026-12-02' });
    assert.ok(proposal);
    assert.deepEqual(proposal.newEdges.map((e) => `${e.from}→${e.to}`), ['db→util']);
    assert.deepEqual(proposal.leftOut.map((e) => `${e.from}→${e.to} ${e.cycle?.join(' → ')}`), ['util→db util → db → util']);
    assert.deepEqual(proposal.record.enforce, { modules: { db: { uses: ['util'] } } });
    assert.match(proposal.record.context ?? '', /Not allowed here: util → db \(1 import\): allowing it would close the cycle util → db → util/);
  });

  it('with keepUnused only adds the new edges and supersedes nothing, and the kept allowances count for cycles', async () => {
    const code = {
      'src/web/page.ts': "import { a } from '../api/a';\nexport const p = a;\n",
      'src/api/a.ts': 'export const a = 1;\n',
      'src/db/q.ts': "import { p } from '../web/page';\nexport const q = p;\n",
    };
    const { result } = await workspaceWith(code);
    // Dropping the unused web → db (record 2) and api → db (record 3) leaves db → web acyclic.
    const dropping = proposeSync(result.index, result.log, { id: 4, date: '2026-12-02' });
    assert.ok(dropping);
    assert.deepEqual(dropping.record.supersedes, [2, 3]);
    assert.deepEqual(dropping.record.enforce?.modules?.db, { paths: ['src/db/**'], uses: ['web'] });
    assert.deepEqual(dropping.leftOut, []);
    // Keeping web → db, db → web would close web → db → web.
    assert.equal(proposeSync(result.index, result.log, { id: 4, date: '2026-12-02', keepUnused: true }), undefined);
    assert.deepEqual(compareBoundaries(result.index, result.log, { keepUnused: true }).leftOut.map((e) => `${e.from}→${e.to} ${e.cycle?.join(' → ')}`), ['db→web db → web → db']);

    const { result: acyclic } = await workspaceWith({
      'docs/adr/0004-util.yaml': 'id: 4\ntitle: A util module\nstatus: accepted\ndate: 2026-04-02\nenforce:\n  modules:\n    util: { paths: [src/util/**] }\n',
      'src/web/page.ts': "import { a } from '../api/a';\nexport const p = a;\n",
      'src/api/a.ts': "import { u } from '../util/u';\nexport const a = u;\n",
      'src/util/u.ts': 'export const u = 1;\n',
    });
    const proposal = proposeSync(acyclic.index, acyclic.log, { id: 5, date: '2026-12-02', keepUnused: true });
    assert.ok(proposal);
    assert.equal(proposal.record.supersedes, undefined);
    assert.deepEqual(proposal.record.enforce, { modules: { api: { uses: ['util'] } } });
  });

  it('leaves out an import the layers forbid: a uses would contradict them', async () => {
    const root = tree({
      'docs/adr/0001-layers.yaml': `id: 1
title: Layer the shop
status: accepted
date: 2026-03-01
enforce:
  modules:
    api: { paths: [src/api/**] }
    db: { paths: [src/db/**] }
  layers: [[api], [db]]
`,
      'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
      'src/db/q.ts': "import type { A } from '../api/t';\nexport const q = 1 as unknown as A;\n",
      'src/api/t.ts': 'export type A = number;\n',
    });
    const result = await checkWorkspace(fs, root, { cache: false, baseline: false, today: '2026-12-02' });
    assert.equal(proposeSync(result.index, result.log, { id: 2, date: '2026-12-02' }), undefined);
    const [e] = compareBoundaries(result.index, result.log).leftOut;
    assert.deepEqual([e.from, e.to, e.reason, e.layersDecision], ['db', 'api', 'layers', 1]);
    assert.match(leftOutReason(e), /the layers \(record 1\) forbid it: layer "db" may not use layer "api", which is above it/);
  });

  it('proposes nothing when the boundaries match the code', async () => {
    const { result } = await workspaceWith({
      'src/web/page.ts': "import { a } from '../api/a';\nimport { q } from '../db/q';\nexport const p = [a, q];\n",
      'src/api/a.ts': "import { q } from '../db/q';\nexport const a = q;\n",
      'src/db/q.ts': 'export const q = 1;\n',
    });
    assert.equal(proposeSync(result.index, result.log, { id: 4, date: '2026-12-02' }), undefined);
  });
});
