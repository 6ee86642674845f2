// The records a team keeps: each one's context names the answers that led to it, its
// consequences follow from what was decided, its rationale is the user's words or marked
// template text, bought capabilities are confined to their module, the evolution path agrees
// with the technology decisions, and the user chooses the status the records are written as.

import * as assert from 'node:assert/strict';
import { packOf } from '../../../src/core/guide/flow';
import { hasConflicts, planRecords, reviewDate, type GuideProblem, type RecordPlan } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import { isTemplateText, templateText } from '../../../src/core/guide/templateText';
import { vendorPackages } from '../../../src/core/guide/vendors';
import { stageConflicts } from '../../../src/core/guide/evolution';
import { technologyChoices } from '../../../src/core/guide/context';
import type { GuideAnswers } from '../../../src/core/guide/types';
import type { DecisionRecord } from '../../../src/core/records/types';

const DATE = '2026-12-02';

function answersOf(template: string): GuideAnswers {
  const answers = templateAnswers(template);
  assert.ok(answers, template);
  return answers;
}

function planOf(answers: GuideAnswers, existing: DecisionRecord[] = [], status?: 'proposed' | 'accepted'): RecordPlan {
  return planRecords(answers, { existing, date: DATE, ...(status ? { status } : {}) });
}

function record(plan: RecordPlan, kind: DecisionRecord['kind'], tag?: string): DecisionRecord {
  const r = plan.records.find((x) => x.kind === kind && (tag === undefined || x.tags?.includes(tag)));
  assert.ok(r, `a ${kind} record${tag ? ` tagged ${tag}` : ''}`);
  return r;
}

function conflicts(plan: RecordPlan): GuideProblem[] {
  return plan.problems.filter((p) => p.kind === 'conflict');
}

describe('guide: the status the records are written as', () => {
  it('writes proposed records for review unless the user chooses accepted', () => {
    const proposed = planOf(answersOf('help-desk'));
    const packDecisions = packOf(answersOf('help-desk'))?.steps.flatMap((s) => s.decisions).length ?? 0;
    assert.ok(packDecisions > 0 && proposed.records.length === 10 + packDecisions && proposed.records.every((r) => r.status === 'proposed'));
    const accepted = planOf(answersOf('help-desk'), [], 'accepted');
    assert.ok(accepted.records.every((r) => r.status === 'accepted'));
    assert.deepEqual(accepted.records.map((r) => r.title), proposed.records.map((r) => r.title), 'only the status differs');
  });

  it('never accepts a record that supersedes one in force: the changed answer is a proposal', () => {
    const first = planOf(answersOf('help-desk'), [], 'accepted').records;
    const answers = answersOf('help-desk');
    answers.queue = 'redis';
    answers.evolution = [{ stage: 'v1', summary: 'Single-region, PostgreSQL, jobs in Redis', trigger: 'Launch' }];
    answers.buildVsBuy = [...(answers.buildVsBuy as object[]), { capability: 'Search', choice: 'buy', vendor: 'Algolia', module: 'KnowledgeBase', reason: 'Typo tolerance' }] as GuideAnswers['buildVsBuy'];
    const again = planOf(answers, first, 'accepted');
    assert.deepEqual(again.records.map((r) => [r.area ?? r.kind, r.status, r.supersedes]), [
      ['queue', 'proposed', [first.find((r) => r.area === 'queue')?.id]],
      ['build-vs-buy', 'proposed', [first.find((r) => r.kind === 'build-vs-buy')?.id]],
      ['evolution', 'proposed', [first.find((r) => r.kind === 'evolution')?.id]],
    ]);
  });

  it('takes the chosen status for a decision the log has not recorded yet', () => {
    const unrelated: DecisionRecord = { id: 4, title: 'Use tabs', status: 'accepted', date: DATE, kind: 'general' };
    const { records } = planOf(answersOf('writing-assistant'), [unrelated], 'accepted');
    assert.ok(records.length > 0 && records.every((r) => r.status === 'accepted' && r.supersedes === undefined));
  });
});

