// The one writer of choice decisions, as a reviewer reads its records: the context is about
// this decision, the options are the ones the team weighed, the consequences say what the
// choice wins and gives up against each rejected option, the rationale is the team's or is
// marked, and the record says how it is checked.

import * as assert from 'node:assert/strict';
import { CONFIRMATION_PREFIX, addMonths, choiceDraft, consideredOptions, type ChoiceContext } from '../../../src/core/guide/choices';
import { choiceDecisions } from '../../../src/core/guide/flow';
import { KEY_DECISIONS, TENANCY_DECISION } from '../../../src/core/guide/options';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import type { ChoiceDecision, GuideAnswers } from '../../../src/core/guide/types';
import { TEMPLATE_MARKER } from '../../../src/core/guide/templateText';

const DATE = '2026-12-02';
const DATABASE = KEY_DECISIONS.find((d) => d.field === 'database')!;
const QUEUE = KEY_DECISIONS.find((d) => d.field === 'queue')!;

function draft(d: ChoiceDecision, answers: GuideAnswers, modules: { name: string; slug: string }[] = []) {
  const ctx: ChoiceContext = { answers, step: 'decisions', decisions: choiceDecisions(answers).map((c) => c.decision), modules, date: DATE, problems: [] };
  return { record: choiceDraft(d, ctx), problems: ctx.problems };
}

