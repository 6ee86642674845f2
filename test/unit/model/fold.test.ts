import * as assert from 'node:assert/strict';
import { allowsEdge, foldModel } from '../../../src/core/model/fold';
import { checkModelAgainstFiles } from '../../../src/core/model/check-files';
import { parseRecord } from '../../../src/core/records/parse';
import { formatFindingLine } from '../../../src/core/findings';

const rec = (id: number, status: string, body: string) =>
  parseRecord(`docs/adr/${String(id).padStart(4, '0')}-r.yaml`, `id: ${id}\ntitle: Record ${id}\nstatus: ${status}\ndate: 2026-11-01\n${body}`);

const modules = rec(3, 'accepted', `enforce:
  modules:
    ticket:
      paths: [src/ticket/**]
      owns: [tickets]
      uses: [tenant]
    tenant:
      paths: [src/tenant/**]
  undeclared: deny
  packages:
    forbid:
      - { name: bcrypt, reason: external auth }
`);
const extend = rec(5, 'accepted', `enforce:
  modules:
    ticket:
      paths: [src/ticket/**, src/conversation/**]
      uses: [billing]
    billing:
      paths: [src/billing/**]
  undeclared: warn
`);

describe('foldModel', () => {
  it('folds accepted records in id order, later ones redefining paths and adding edges', () => {
    const m = foldModel([extend, modules]);
    const ticket = m.modules.get('ticket')!;
    assert.deepEqual(ticket.paths, ['src/ticket/**', 'src/conversation/**']);
    assert.deepEqual(ticket.uses.map((u) => [u.value, u.decision.id, u.decision.line]), [['tenant', 3, 9], ['billing', 5, 8]]);
    assert.deepEqual(ticket.owns.map((o) => o.value), ['tickets']);
    assert.equal(ticket.definedBy.id, 3);
    assert.equal(ticket.definedBy.line, 6);
    assert.deepEqual(ticket.changedBy.map((d) => d.id), [5]);
    assert.equal(m.undeclared?.value, 'warn');
    assert.equal(m.undeclared?.decision.id, 5);
    assert.deepEqual(m.forbiddenPackages.map((p) => [p.value.name, p.decision.line]), [['bcrypt', 15]]);
    assert.deepEqual(m.decisions.map((d) => d.id), [3, 5]);
  });

  it('ignores records that are not accepted, and broken ones', () => {
    for (const status of ['proposed', 'rejected', 'deprecated']) {
      assert.equal(foldModel([modules, rec(5, status, extend.text.split('\n').slice(4).join('\n'))]).modules.has('billing'), false, status);
    }
    const broken = parseRecord('docs/adr/0006-x.yaml', 'id: 6\nstatus: accepted\nenforce: {modules: {x: {}}}\n');
    assert.equal(foldModel([broken]).modules.size, 0);
  });

  it('previews a proposed record on top of the accepted ones', () => {
    const proposal = rec(9, 'proposed', 'enforce:\n  modules:\n    tenant:\n      uses: [ticket]\n');
    assert.equal(allowsEdge(foldModel([modules, proposal]), 'tenant', 'ticket'), false);
    const preview = foldModel([modules, proposal], { preview: [9] });
    assert.equal(allowsEdge(preview, 'tenant', 'ticket'), true);
    assert.deepEqual(preview.modules.get('tenant')!.paths, ['src/tenant/**']);
    assert.deepEqual(preview.previewed, [9]);
  });
});

describe('foldModel: packages.only_in', () => {
  const buy = rec(9, 'accepted', `enforce:
  packages:
    only_in:
      stripe: [billing]
      openai: [generation]
`);
  const widen = rec(12, 'accepted', `enforce:
  packages:
    only_in:
      stripe: [billing, api]
      '@aws-sdk': [content]
`);

  it('remembers the record and line that confined each package and allowed each module; later records add modules', () => {
    const m = foldModel([widen, buy]);
    assert.deepEqual(
      m.confinedPackages.map((c) => [c.name, c.decision.id, c.decision.line, c.modules.map((x) => [x.value, x.decision.id, x.decision.line, x.range?.start.column])]),
      [
        ['stripe', 9, 7, [['billing', 9, 7, 15], ['api', 12, 7, 24]]],
        ['openai', 9, 8, [['generation', 9, 8, 15]]],
        ['@aws-sdk', 12, 8, [['content', 12, 8, 19]]],
      ],
    );
  });

  it('takes nothing from a record that is not accepted', () => {
    const proposed = rec(12, 'proposed', widen.text.split('\n').slice(4).join('\n'));
    assert.deepEqual(foldModel([buy, proposed]).confinedPackages.find((c) => c.name === 'stripe')?.modules.map((x) => x.value), ['billing']);
    assert.deepEqual(foldModel([buy, proposed], { preview: [12] }).confinedPackages.find((c) => c.name === 'stripe')?.modules.map((x) => x.value), ['billing', 'api']);
  });
});

describe('checkModelAgainstFiles', () => {
  it('flags globs matching no file and modules claiming the same file with equally specific globs', async () => {
    const overlap = rec(6, 'accepted', 'enforce:\n  modules:\n    search:\n      paths: [src/ticket/**]\n');
    const m = foldModel([modules, overlap]);
    const files = ['src/ticket/a.ts', 'src/ticket/search/q.ts'];
    const found = (await checkModelAgainstFiles(m, files)).map(formatFindingLine);
    // The editor's run, pausing after every file, finds the same.
    let pauses = 0;
    const sliced = await checkModelAgainstFiles(m, files, undefined, { due: () => true, pause: async () => void pauses++ });
    assert.deepEqual(sliced.map(formatFindingLine), found);
    assert.ok(pauses >= files.length, `paused ${pauses} times`);
    assert.deepEqual(found, [
      'docs/adr/0003-r.yaml:12:15 decision-reference module tenant: path "src/tenant/**" matches no file in the workspace (a renamed or deleted folder?)',
      'docs/adr/0006-r.yaml:8:1 decision-reference modules search and ticket both claim src/ticket/a.ts and 1 more file; a file belongs to one module, so narrow one of the globs',
    ]);
  });

  it('agrees with the engine: a nested module folder is no overlap, and a bare folder means everything below it', async () => {
    // The engine gives src/ticket/search/** to search (the longer literal folder wins).
    const nested = rec(6, 'accepted', 'enforce:\n  modules:\n    search:\n      paths: [src/ticket/search]\n');
    const m = foldModel([modules, nested]);
    const found = (await checkModelAgainstFiles(m, ['src/ticket/a.ts', 'src/ticket/search/index.ts', 'src/tenant/t.ts'])).map(formatFindingLine);
    assert.deepEqual(found, []);
  });
});