describe('guide: records worth keeping', () => {
  it("gives each record its own context: the product plus the answers behind that decision", () => {
    const plan = planOf(answersOf('ci-runner'));
    const product = 'Managed CI/CD for teams wanting self-hosted runners';
    const mine = [record(plan, 'general', 'process'), record(plan, 'boundaries', 'modules'), record(plan, 'build-vs-buy'), record(plan, 'evolution')];
    for (const r of mine) assert.ok(r.context?.startsWith(`${product}.`) && r.context.length > product.length + 20, `${r.title}: ${r.context}`);
    assert.equal(new Set(mine.map((r) => r.context)).size, mine.length, 'no two contexts are the same');
    assert.match(record(plan, 'boundaries', 'modules').context ?? '', /runner \(Agent registration, heartbeats, job execution\).*server\/src\/.*PostgreSQL/);
    assert.match(record(plan, 'evolution').context ?? '', /Queue: Redis/);
    assert.match(record(plan, 'build-vs-buy').context ?? '', /Capabilities weighed: Pipeline orchestration, Runner agent, Auth, Artifact storage and Payments/);
  });

  it('writes the consequences of the modules that were decided, not a catalogue', () => {
    const modules = record(planOf(answersOf('help-desk')), 'boundaries', 'modules');
    assert.equal(modules.options, undefined, 'no options the team never weighed');
    assert.equal(modules.drivers, undefined);
    const good = modules.consequences?.good ?? [];
    const bad = modules.consequences?.bad ?? [];
    assert.ok(good.some((g) => /Each of the 11 tables has one owner \(tenant owns Tenant; user owns User, Role, Permission/.test(g)), good.join('\n'));
    assert.ok(good.some((g) => g.includes('in this order: tenant, user, ticket, conversation, knowledge-base')));
    assert.ok(good.some((g) => g.includes('no `uses` lists is an error')));
    assert.ok(bad.some((b) => b.startsWith('tenant is used by 4 modules (user, ticket, conversation and knowledge-base)')), bad.join('\n'));
  });

  it('names a cycle in the declared uses and what a weaker undeclared policy costs', () => {
    const answers = answersOf('help-desk');
    answers.uses = { ...(answers.uses as Record<string, string[]>), Tenant: ['Conversation'] };
    answers.undeclared = 'warn';
    const bad = record(planOf(answers), 'boundaries', 'modules').consequences?.bad ?? [];
    assert.ok(bad.some((b) => /^tenant, user, ticket and conversation use each other in a cycle/.test(b)), bad.join('\n'));
    assert.ok(bad.some((b) => b.includes('only a warning')));
  });

  it("keeps the user's rationale, and marks one nobody wrote as template text", () => {
    const answers = answersOf('help-desk');
    const marked = record(planOf(answers), 'boundaries', 'modules').decision?.rationale ?? '';
    assert.ok(isTemplateText(marked), marked);
    answers.modulesRationale = 'Tickets and conversations change at different speeds.';
    assert.equal(record(planOf(answers), 'boundaries', 'modules').decision?.rationale, 'Tickets and conversations change at different speeds.');
    assert.ok(isTemplateText(record(planOf(answers), 'general', 'process').decision?.rationale ?? ''));
  });

  it('reports one table owned by two modules as a conflict that blocks writing', () => {
    const answers = answersOf('ci-runner');
    answers.owns = { ...(answers.owns as Record<string, string[]>), Project: ['RepoConnection', 'Build'] };
    const plan = planOf(answers);
    assert.deepEqual(conflicts(plan).map((p) => [p.step, p.message]), [['ownership', '"Build" is owned by both "project" and "pipeline": data has one owner. Keep it in one module, or name the two tables apart.']]);
    assert.equal(hasConflicts(plan), true);
    assert.equal(hasConflicts(planOf(answersOf('ci-runner'))), false);
  });
});

describe('guide: build vs buy behind a module', () => {
  it('confines each bought SDK to the module the capability lives behind', () => {
    const bvb = record(planOf(answersOf('help-desk')), 'build-vs-buy');
    assert.deepEqual(bvb.enforce?.packages?.only_in, {
      stripe: ['tenant'],
      '@stripe/stripe-js': ['tenant'],
      '@stripe/react-stripe-js': ['tenant'],
      postmark: ['conversation'],
      postmarker: ['conversation'],
    });
    assert.deepEqual(bvb.build_vs_buy?.map((b) => [b.capability, b.module]), [
      ['Ticketing and SLA tracking', 'ticket'],
      ['Auth', 'user'],
      ['Search', 'knowledge-base'],
      ['Payments', 'tenant'],
      ['Email', 'conversation'],
    ]);
    assert.ok(bvb.consequences?.good?.some((g) => g.startsWith("Stripe's SDK (stripe, @stripe/stripe-js, @stripe/react-stripe-js) is imported only in tenant")));
  });

  it('maps several vendors in one answer, and keeps the packages the user typed', () => {
    const only = record(planOf(answersOf('writing-assistant')), 'build-vs-buy').enforce?.packages?.only_in ?? {};
    assert.deepEqual([only.openai, only['@anthropic-ai/sdk'], only.anthropic], [['generation'], ['generation'], ['generation']]);
    assert.deepEqual(only['@clerk/nextjs'], ['user']);
    const ci = record(planOf(answersOf('ci-runner')), 'build-vs-buy').enforce?.packages?.only_in ?? {};
    assert.deepEqual(ci['passport-bitbucket-oauth2'], ['integration']);
    assert.equal(ci.stripe, undefined, 'Payments has no module in the CI runner template');
  });

  it('asks for the module and for the packages of a vendor it does not know', () => {
    const answers = answersOf('help-desk');
    answers.buildVsBuy = [
      { capability: 'Payments', choice: 'buy', vendor: 'Stripe', module: '', reason: '' },
      { capability: 'Chat', choice: 'buy', vendor: 'Crisp', module: 'Conversation', reason: '' },
      { capability: 'Video', choice: 'buy', vendor: 'Mux', module: 'Conversation', packages: ['@mux/mux-node'], reason: '' },
      { capability: 'SMS', choice: 'buy', vendor: 'Twilio', module: 'Messaging', reason: '' },
    ];
    const plan = planOf(answers);
    const bvb = plan.problems.filter((p) => p.step === 'build-vs-buy').map((p) => [p.kind, p.message]);
    assert.deepEqual(bvb, [
      ['unchecked', 'Say which module "Payments" (Stripe) lives behind, so its SDK stays there.'],
      ['unchecked', 'Adrift does not know the SDK of crisp: type its package names for "Chat" to keep them in conversation.'],
      ['conflict', '"SMS" lives behind "Messaging", which is not a module.'],
    ]);
    assert.deepEqual(record(plan, 'build-vs-buy').enforce?.packages?.only_in, { '@mux/mux-node': ['conversation'] });
    assert.ok(isTemplateText(record(plan, 'build-vs-buy').decision?.rationale ?? ''), 'no reasons given: the rationale asks for them');
  });

  it('reports a bought SDK that a technology decision rules out', () => {
    const answers = answersOf('writing-assistant');
    answers.auth = 'built-in';
    const messages = conflicts(planOf(answers)).map((p) => p.message);
    assert.ok(messages.some((m) => m.startsWith('"@clerk/nextjs" is bought here but ruled out by "Auth: Built-in accounts')), messages.join('\n'));
  });

  it("writes the user's reasons as the rationale, marked only while one is still template text", () => {
    const answers = answersOf('help-desk');
    const marked = record(planOf(answers), 'build-vs-buy').decision?.rationale ?? '';
    assert.ok(isTemplateText(marked) && marked.includes('Buy Payments from Stripe: billing and plan limits per tenant.'), marked);
    answers.buildVsBuy = [
      { capability: 'Ticketing', choice: 'build', vendor: '', module: 'Ticket', reason: 'It is the product' },
      { capability: 'Payments', choice: 'buy', vendor: 'Stripe', module: 'Tenant', reason: 'Tax and invoicing are solved there' },
    ];
    assert.equal(record(planOf(answers), 'build-vs-buy').decision?.rationale, 'Build Ticketing: it is the product. Buy Payments from Stripe: tax and invoicing are solved there.');
  });

  it('knows the SDKs of well-known vendors by the names users write', () => {
    assert.deepEqual(vendorPackages('OpenAI/Anthropic'), { packages: ['openai', '@anthropic-ai/sdk', 'anthropic'], unknown: [] });
    assert.deepEqual(vendorPackages('GitHub/GitLab/Bitbucket OAuth').unknown, ['bitbucket']);
    assert.deepEqual(vendorPackages('Twilio SendGrid').packages, ['@sendgrid/mail', 'sendgrid']);
    assert.deepEqual(vendorPackages('Amazon S3').packages.slice(0, 1), ['@aws-sdk/client-s3']);
    assert.deepEqual(vendorPackages('Acme Billing'), { packages: [], unknown: ['acme billing'] });
  });
});

describe('guide: the evolution path against the technology decisions', () => {
  it("flags the seed's v1 \"local job queue\" against the Redis queue decision before writing", () => {
    const answers = answersOf('ci-runner');
    answers.evolution = [{ stage: 'v1', summary: 'Single runner, local job queue', trigger: 'First teams' }, { stage: 'v2', summary: 'Distributed runners, message queue (RabbitMQ)', trigger: 'Volume' }];
    const plan = planOf(answers);
    assert.deepEqual(conflicts(plan).map((p) => [p.step, p.message]), [
      ['evolution', 'v1 says "local job queue": that means no queue service, but the queue decision is Redis. Change v1 or the queue decision so they agree.'],
    ]);
    assert.equal(hasConflicts(plan), true);
  });

  it('flags a v1 that names an option the decision did not choose, and accepts one that names the choice', () => {
    const choices = technologyChoices(answersOf('ci-runner'));
    assert.deepEqual(stageConflicts('Jobs on RabbitMQ, artifacts on local disk', choices).map((c) => [c.choice.area, c.said]), [
      ['queue', 'RabbitMQ'],
      ['file storage', 'local disk'],
    ]);
    assert.deepEqual(stageConflicts('Single runner per team, jobs queued in Redis via BullMQ, PostgreSQL', choices), []);
    assert.deepEqual(stageConflicts('Multi-cloud, custom executor plugins', choices), []);
  });

  it('turns a later stage that changes a decision into a consequence, not a problem', () => {
    const plan = planOf(answersOf('ci-runner'));
    assert.deepEqual(conflicts(plan), []);
    const evolution = record(plan, 'evolution');
    assert.ok(evolution.consequences?.neutral?.some((n) => n.startsWith('v2 brings in RabbitMQ, which the queue decision did not choose')), evolution.consequences?.neutral?.join('\n'));
    assert.ok(evolution.consequences?.good?.some((g) => g === 'v1 needs only what the technology decisions chose: PostgreSQL, Redis, Amazon S3 and External OAuth only.'));
    assert.equal(evolution.decision?.rationale, 'Each later stage waits for its trigger: v2 when job volume outgrows one runner per team; v3 when customers running builds across clouds and custom environments.');
  });

  it('gets a review date, since nothing in the code checks it, without re-proposing it the next day', () => {
    const evolution = record(planOf(answersOf('ci-runner')), 'evolution');
    assert.equal(evolution.review_by, '2027-06-02');
    assert.equal(reviewDate('2026-08-31'), '2027-02-28');
    const first = planOf(answersOf('ci-runner'), [], 'accepted').records;
    const nextDay = planRecords(answersOf('ci-runner'), { existing: first, date: '2026-12-03' });
    assert.ok(nextDay.unchanged.some((u) => u.slot === 'evolution'), 'unchanged answers write nothing');
  });

  it('marks the rationale as template text when no stage has a trigger', () => {
    const answers = answersOf('help-desk');
    answers.evolution = [{ stage: 'v1', summary: 'One region' }, { stage: 'v2', summary: 'Two regions' }];
    const evolution = record(planOf(answers), 'evolution');
    assert.equal(evolution.decision?.rationale, templateText('Say what triggers each later stage, so nobody builds it before it is needed.'));
    assert.ok(evolution.consequences?.neutral?.includes('v2 (Two regions) has no trigger yet: say what starts it.'));
  });
});
