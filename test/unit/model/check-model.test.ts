// decision-model: what the accepted records declare together that cannot hold: data owned by
// two modules, and `uses` that go round in a circle. Exact line:column, at each entry.

import * as assert from 'node:assert/strict';
import { formatFindingLine } from '../../../src/core/findings';
import { elementaryCycles } from '../../../src/core/model/check-model';
import { loadDecisionLog } from '../../../src/core/records/store';
import { MemoryFileSystem } from '../records/memory-fs';

const rec = (id: number, status: string, modules: string) =>
  `id: ${id}\ntitle: Modules ${id}\nstatus: ${status}\ndate: 2026-11-01\nkind: boundaries\ndeciders: [Mara]\nenforce:\n  modules:\n${modules}`;

async function model(files: Record<string, string>): Promise<string[]> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/ws/docs/adr/${k}`, v])));
  const log = await loadDecisionLog(fs, '/ws', { today: '2026-11-27' });
  return log.findings.filter((f) => f.rule === 'decision-model').map((f) => `${formatFindingLine(f)} [${f.severity}]`);
}

describe('decision-model: data owned by two modules', () => {
  it('is an error at each owns entry, naming both modules and their records, across records and spellings', async () => {
    const lines = await model({
      '0001-modules-1.yaml': rec(1, 'accepted', '    ticket:\n      owns: [tickets, sla_policies]\n'),
      '0002-modules-2.yaml': rec(2, 'accepted', '    conversation:\n      owns: [conversations, Ticket]\n'),
    });
    const message = '"tickets" and "Ticket" (the same data) is owned by 2 modules: ticket (ADR-0001 "Modules 1") and conversation (ADR-0002 "Modules 2"); data belongs to one module and the others go through its API: keep it in one module\'s owns';
    assert.deepEqual(lines, [`docs/adr/0001-modules-1.yaml:10:14 decision-model ${message} [error]`, `docs/adr/0002-modules-2.yaml:10:29 decision-model ${message} [error]`]);
  });

  it('names one spelling once, and three owners in a list', async () => {
    const lines = await model({
      '0001-modules-1.yaml': rec(1, 'accepted', '    a:\n      owns: [jobs]\n    b:\n      owns: [jobs]\n    c:\n      owns: [jobs]\n'),
    });
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^docs\/adr\/0001-modules-1.yaml:10:14 decision-model "jobs" is owned by 3 modules: a \(ADR-0001 "Modules 1"\), b \(ADR-0001 "Modules 1"\) and c \(ADR-0001 "Modules 1"\);/);
    assert.match(lines[2], /:14:14 /);
  });

  it('counts only the records in force: a superseded or proposed owner is no conflict, nor one module owning in two records', async () => {
    assert.deepEqual(
      await model({
        '0001-modules-1.yaml': rec(1, 'superseded', '    ticket:\n      owns: [tickets]\n') + 'superseded_by: 3\n',
        '0002-modules-2.yaml': rec(2, 'proposed', '    inbox:\n      owns: [tickets]\n'),
        '0003-modules-3.yaml': rec(3, 'accepted', '    conversation:\n      owns: [tickets]\n') + 'supersedes: [1]\n',
        '0004-modules-4.yaml': rec(4, 'accepted', '    conversation:\n      owns: [tickets, messages]\n'),
      }),
      [],
    );
  });
});

describe('decision-model: cycles in declared uses', () => {
  it('warns once per cycle at each edge, naming the cycle, when the edges come from different records', async () => {
    const lines = await model({
      '0001-modules-1.yaml': rec(1, 'accepted', '    ticket:\n      uses: [user]\n'),
      '0002-modules-2.yaml': rec(2, 'accepted', '    user:\n      uses: [ticket]\n'),
    });
    assert.deepEqual(lines, [
      'docs/adr/0001-modules-1.yaml:10:14 decision-model module ticket uses user, and the declared uses form the cycle ticket → user → ticket; modules that may all use each other are one module in practice: drop one of these uses, or move what they share into a module they all use [warning]',
      'docs/adr/0002-modules-2.yaml:10:14 decision-model module user uses ticket, and the declared uses form the cycle ticket → user → ticket; modules that may all use each other are one module in practice: drop one of these uses, or move what they share into a module they all use [warning]',
    ]);
  });

  it('reports each elementary cycle, an edge in two cycles twice, and a module that uses itself', async () => {
    const lines = await model({
      '0001-modules-1.yaml': rec(1, 'accepted', '    a:\n      uses: [b]\n    b:\n      uses: [a, c]\n    c:\n      uses: [a, c]\n'),
    });
    assert.deepEqual(
      lines.map((l) => l.replace(/ decision-model module ([a-z]+) uses ([a-z]+)(?:, and the declared uses form the cycle ([^;]+))?.*/, ' $1→$2 $3')),
      [
        'docs/adr/0001-modules-1.yaml:14:17 c→itself ',
        'docs/adr/0001-modules-1.yaml:10:14 a→b a → b → a',
        'docs/adr/0001-modules-1.yaml:12:14 b→a a → b → a',
        'docs/adr/0001-modules-1.yaml:10:14 a→b a → b → c → a',
        'docs/adr/0001-modules-1.yaml:12:17 b→c a → b → c → a',
        'docs/adr/0001-modules-1.yaml:14:14 c→a a → b → c → a',
      ],
    );
    assert.match(lines[0], /module c uses itself; a module may always use its own files, so take c out of its uses \[warning\]$/);
  });

  it('is quiet on layers that never close, and on uses of modules no record declares (a decision-reference error instead)', async () => {
    assert.deepEqual(
      await model({ '0001-modules-1.yaml': rec(1, 'accepted', '    web:\n      uses: [api, shared]\n    api:\n      uses: [shared, billing]\n    shared: {}\n') }),
      [],
    );
  });

  it('finds cycles in a long layered graph without walking every path', () => {
    const order = Array.from({ length: 40 }, (_, i) => `m${i}`);
    const next = new Map(order.map((m, i) => [m, order.slice(i + 1)]));
    assert.deepEqual(elementaryCycles(order, next, 50), []);
    next.set('m39', ['m0']);
    const cycles = elementaryCycles(order, next, 50);
    assert.equal(cycles.length, 50, 'stops at the limit');
    assert.deepEqual(cycles[0], order, 'each cycle starts at its earliest module');
  });
});