describe('guide: the writer of choice decisions', () => {
  it('writes a context specific to the decision: the product, why it matters, the answers that led to it', () => {
    const answers = templateAnswers('ci-runner') ?? {};
    const { records } = planRecords(answers, { existing: [], date: DATE });
    const technology = records.filter((r) => r.kind === 'technology');
    const contexts = technology.map((r) => r.context ?? '');
    assert.equal(new Set(contexts).size, contexts.length, 'no two decisions share a context');
    for (const c of contexts) assert.ok(c.startsWith('Managed CI/CD for teams wanting self-hosted runners.'), c);
    const dispatch = technology.find((r) => r.area === 'job dispatch');
    assert.match(dispatch?.context ?? '', /Runners sit behind customers' firewalls/);
    assert.match(dispatch?.context ?? '', /It follows from queue: Redis \(BullMQ, RQ, Celery on Redis\); runner registration: Runners scoped to one organisation\./);
    const queue = draft(QUEUE, { product: 'X', database: 'mysql', queue: 'sqs' }).record;
    assert.match(queue?.context ?? '', /It follows from database: MySQL\.$/, 'the earlier answer as given, not a fixed text');
  });

  it('lists only the options the team considered, the chosen one always among them, in catalogue order', () => {
    const chosen = (considered: string[] | undefined) => {
      const answers: GuideAnswers = { product: 'X', database: 'postgresql', ...(considered ? { considered: { database: considered } } : {}) };
      return draft(DATABASE, answers).record?.options?.map((o) => o.name);
    };
    assert.deepEqual(chosen(undefined), DATABASE.options.map((o) => o.label), 'no entry: every option was considered');
    assert.deepEqual(chosen(['mongodb', 'mysql']), ['PostgreSQL', 'MySQL', 'MongoDB']);
    assert.deepEqual(chosen([]), ['PostgreSQL'], 'the chosen option counts as considered');
    assert.deepEqual(consideredOptions(DATABASE, { considered: { queue: ['redis'] } }, 'sqlite').length, DATABASE.options.length, 'another field\'s entry prunes nothing here');
  });

  it('writes consequences from the chosen option against each rejected option the team considered', () => {
    const { record } = draft(DATABASE, { product: 'X', database: 'postgresql', considered: { database: ['mongodb'] } });
    const postgres = DATABASE.options.find((o) => o.id === 'postgresql')!;
    const mongo = DATABASE.options.find((o) => o.id === 'mongodb')!;
    assert.deepEqual(record?.consequences?.good, [...postgres.consequences!.good!, `Compared with MongoDB, avoids: ${mongo.cons!.join('; ')}`]);
    assert.deepEqual(record?.consequences?.bad, [...postgres.consequences!.bad!, `Compared with MongoDB, gives up: ${mongo.pros!.join('; ')}`]);
    assert.ok(!JSON.stringify(record?.consequences).includes('MySQL'), 'an option nobody considered is not argued against');
    // ... while its packages are still ruled out: the decision is "PostgreSQL", not "not MongoDB".
    assert.ok(record?.enforce?.packages?.forbid?.some((f) => f.name === 'mysql2'));
    assert.ok(!record?.enforce?.packages?.forbid?.some((f) => f.name === 'pg'));
  });

  it('keeps the user\'s rationale word for word, and marks the one it has to make up', () => {
    assert.equal(draft(DATABASE, { database: 'mysql', databaseRationale: '  Our DBA runs MySQL.  ' }).record?.decision?.rationale, 'Our DBA runs MySQL.');
    const made = draft(DATABASE, { database: 'mysql' }).record?.decision?.rationale ?? '';
    assert.ok(made.startsWith(TEMPLATE_MARKER), made);
    assert.match(made, /why MySQL was chosen\. The guide suggests it when: the team or the hosting already runs MySQL\./);
  });

  it('confines the chosen option\'s packages to the owner module, and says so when that module does not exist', () => {
    const modules = [{ name: 'Runner', slug: 'runner' }];
    const confined = draft(QUEUE, { queue: 'redis', queueModule: 'Runner' }, modules);
    assert.deepEqual(confined.record?.enforce?.packages?.only_in, { bullmq: ['runner'], bull: ['runner'], 'bee-queue': ['runner'], rq: ['runner'] });
    assert.equal(confined.record?.consequences?.neutral, undefined, 'fully checked in code: the export words the Confirmation from enforce');
    assert.equal(confined.record?.review_by, undefined);
    const unknown = draft(QUEUE, { queue: 'redis', queueModule: 'Scheduler' }, modules);
    assert.equal(unknown.record?.enforce?.packages?.only_in, undefined);
    assert.deepEqual(unknown.problems.map((p) => p.field), ['queueModule']);
    assert.match(unknown.problems[0].message, /"Scheduler" is not one of the modules/);
  });

  it('gives a decision code cannot check a review date and a Confirmation that says so', () => {
    const { record } = draft(TENANCY_DECISION, { tenancy: 'shared-db' });
    assert.equal(record?.enforce, undefined);
    assert.equal(record?.review_by, addMonths(DATE, TENANCY_DECISION.unchecked!.reviewMonths));
    assert.deepEqual(record?.consequences?.neutral, [`${CONFIRMATION_PREFIX}Not checked in code. The boundary between tenants (or, without tenants, between users) is in the data, not in imports. Confirm with a test that reads as one tenant or user and finds no row of another, for every table that holds their data.`]);
    const pruned = draft(DATABASE, { database: 'postgresql', considered: { database: [] } }).record;
    assert.ok(pruned?.enforce, 'packages of options nobody considered are still ruled out');
    assert.equal(pruned?.review_by, undefined);
  });

  it('says what is left to confirm when code checks only part of a decision', () => {
    const secrets = planRecords(templateAnswers('ci-runner') ?? {}, { existing: [], date: DATE }).records.find((r) => r.area === 'secrets');
    assert.deepEqual(secrets?.enforce?.packages?.only_in, { '@aws-sdk/client-kms': ['project'] });
    assert.match(secrets?.consequences?.neutral?.[0] ?? '', /^Confirmation: Adrift checks the packages under enforce; the rest is not checked in code\. Masking and scoping are behaviour\./);
    assert.equal(secrets?.review_by, '2027-06-02');
  });

  it('asks for the choice when it is missing', () => {
    const { record, problems } = draft(QUEUE, {});
    assert.equal(record, undefined);
    assert.deepEqual(problems, [{ step: 'decisions', field: 'queue', message: 'Pick a queue option to record it.' }]);
  });

  it('counts review dates in calendar months', () => {
    assert.equal(addMonths('2026-12-02', 6), '2027-06-02');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2027-11-30', 3), '2028-02-29');
  });

  it('proposes nothing new when the same answers are planned again on a later day', () => {
    const answers = templateAnswers('ci-runner') ?? {};
    const first = planRecords(answers, { existing: [], date: DATE }).records;
    const again = planRecords(answers, { existing: first, date: '2027-01-15' });
    assert.deepEqual(again.records, [], 'review_by moved with the date, the decisions did not');
  });
});
