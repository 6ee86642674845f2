import * as assert from 'node:assert/strict';
import { formatFindingLine } from '../../../src/core/findings';
import { foldModel, allowsEdge } from '../../../src/core/model/fold';
import { folderGlob } from '../../../src/core/model/globs';
import {
  assignFolderToModule,
  assignmentTargets,
  createRecord,
  nextId,
  proposeAllowingEdge,
  proposeAllowingPackage,
  proposeSuccessor,
  renumberDuplicates,
  setStatus,
  supersede,
} from '../../../src/core/records/edits';
import { parseRecord } from '../../../src/core/records/parse';
import { checkLog } from '../../../src/core/records/store';
import { DECISION_KINDS, type DecisionLog, type FileChange } from '../../../src/core/records/types';

const OLD = `# Chosen after the spike in October.
id: 5
title: Use RabbitMQ for background jobs
status: accepted    # reviewed by ops
date: 2026-10-02
deciders: [tech lead, ops]
context: >
  Jobs must survive a restart;
  the team knows AMQP.

options:
  - name: RabbitMQ
    pros: ["durable queues"]
  - name: 'Postgres SKIP LOCKED'
decision:
  chosen: RabbitMQ
`;

const NEW = `id: 9
title: Use Postgres SKIP LOCKED for background jobs
status: accepted
date: 2026-11-20
# What made us change our mind:
context: One database is enough for v1.
decision: { chosen: Postgres }
`;

const MODULES = `id: 3
title: Five modules
status: accepted
date: 2026-11-01
enforce:
  modules:
    # ticket owns the conversation too
    ticket:
      paths:
        - src/ticket/**   # the core
      uses: [tenant]
    tenant:
      description: Tenants and plans
  undeclared: deny
`;

function logOf(files: Record<string, string>): DecisionLog {
  const records = Object.entries(files).map(([f, t]) => parseRecord(`docs/adr/${f}`, t));
  return { root: '/ws', folder: '/ws/docs/adr', folderRelative: 'docs/adr', folderExists: true, records, findings: [] };
}

function apply(log: DecisionLog, changes: FileChange[]): DecisionLog {
  const files = new Map(log.records.map((r) => [r.file, r.text]));
  for (const c of changes) {
    if (c.renameFrom) files.delete(c.renameFrom);
    files.set(c.path, c.text);
  }
  return logOf(Object.fromEntries([...files].map(([f, t]) => [f.replace('docs/adr/', ''), t])));
}

/** Lines removed ("-") then lines added ("+"), by a longest-common-subsequence diff of the two texts. */
function diff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(`+${b[j++]}`);
    else removed.push(`-${a[i++]}`);
  }
  return [...removed, ...added];
}

