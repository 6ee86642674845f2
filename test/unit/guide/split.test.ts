import * as assert from 'node:assert/strict';
import { planRecords } from '../../../src/core/guide/records';
import { PART_KINDS, forbiddenBecause, readParts, splitDraft, splitRules, upgradeAnswers, type Part } from '../../../src/core/guide/split';
import { templateAnswers } from '../../../src/core/guide/templates';
import { ARCHITECTURE_FLOW, fieldsById } from '../../../src/core/guide/flow';
import { answerGlob } from '../../../src/core/model/globs';
import { parseGuideState } from '../../../src/protocol/guide';
import type { GuideProblem } from '../../../src/core/guide/records';
import type { DecisionRecord, ForbiddenImport } from '../../../src/core/records/types';
import type { GuideAnswers, TableRow } from '../../../src/core/guide/types';

const DATE = '2026-12-02';

function splitOf(answers: GuideAnswers): { record: DecisionRecord; problems: GuideProblem[] } {
  const { records, problems } = planRecords(answers, { existing: [], date: DATE });
  const record = records.find((r) => r.tags?.includes('split'));
  assert.ok(record, 'a split record');
  return { record, problems: problems.filter((p) => p.step === 'split') };
}

function template(id: string): GuideAnswers {
  const answers = templateAnswers(id);
  assert.ok(answers, id);
  return answers;
}

function rule(forbid: ForbiddenImport[], from: string, to: string): ForbiddenImport | undefined {
  return forbid.find((f) => f.from === from && f.to === to);
}

function part(name: string, kind: string, folders: string[], uses: string[] = []): Part {
  const k = PART_KINDS.find((x) => x.id === kind);
  assert.ok(k, kind);
  return { name, kind: k, technology: '', globs: folders.map(answerGlob), uses };
}