describe('record edits', () => {
  it('supersede changes both files and nothing else', () => {
    const log = logOf({ '0005-rabbitmq.yaml': OLD, '0009-skip-locked.yaml': NEW, '0003-modules.yaml': MODULES });
    const changes = supersede(log, 5, 9, { today: '2026-11-27' });
    assert.deepEqual(changes.map((c) => c.path), ['docs/adr/0005-rabbitmq.yaml', 'docs/adr/0009-skip-locked.yaml']);
    assert.deepEqual(diff(OLD, changes[0].text), [
      '-status: accepted    # reviewed by ops',
      '-date: 2026-10-02',
      '+status: superseded    # reviewed by ops',
      '+date: 2026-11-27',
      '+superseded_by: 9',
    ]);
    assert.deepEqual(diff(NEW, changes[1].text), ['+supersedes: [5]']);
    const after = apply(log, changes);
    assert.deepEqual(after.records.flatMap((r) => r.findings), []);
    assert.deepEqual(checkLog(after.records, '2026-11-27'), []);
  });

  it('supersede appends to an existing list in its own style', () => {
    const log = logOf({ '0005-a.yaml': OLD, '0009-b.yaml': NEW + 'supersedes:\n  - 2\n', '0002-c.yaml': 'id: 2\ntitle: C\nstatus: superseded\nsuperseded_by: 9\ndate: 2026-01-01\n' });
    const [, changed] = supersede(log, 5, 9, { today: '2026-11-27' });
    assert.ok(changed.text.endsWith('supersedes:\n  - 2\n  - 5\n'));
  });

  it('setStatus changes status and date only, and refuses superseded without a successor', () => {
    const log = logOf({ '0009-b.yaml': NEW });
    const [c] = setStatus(log, 9, 'deprecated', { today: '2026-11-27' });
    assert.deepEqual(diff(NEW, c.text), ['-status: accepted', '-date: 2026-11-20', '+status: deprecated', '+date: 2026-11-27']);
    assert.throws(() => setStatus(log, 9, 'superseded'), /adrift supersede 9/);
    assert.throws(() => setStatus(log, 4, 'accepted'), /no record 4/);
  });

  it('nextId counts broken records too', () => {
    assert.equal(nextId(logOf({ '0005-a.yaml': OLD, '0012-broken.yaml': 'id: [\n' })), 13);
  });

  it('renumbers a duplicate id, renames its file and rewrites the references that meant it', () => {
    const a = 'id: 7\ntitle: A\nstatus: accepted\ndate: 2026-11-01\n';
    const b = 'id: 7   # from the other branch\ntitle: B\nstatus: superseded\nsuperseded_by: 8\ndate: 2026-11-01\n';
    const c = 'id: 8\ntitle: C\nstatus: accepted\ndate: 2026-11-02\nsupersedes: [7]\n';
    const log = logOf({ '0007-a.yaml': a, '0007-b.yaml': b, '0008-c.yaml': c });
    const changes = renumberDuplicates(log);
    assert.deepEqual(changes.map((x) => [x.path, x.renameFrom]), [['docs/adr/0009-b.yaml', 'docs/adr/0007-b.yaml'], ['docs/adr/0008-c.yaml', undefined]]);
    assert.equal(changes[0].text, b.replace('id: 7', 'id: 9'));
    assert.equal(changes[1].text, c.replace('[7]', '[9]'));
    assert.deepEqual(checkLog(apply(log, changes).records, '2026-11-27'), []);
    assert.deepEqual(renumberDuplicates(apply(log, changes)), []);
  });

  it('creates a record of every kind that validates', () => {
    const log = logOf({ '0005-a.yaml': OLD });
    for (const kind of DECISION_KINDS) {
      const c = createRecord(log, kind, 'Pick the "main" database: PostgreSQL', { today: '2026-11-27' });
      assert.equal(c.path, 'docs/adr/0006-pick-the-main-database-postgresql.yaml');
      const r = parseRecord(c.path, c.text);
      assert.deepEqual(r.findings, [], kind);
      assert.equal(r.record?.title, 'Pick the "main" database: PostgreSQL');
      assert.equal(r.record?.status, 'proposed');
      assert.equal(r.record?.kind, kind);
    }
  });

  const DASHBOARD = `id: 4
title: Serve the dashboard from Next.js
status: accepted
date: 2026-11-02
kind: boundaries
enforce:
  modules:
    web:
      paths: [src/app/**, src/components/**]
      uses: [ticket]
`;

  it('a new module goes into a new proposed record by default, never into an unrelated accepted one', () => {
    // Seen: "New module" on scripts/ added the module to record 4 (the dashboard), an
    // accepted record that has nothing to do with it, and the check changed at once.
    const log = logOf({ '0003-modules.yaml': MODULES, '0004-dashboard.yaml': DASHBOARD });
    const changes = assignFolderToModule(log, foldModel(log), { module: 'scripts', glob: folderGlob('scripts') }, { today: '2026-12-01' });
    assert.deepEqual(changes.map((c) => c.path), ['docs/adr/0005-declare-module-scripts.yaml']);
    const after = apply(log, changes);
    assert.deepEqual(after.records.flatMap((r) => r.findings), []);
    assert.equal(after.records.find((r) => r.record?.id === 5)?.record?.status, 'proposed');
    assert.equal(foldModel(after).modules.has('scripts'), false, 'nothing changes until the record is accepted');
    const accepted = apply(after, setStatus(after, 5, 'accepted', { today: '2026-12-02' }));
    assert.deepEqual(foldModel(accepted).modules.get('scripts')?.paths, ['scripts/**']);
  });

  it('a folder for an existing module is proposed with the paths in force, so accepting it keeps them', () => {
    const log = logOf({ '0003-modules.yaml': MODULES, '0004-dashboard.yaml': DASHBOARD });
    const changes = assignFolderToModule(log, foldModel(log), { module: 'web', glob: folderGlob('src/lib') }, { today: '2026-12-01' });
    assert.deepEqual(changes.map((c) => c.path), ['docs/adr/0005-add-a-folder-to-module-web.yaml']);
    const accepted = apply(apply(log, changes), setStatus(apply(log, changes), 5, 'accepted'));
    assert.deepEqual(foldModel(accepted).modules.get('web')?.paths, ['src/app/**', 'src/components/**', 'src/lib/**']);
    assert.deepEqual(foldModel(accepted).modules.get('web')?.uses.map((u) => u.value), ['ticket'], 'uses add up and stay');
    assert.deepEqual(assignFolderToModule(log, foldModel(log), { module: 'web', glob: 'src/app/**' }), [], 'a folder already in the module changes nothing');
  });

  it('offers the proposed records and the one accepted record that holds the paths in force', () => {
    const proposedModules = `id: 7\ntitle: Carve out billing\nstatus: proposed\ndate: 2026-11-20\nenforce:\n  modules:\n    billing:\n      paths: [src/billing/**]\n`;
    const log = logOf({ '0003-modules.yaml': MODULES, '0004-dashboard.yaml': DASHBOARD, '0007-billing.yaml': proposedModules });
    const model = foldModel(log);
    assert.deepEqual(assignmentTargets(log, model, 'web').map((t) => [t.id, t.status]), [[7, 'proposed'], [4, 'accepted']]);
    assert.deepEqual(assignmentTargets(log, model, 'ticket').map((t) => t.id), [7, 3]);
    assert.deepEqual(assignmentTargets(log, model, 'scripts').map((t) => t.id), [7, 4, 3]);
    assert.throws(() => assignFolderToModule(log, model, { module: 'web', glob: 'src/lib/**', into: 3 }), /record 3 cannot take a folder of module web/);
  });

  it('into a chosen record: appends to the module paths there, or declares them, keeping the comments', () => {
    const log = logOf({ '0003-modules.yaml': MODULES });
    const model = foldModel(log);
    const [c] = assignFolderToModule(log, model, { module: 'ticket', glob: 'src/conversation/**', into: 3 });
    assert.deepEqual(diff(MODULES, c.text), ['+        - src/conversation/**']);
    const [t] = assignFolderToModule(log, model, { module: 'tenant', glob: 'src/tenant/**', into: 3 });
    assert.deepEqual(diff(MODULES, t.text), ['+      paths: [src/tenant/**]']);
    const [n] = assignFolderToModule(log, model, { module: 'billing', glob: 'src/billing/**', into: 3 });
    assert.deepEqual(diff(MODULES, n.text), ['+    billing:', '+      paths: [src/billing/**]']);
    assert.deepEqual(foldModel([parseRecord(n.path, n.text)]).modules.get('billing')?.paths, ['src/billing/**']);
  });

  it('a folder named like a Next.js route is quoted and escaped, so the record still loads and claims only that folder', () => {
    // Seen: `paths: [src/app/[slug]/**]` written into a flow list: a YAML error, and every
    // module of the record stopped being checked.
    const log = logOf({ '0004-dashboard.yaml': DASHBOARD });
    const glob = folderGlob('src/app/[slug]');
    const [c] = assignFolderToModule(log, foldModel(log), { module: 'web', glob, into: 4 });
    assert.deepEqual(diff(DASHBOARD, c.text), ['-      paths: [src/app/**, src/components/**]', "+      paths: [src/app/**, src/components/**, 'src/app/\\[slug\\]/**']"]);
    const after = apply(log, [c]);
    assert.deepEqual(after.records.flatMap((r) => r.findings), []);
    assert.deepEqual(foldModel(after).modules.get('web')?.paths.at(-1), 'src/app/\\[slug\\]/**');
  });

  it('the note "Accept it…" of a proposed record goes once it is accepted or rejected', () => {
    const log = logOf({ '0003-modules.yaml': MODULES });
    for (const c of [proposeAllowingEdge(log, 'tenant', 'ticket'), proposeAllowingPackage(log, 'tenant', 'stripe'), ...assignFolderToModule(log, foldModel(log), { module: 'billing', glob: 'src/billing/**' })]) {
      assert.match(c.text, /^# Proposed by Adrift.*Accept it/);
      const proposed = apply(log, [c]);
      for (const status of ['accepted', 'rejected'] as const) {
        const [done] = setStatus(proposed, 4, status, { today: '2026-12-02' });
        assert.doesNotMatch(done.text, /Accept it|# Proposed by Adrift/);
        assert.deepEqual(diff(c.text, done.text).filter((l) => !/^[-+](status|date):/.test(l) && !l.startsWith('-#')), []);
      }
      const crlf = apply(log, [{ ...c, text: `\ufeff${c.text.replace(/\n/g, '\r\n')}` }]);
      assert.doesNotMatch(setStatus(crlf, 4, 'accepted')[0].text, /Accept it/);
    }
    const own = `# Proposed by Adrift? No: we wrote this one. Accept it when the team agrees.\n${MODULES.replace('status: accepted', 'status: proposed')}`;
    const ownLog = logOf({ '0003-modules.yaml': own });
    assert.match(setStatus(ownLog, 3, 'accepted')[0].text, /we wrote this one/, 'a comment Adrift did not write stays');
  });

  it("a successor's notes go once it is accepted, with the copied note of the record it came from; the user's comments stay", () => {
    const fromCode = `# Written by \`adrift init --from-code\` from the modules and imports the code has today. Accept it (status: accepted) to check them.\n\n${OLD.replace('# Chosen after the spike in October.\n', '')}`;
    for (const [old, kept] of [
      [OLD, /^# Chosen after the spike in October\.\nid: 6\n/],
      [fromCode, /^id: 6\n/],
    ] as const) {
      const log = logOf({ '0005-rabbitmq.yaml': old });
      const successor = proposeSuccessor(log, 5, { title: 'Use Postgres for jobs', today: '2026-11-27' });
      assert.match(successor.text, /^# Proposed successor of record 5 \(Use RabbitMQ for background jobs\), pre-filled from it: change what the new decision changes\.\n# Record 5 stays in force until this one is accepted; accepting it marks 5 superseded\.\n/);
      for (const eol of ['\n', '\r\n']) {
        const proposed = apply(log, [{ ...successor, text: successor.text.replace(/\n/g, eol) }]);
        const [accepted, retired] = setStatus(proposed, 6, 'accepted', { today: '2026-12-02' });
        assert.match(accepted.text.replace(/\r\n/g, '\n'), kept);
        assert.doesNotMatch(accepted.text, /stays in force|Proposed successor|Accept it/);
        assert.match(retired.text, /superseded_by: 6/);
      }
    }
  });

  it('proposes a record that, once accepted, allows the edge', () => {
    const log = logOf({ '0003-modules.yaml': MODULES });
    assert.equal(allowsEdge(foldModel(log), 'tenant', 'ticket'), false);
    const p = proposeAllowingEdge(log, 'tenant', 'ticket', { example: { file: 'src/tenant/plan.ts', specifier: '../ticket/count' } }, { today: '2026-11-27' });
    assert.equal(p.path, 'docs/adr/0004-let-tenant-use-ticket.yaml');
    const proposed = apply(log, [p]);
    assert.deepEqual(proposed.records.flatMap((r) => r.findings), []);
    assert.equal(allowsEdge(foldModel(proposed), 'tenant', 'ticket'), false);
    assert.equal(allowsEdge(foldModel(proposed, { preview: [4] }), 'tenant', 'ticket'), true);
    const accepted = apply(proposed, setStatus(proposed, 4, 'accepted', { today: '2026-11-28' }));
    assert.equal(allowsEdge(foldModel(accepted), 'tenant', 'ticket'), true);
    assert.deepEqual(foldModel(accepted).modules.get('tenant')?.uses.map((u) => u.decision.id), [4]);
  });
});

describe('proposing a decision from a confined-package finding', () => {
  it('once accepted, the module joins the modules that may import the package, under the name the confining record uses', () => {
    const confine = 'id: 9\ntitle: S3 behind tenant\nstatus: accepted\ndate: 2026-11-02\nenforce:\n  packages:\n    only_in:\n      "@aws-sdk": [tenant]\n';
    const log = logOf({ '0003-modules.yaml': MODULES, '0009-s3.yaml': confine });
    const p = proposeAllowingPackage(log, 'ticket', '@aws-sdk', { example: { file: 'src/ticket/upload.ts', specifier: '@aws-sdk/client-s3' } }, { today: '2026-12-02' });
    assert.equal(p.path, 'docs/adr/0010-let-ticket-import-aws-sdk.yaml');
    assert.match(p.text, /^context: src\/ticket\/upload.ts imports @aws-sdk\/client-s3\.$/m);
    const proposed = apply(log, [p]);
    assert.deepEqual(proposed.records.flatMap((r) => r.findings), []);
    assert.deepEqual(checkLog(proposed.records, '2026-12-02'), []);
    const modulesOf = (l: DecisionLog, preview: number[] = []) => foldModel(l, { preview }).confinedPackages.map((c) => [c.name, c.modules.map((m) => `${m.value}@${m.decision.id}`)]);
    assert.deepEqual(modulesOf(proposed), [['@aws-sdk', ['tenant@9']]]);
    assert.deepEqual(modulesOf(proposed, [10]), [['@aws-sdk', ['tenant@9', 'ticket@10']]]);
    const accepted = apply(proposed, setStatus(proposed, 10, 'accepted', { today: '2026-12-03' }));
    assert.deepEqual(modulesOf(accepted), [['@aws-sdk', ['tenant@9', 'ticket@10']]]);
    assert.throws(() => proposeAllowingPackage(log, 'Ticket', 'stripe'), /is not a module name/);
  });
});

describe('superseding: the old record stays in force until its successor is accepted', () => {
  const QUEUE = `# Chosen after the spike in October.
id: 5
title: Use RabbitMQ for background jobs
status: accepted    # reviewed by ops
date: 2026-10-02
kind: technology
area: queue
tags: [jobs]
review_by: 2027-01-01
context: >
  Jobs must survive a restart.
options:
  - name: RabbitMQ
  - name: Postgres SKIP LOCKED
decision:
  chosen: RabbitMQ
enforce:
  packages:
    forbid:
      - { name: bullmq, reason: "we chose RabbitMQ" }
deciders: [ops]
`;
  const rec = (id: number, status: string, extra = '') => `id: ${id}\ntitle: Decision ${id}\nstatus: ${status}\ndate: 2026-11-01\n${extra}`;
  const forbidden = (log: DecisionLog) => foldModel(log).forbiddenPackages.map((p) => `${p.value.name} (${p.decision.id})`);

  it('writes a proposed successor pre-filled from the old record, and leaves the old one as it is', () => {
    const log = logOf({ '0005-rabbitmq.yaml': QUEUE, '0003-modules.yaml': MODULES });
    const c = proposeSuccessor(log, 5, { title: 'Use Postgres SKIP LOCKED for background jobs', today: '2026-11-27' });
    assert.equal(c.path, 'docs/adr/0006-use-postgres-skip-locked-for-background-jobs.yaml');
    const successor = parseRecord(c.path, c.text);
    assert.deepEqual(successor.findings, []);
    const r = successor.record!;
    assert.deepEqual([r.id, r.title, r.status, r.date, r.supersedes], [6, 'Use Postgres SKIP LOCKED for background jobs', 'proposed', '2026-11-27', [5]]);
    // The area, tags, context, options and enforce come from the old record, not from a skeleton.
    assert.deepEqual([r.kind, r.area, r.tags, r.context, r.decision, r.enforce], [
      'technology', 'queue', ['jobs'], 'Jobs must survive a restart.\n', { chosen: 'RabbitMQ' }, { packages: { forbid: [{ name: 'bullmq', reason: 'we chose RabbitMQ' }] } },
    ]);
    assert.equal(r.review_by, undefined, 'the old review date is not carried over');
    assert.match(c.text, /^# Proposed successor of record 5 \(Use RabbitMQ for background jobs\)/);
    const after = apply(log, [c]);
    assert.equal(after.records.find((x) => x.record?.id === 5)!.text, QUEUE);
    assert.deepEqual(forbidden(after), ['bullmq (5)'], 'record 5 is still in force');
    assert.deepEqual(checkLog(after.records, '2026-11-27'), []);
  });

  it('accepting the successor marks the old record superseded in the same change', () => {
    const log = logOf({ '0005-rabbitmq.yaml': QUEUE });
    const proposed = apply(log, [proposeSuccessor(log, 5, { today: '2026-11-27' })]);
    const changes = setStatus(proposed, 6, 'accepted', { today: '2026-11-28' });
    assert.deepEqual(changes.map((c) => c.path), ['docs/adr/0006-use-rabbitmq-for-background-jobs.yaml', 'docs/adr/0005-rabbitmq.yaml']);
    assert.deepEqual(diff(QUEUE, changes[1].text), [
      '-status: accepted    # reviewed by ops',
      '-date: 2026-10-02',
      '+status: superseded    # reviewed by ops',
      '+date: 2026-11-28',
      '+superseded_by: 6',
    ]);
    const accepted = apply(proposed, changes);
    assert.deepEqual(forbidden(accepted), ['bullmq (6)'], 'the successor is in force, the old record is not');
    assert.deepEqual(checkLog(accepted.records, '2026-11-28'), []);
  });

  it('links an existing proposed successor without retiring the old record yet', () => {
    const log = logOf({ '0005-rabbitmq.yaml': QUEUE, '0009-b.yaml': rec(9, 'proposed') });
    const changes = supersede(log, 5, 9, { today: '2026-11-27' });
    assert.deepEqual(changes.map((c) => c.path), ['docs/adr/0009-b.yaml']);
    assert.match(changes[0].text, /^supersedes: \[5\]$/m);
    const after = apply(log, changes);
    assert.equal(after.records.find((x) => x.record?.id === 5)!.record!.status, 'accepted');
    assert.deepEqual(checkLog(after.records, '2026-11-27'), []);
    assert.throws(() => supersede(logOf({ '0005-a.yaml': QUEUE, '0009-b.yaml': rec(9, 'rejected') }), 5, 9), /record 9 is rejected/);
  });

  it('with two proposed successors, the first accepted wins and the other is refused and flagged', () => {
    const log = logOf({ '0005-rabbitmq.yaml': QUEUE, '0006-b.yaml': rec(6, 'proposed', 'supersedes: [5]\n'), '0007-c.yaml': rec(7, 'proposed', 'supersedes: [5]\n') });
    assert.deepEqual(checkLog(log.records, '2026-11-27'), []);
    const accepted = apply(log, setStatus(log, 6, 'accepted', { today: '2026-11-27' }));
    assert.throws(() => setStatus(accepted, 7, 'accepted'), /record 5 is already superseded by record 6; let 7 supersede 6 instead/);
    assert.deepEqual(checkLog(accepted.records, '2026-11-27').map(formatFindingLine), [
      'docs/adr/0007-c.yaml:5:14 decision-lifecycle record 5 is already superseded by record 6; supersede 6 instead, or take 5 out of this list',
    ]);
  });

  it('refuses a supersede that would close a cycle', () => {
    const log = logOf({ '0002-a.yaml': rec(2, 'accepted'), '0003-b.yaml': rec(3, 'accepted') });
    const once = apply(log, supersede(log, 2, 3, { today: '2026-11-27' }));
    assert.throws(() => supersede(once, 3, 2), /record 3 supersedes 2, so 2 cannot replace 3/);
    assert.throws(() => supersede(once, 2, 2), /cannot supersede itself/);
  });

  it('flags supersede cycles in lint, at the offending value', () => {
    // What "adrift supersede 2 3" then "adrift supersede 3 2" used to leave behind.
    const two = rec(2, 'superseded', 'superseded_by: 3\nsupersedes: [3]\n');
    const three = rec(3, 'superseded', 'supersedes: [2]\nsuperseded_by: 2\n');
    const lines = checkLog(logOf({ '0002-a.yaml': two, '0003-b.yaml': three }).records, '2026-11-27').map(formatFindingLine);
    assert.deepEqual(lines.filter((l) => l.includes('cycle')).sort(), [
      'docs/adr/0002-a.yaml:5:16 decision-reference supersede cycle: 3 supersedes 2, which supersedes 3; a record cannot replace, directly or through others, a record that replaces it: remove this link or the other',
      'docs/adr/0002-a.yaml:6:14 decision-reference supersede cycle: 2 supersedes 3, which supersedes 2; a record cannot replace, directly or through others, a record that replaces it: remove this link or the other',
      'docs/adr/0003-b.yaml:5:14 decision-reference supersede cycle: 3 supersedes 2, which supersedes 3; a record cannot replace, directly or through others, a record that replaces it: remove this link or the other',
      'docs/adr/0003-b.yaml:6:16 decision-reference supersede cycle: 2 supersedes 3, which supersedes 2; a record cannot replace, directly or through others, a record that replaces it: remove this link or the other',
    ]);
    const ring = checkLog(logOf({ '0001-a.yaml': rec(1, 'accepted', 'supersedes: [3]\n'), '0002-b.yaml': rec(2, 'accepted', 'supersedes: [1]\n'), '0003-c.yaml': rec(3, 'accepted', 'supersedes: [2]\n') }).records, '2026-11-27');
    assert.deepEqual(ring.filter((f) => f.message.includes('cycle')).map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.message.split(';')[0]}`), [
      'docs/adr/0001-a.yaml:5:14 supersede cycle: 1 supersedes 3, which supersedes 2, which supersedes 1',
      'docs/adr/0002-b.yaml:5:14 supersede cycle: 2 supersedes 1, which supersedes 3, which supersedes 2',
      'docs/adr/0003-c.yaml:5:14 supersede cycle: 3 supersedes 2, which supersedes 1, which supersedes 3',
    ]);
    const self = checkLog(logOf({ '0004-a.yaml': rec(4, 'superseded', 'superseded_by: 4\n') }).records, '2026-11-27').map(formatFindingLine);
    assert.ok(self.includes('docs/adr/0004-a.yaml:5:16 decision-reference a record cannot be superseded by itself'), self.join('\n'));
  });

  it('flags a record superseded by one that is only proposed: nothing enforces it', () => {
    const lines = checkLog(logOf({ '0002-a.yaml': rec(2, 'superseded', 'superseded_by: 3\n'), '0003-b.yaml': rec(3, 'proposed', 'supersedes: [2]\n') }).records, '2026-11-27').map(formatFindingLine);
    assert.deepEqual(lines, [
      'docs/adr/0002-a.yaml:5:16 decision-lifecycle record 3, which replaces this one, is proposed, so nothing enforces this decision any more; set this record back to accepted until 3 is accepted (accepting 3 marks this one superseded)',
    ]);
  });
});