describe('guide: the parts of the product and the split record', () => {
  it('asks for real parts, with a name, kind, technology, folders and the parts each may use', () => {
    const step = ARCHITECTURE_FLOW.steps.find((s) => s.id === 'split');
    assert.ok(step);
    assert.doesNotMatch(`${step.title} ${step.intro}`, /frontend|backend/i);
    const parts = fieldsById(ARCHITECTURE_FLOW).get('parts');
    assert.ok(parts?.kind === 'table');
    assert.deepEqual(parts.columns.map((c) => [c.id, c.kind]), [['name', 'text'], ['kind', 'choice'], ['technology', 'text'], ['folders', 'list'], ['uses', 'pick-rows']]);
    assert.equal(parts.columns[4].rowsColumn, 'name');
    const kinds = parts.columns[1].options?.map((o) => o.label) ?? [];
    for (const k of ['Web app', 'Mobile app', 'Public API', 'Server', 'Worker', 'Agent installed by customers', 'Browser extension', 'Shared library']) assert.ok(kinds.includes(k), k);
  });

  describe('the CI/CD runner template', () => {
    const { record, problems } = splitOf(template('ci-runner'));
    const forbid = record.enforce?.imports?.forbid ?? [];

    it('forbids the customer-installed agent to import server code, as examples/ci-runner does, and says why', () => {
      const r = rule(forbid, 'agent/**', 'server/**');
      assert.ok(r, JSON.stringify(forbid, null, 1));
      assert.match(r.reason ?? '', /"Runner agent".*customers' machines.*"API server"/);
      assert.ok(rule(forbid, 'web/**', 'server/**'), 'web ↛ server');
      assert.ok(rule(forbid, 'agent/**', 'web/**'), 'two clients share no code');
    });

    it('lets the agent and the server import the shared job protocol, which imports neither', () => {
      assert.equal(rule(forbid, 'agent/**', 'protocol/**'), undefined);
      assert.equal(rule(forbid, 'server/**', 'protocol/**'), undefined);
      for (const to of ['server/**', 'agent/**', 'web/**']) assert.match(rule(forbid, 'protocol/**', to)?.reason ?? '', /shared library "Job protocol" imports no app part/, to);
    });

    it('writes a record a team keeps: context from the product and its parts, consequences from the rules, the team\'s rationale', () => {
      assert.match(record.context ?? '', /^Managed CI\/CD for teams wanting self-hosted runners\. It is built as 5 parts: Web dashboard, a web app; API server, a server; Runner agent, an agent installed by customers/);
      assert.equal(record.decision?.rationale, template('ci-runner').splitRationale);
      assert.equal(record.options?.[0].name, record.decision?.chosen);
      assert.ok(record.consequences?.good?.some((g) => g.startsWith('An import from Runner agent (agent/**) into Web dashboard and API server is a forbidden-import error') && g.endsWith('Runner agent may import Job protocol.')));
      assert.ok(record.consequences?.bad?.some((b) => /installed copies of Runner agent run old versions, so changes to Job protocol must stay backward compatible/.test(b)));
      assert.ok(record.consequences?.neutral?.some((n) => n.startsWith('CLI has no folders yet')), 'the maybe-later CLI is recorded, not checked');
      assert.deepEqual(problems, []);
    });
  });

  it('the writing assistant: the extension never imports the backend; the worker runs the server\'s code', () => {
    const forbid = splitOf(template('writing-assistant')).record.enforce?.imports?.forbid ?? [];
    assert.match(rule(forbid, 'extension/**', 'backend/app/**')?.reason ?? '', /^the browser extension is installed in users' browsers: it calls the server "API server" over its API/);
    assert.ok(rule(forbid, 'extension/**', 'backend/worker/**'));
    assert.ok(rule(forbid, 'web/**', 'extension/**') && rule(forbid, 'extension/**', 'web/**'));
    assert.equal(rule(forbid, 'backend/worker/**', 'backend/app/**'), undefined, 'the worker may import the server it runs');
    assert.match(rule(forbid, 'backend/app/**', 'backend/worker/**')?.reason ?? '', /does not use the worker "Generation worker"/);
  });

  it('the help desk: the dashboard reaches the API server only over HTTP; the future mobile app is recorded, not checked', () => {
    const { record } = splitOf(template('help-desk'));
    assert.deepEqual(record.enforce?.imports?.forbid?.map((f) => [f.from, f.to]), [['web/**', 'api/**'], ['api/**', 'web/**']]);
    assert.match(record.decision?.chosen ?? '', /Mobile app: Future/);
    assert.ok(record.tags?.includes('mobile'));
  });

  describe('what each kind of part may import', () => {
    const web = part('Dashboard', 'web', ['web'], ['API', 'UI kit']);
    const server = part('API', 'server', ['api'], ['UI kit']);
    const worker = part('Jobs', 'worker', ['jobs'], ['API']);
    const mobile = part('Phone', 'mobile', ['mobile'], ['API']);
    const extension = part('Extension', 'extension', ['ext'], []);
    const kit = part('UI kit', 'shared', ['kit']);

    it('allows only a listed shared library, and a listed server-side part to another', () => {
      assert.equal(forbiddenBecause(web, kit), undefined);
      assert.equal(forbiddenBecause(worker, server), undefined);
      assert.match(forbiddenBecause(mobile, kit) ?? '', /does not use the shared library "UI kit"/);
      assert.match(forbiddenBecause(server, worker) ?? '', /does not use the worker "Jobs"/);
    });

    it('never lets a client import a server, listed or not, nor a shared library import an app part', () => {
      assert.match(forbiddenBecause(web, server) ?? '', /calls the server "API" over its API, never by importing its code/);
      assert.match(forbiddenBecause(mobile, server) ?? '', /ships to phones/);
      assert.match(forbiddenBecause(extension, server) ?? '', /does not use the server "API": it never imports its code/);
      assert.match(forbiddenBecause(kit, web) ?? '', /imports no app part/);
      assert.match(forbiddenBecause(server, web) ?? '', /never imports client code/);
    });

    it('writes no rule between parts whose folders contain one another, and says so', () => {
      const outer = part('Backend', 'server', ['backend']);
      const inner = part('Worker', 'worker', ['backend/worker']);
      const rules = splitRules([outer, inner, web]);
      assert.deepEqual(rules.overlapping.map(([a, b]) => [a.name, b.name]), [['Backend', 'Worker']]);
      assert.ok(!rules.forbid.some((f) => f.from.startsWith('backend') && f.to.startsWith('backend')));
      assert.ok(rule(rules.forbid, 'web/**', 'backend/**'));
    });
  });

  it('reports unnamed, untyped and duplicate parts and keeps the rest', () => {
    const answers = template('blank');
    answers.parts = [
      { name: 'Web', kind: 'web', technology: 'React', folders: ['web/'], uses: ['Server', 'Billing'] },
      { name: '', kind: 'server', technology: 'Go', folders: ['srv'], uses: [] },
      { name: 'Server', kind: 'mainframe', technology: '', folders: ['srv'], uses: [] },
      { name: 'web', kind: 'mobile', technology: '', folders: ['m'], uses: [] },
      { name: 'API', kind: 'server', technology: '', folders: ['src/app/[slug]'], uses: [] },
      { name: '', kind: 'web', technology: '', folders: [], uses: [] },
    ];
    const problems: GuideProblem[] = [];
    const parts = readParts(answers, problems);
    assert.deepEqual(parts.map((p) => p.name), ['Web', 'API']);
    assert.deepEqual(parts[1].globs, ['src/app/\\[slug\\]/**'], 'a Next.js route folder is a folder, not a character class');
    assert.deepEqual(problems.map((p) => p.message), [
      'Part 2 needs a name.',
      'Say what kind of part "Server" is.',
      'Two parts are named "web"; the second one is left out.',
    ]);
    assert.deepEqual(parts[0].uses, [], 'names that are no part (left behind by a deleted row) allow nothing');
    assert.ok(problems.every((p) => p.step === 'split' && p.field === 'parts'));
  });

  it('asks for the parts when there are none, and for folders when no part has any', () => {
    const none: GuideProblem[] = [];
    assert.equal(splitDraft(template('blank'), none), undefined);
    assert.match(none[0].message, /Add the parts the product is built as/);
    const noFolders: GuideProblem[] = [];
    const draft = splitDraft({ parts: [{ name: 'App', kind: 'mobile', technology: 'Swift', folders: [], uses: [] }] }, noFolders);
    assert.equal(draft?.enforce, undefined);
    assert.match(noFolders.map((p) => p.message).join('\n'), /No part has folders yet/);
  });

  describe('answers saved by the frontend/backend split step', () => {
    const old: TableRow[] = [
      { side: 'frontend', technology: 'Web dashboard (React) for projects, pipelines and logs', folders: ['web'] },
      { side: 'backend', technology: 'API server and job scheduler (Node.js)', folders: ['server'] },
      { side: 'backend', technology: "Runner agent on the customer's machines, talks to the API only", folders: ['agent'] },
      { side: 'shared', technology: 'Types', folders: ['shared'] },
      { side: 'mobile', technology: 'Later', folders: [] },
    ];

    it('are read as parts with names, kinds and what the old step allowed', () => {
      const upgraded = upgradeAnswers({ product: 'x', parts: old });
      assert.deepEqual(upgraded.parts, [
        { name: 'Web app', kind: 'web', technology: old[0].technology, folders: ['web'], uses: ['Server', 'Server 2', 'Shared library'] },
        { name: 'Server', kind: 'server', technology: old[1].technology, folders: ['server'], uses: ['Server 2', 'Shared library'] },
        { name: 'Server 2', kind: 'server', technology: old[2].technology, folders: ['agent'], uses: ['Server', 'Shared library'] },
        { name: 'Shared library', kind: 'shared', technology: 'Types', folders: ['shared'], uses: [] },
        { name: 'Mobile app', kind: 'mobile', technology: 'Later', folders: [], uses: ['Server', 'Server 2', 'Shared library'] },
      ]);
      assert.equal(upgradeAnswers(upgraded), upgraded, 'upgrading twice changes nothing');
      const today = template('ci-runner');
      assert.equal(upgradeAnswers(today), today);
    });

    it('plan the same records as the upgraded answers, with the old rules kept', () => {
      const answers = { ...template('ci-runner'), parts: old };
      const fromOld = splitOf(answers).record;
      assert.deepEqual(fromOld, splitOf(upgradeAnswers(answers)).record);
      const forbid = fromOld.enforce?.imports?.forbid ?? [];
      assert.ok(rule(forbid, 'web/**', 'server/**') && rule(forbid, 'web/**', 'agent/**'));
      assert.equal(rule(forbid, 'agent/**', 'server/**'), undefined, 'two backends could import each other before; choosing the agent kind is the user\'s call');
      assert.ok(rule(forbid, 'shared/**', 'server/**'), 'a shared library imports no app part');
    });

    it('come back upgraded from the workspace state the host saved', () => {
      const parsed = parseGuideState({ version: 1, step: 4, tab: 'guide', answers: { parts: old } });
      assert.ok(parsed.ok);
      const rows = parsed.value.answers.parts as TableRow[];
      assert.deepEqual(rows.map((r) => r.kind), ['web', 'server', 'server', 'shared', 'mobile']);
    });
  });
});
