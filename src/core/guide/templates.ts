// Starting points that pre-fill every answer: the three products of the SaaS architecture
// examples, and a blank one. Facts (modules, ownership, split, key decisions, build vs buy,
// evolution) follow the examples; what they leave open is filled in the same spirit.

import type { GuideAnswers, GuideTemplate } from './types';
import { templateText as T } from './templateText';

// Reasons and rationales the seed does not give are the template's words, marked as such: a
// record keeps them only until the team writes its own.

const HELP_DESK: GuideAnswers = {
  product: 'Help desk for SMBs (10-50 agents per customer)',
  deciders: ['tech lead'],
  tenancy: 'shared-db',
  tenancyRationale: 'Many small tenants of 10-50 agents each: basic multi-tenancy with a tenant id on every row is enough for v1 and the cheapest to run.',
  modules: [
    { name: 'Tenant', responsibility: 'Multi-tenant isolation, billing, plan limits', folders: ['api/src/tenant'] },
    { name: 'User', responsibility: 'Auth, roles, permissions, invitations', folders: ['api/src/user'] },
    { name: 'Ticket', responsibility: 'Creation, assignment, status, SLA tracking', folders: ['api/src/ticket'] },
    { name: 'Conversation', responsibility: 'Messages, attachments, internal notes', folders: ['api/src/conversation'] },
    { name: 'KnowledgeBase', responsibility: 'Articles, categories, search', folders: ['api/src/knowledge-base'] },
  ],
  owns: {
    Tenant: ['Tenant'],
    User: ['User', 'Role', 'Permission'],
    Ticket: ['Ticket', 'Conversation'],
    Conversation: ['Message', 'Attachment', 'InternalNote'],
    KnowledgeBase: ['Article', 'Category'],
  },
  uses: {
    Tenant: [],
    User: ['Tenant'],
    Ticket: ['Tenant', 'User'],
    Conversation: ['Tenant', 'User', 'Ticket'],
    KnowledgeBase: ['Tenant', 'User'],
  },
  undeclared: 'deny',
  parts: [
    { side: 'frontend', technology: 'Next.js for dashboard (agent workspace)', folders: ['web'] },
    { side: 'backend', technology: 'API-first for mobile + future public API', folders: ['api'] },
  ],
  splitRationale: 'Agents work in a Next.js dashboard; the backend is API-first so a mobile app and a future public API use the same endpoints.',
  database: 'postgresql',
  databaseRationale: 'Tenants, tickets and users are relational data; v1 runs on a single-region PostgreSQL.',
  queue: 'postgres-queue',
  queueRationale: 'SLA timers and notification emails are modest volume in v1; Redis arrives with caching and webhooks in v2.',
  fileStorage: 's3',
  fileStorageRationale: 'Conversation attachments, served with signed URLs.',
  auth: 'built-in',
  authRationale: 'Roles, permissions and invitations are part of the product and live in the User module.',
  buildVsBuy: [
    { capability: 'Ticketing and SLA tracking', choice: 'build', vendor: '', module: 'Ticket', reason: T('The core of the product') },
    { capability: 'Auth', choice: 'build', vendor: '', module: 'User', reason: T('Roles, permissions and invitations are product features') },
    { capability: 'Search', choice: 'build', vendor: '', module: 'KnowledgeBase', reason: T('PostgreSQL full-text search covers the knowledge base in v1') },
    { capability: 'Payments', choice: 'buy', vendor: 'Stripe', module: 'Tenant', reason: T('Billing and plan limits per tenant') },
    { capability: 'Email', choice: 'buy', vendor: 'Postmark', module: 'Conversation', reason: T('Ticket notifications and replies by email') },
  ],
  evolution: [
    { stage: 'v1', summary: 'Single-region, basic multi-tenancy, PostgreSQL', trigger: 'Launch with the first customers' },
    { stage: 'v2', summary: 'Read replicas, caching with Redis, webhooks', trigger: 'Read load on the database and customers asking for integrations' },
    { stage: 'v3', summary: 'Multi-region, event sourcing, marketplace', trigger: 'Customers in other regions and partners building on the platform' },
  ],
};

const CI_RUNNER: GuideAnswers = {
  product: 'Managed CI/CD for teams wanting self-hosted runners',
  deciders: ['tech lead'],
  tenancy: 'shared-db',
  tenancyRationale: 'Teams share one database keyed by team id; runners are the part that is isolated, and they run on the customers\' machines.',
  modules: [
    { name: 'Project', responsibility: 'Repos, settings, webhooks', folders: ['server/src/project'] },
    { name: 'Pipeline', responsibility: 'Build configs, triggers, logs', folders: ['server/src/pipeline'] },
    { name: 'Runner', responsibility: 'Agent registration, heartbeats, job execution', folders: ['server/src/runner'] },
    { name: 'Artifact', responsibility: 'Storage, retrieval, retention', folders: ['server/src/artifact'] },
    { name: 'Integration', responsibility: 'GitHub/GitLab/Bitbucket OAuth', folders: ['server/src/integration'] },
  ],
  owns: {
    Project: ['RepoConnection'],
    Pipeline: ['Build', 'BuildLog'],
    Runner: ['Agent', 'Job'],
    Artifact: ['Artifact'],
    Integration: ['OAuthConnection'],
  },
  uses: {
    Project: ['Integration'],
    Pipeline: ['Project', 'Runner', 'Artifact'],
    Runner: ['Artifact'],
    Artifact: [],
    Integration: [],
  },
  undeclared: 'deny',
  parts: [
    { side: 'frontend', technology: 'Web dashboard (React) for projects, pipelines and logs', folders: ['web'] },
    { side: 'backend', technology: 'API server and job scheduler (Node.js)', folders: ['server'] },
    { side: 'backend', technology: 'Runner agent on the customer\'s machines, talks to the API only', folders: ['agent'] },
  ],
  splitRationale: 'The dashboard and the self-hosted runner agents both go through the API, so the agent can be released on its own schedule.',
  database: 'postgresql',
  databaseRationale: 'Relational data fits well',
  queue: 'redis',
  queueRationale: 'Job queue for runners',
  fileStorage: 's3',
  fileStorageRationale: 'Artifacts, logs',
  auth: 'external-oauth',
  authRationale: 'No local passwords: every user signs in with GitHub, GitLab or Bitbucket',
  buildVsBuy: [
    { capability: 'Pipeline orchestration', choice: 'build', vendor: '', module: 'Pipeline', reason: T('The core of the product') },
    { capability: 'Runner agent', choice: 'build', vendor: '', reason: T('Runs on the customers\' machines and must be ours') },
    {
      capability: 'Auth',
      choice: 'buy',
      vendor: 'GitHub/GitLab/Bitbucket OAuth',
      module: 'Integration',
      // Bitbucket has no SDK Adrift knows, so the template names the packages.
      packages: ['octokit', '@octokit/rest', '@octokit/webhooks', 'passport-github2', '@gitbeaker/rest', 'passport-gitlab2', 'passport-bitbucket-oauth2'],
      reason: T('External OAuth only'),
    },
    { capability: 'Artifact storage', choice: 'buy', vendor: 'Amazon S3', module: 'Artifact', reason: T('Cheap, durable, with retention rules') },
    // No module of the seed bills: the guide asks which one Payments lives behind.
    { capability: 'Payments', choice: 'buy', vendor: 'Stripe', module: '', reason: T('Seat and minute billing') },
  ],
  evolution: [
    // The seed's v1 reads "Single runner, local job queue", which contradicts its own queue
    // decision (Redis); the guide reports exactly that, so the template's v1 agrees with it.
    { stage: 'v1', summary: 'Single runner per team, jobs queued in Redis', trigger: 'First teams running their pipelines' },
    { stage: 'v2', summary: 'Distributed runners, message queue (RabbitMQ)', trigger: 'Job volume outgrows one runner per team' },
    { stage: 'v3', summary: 'Multi-cloud, custom executor plugins', trigger: 'Customers running builds across clouds and custom environments' },
  ],
};

const WRITING_ASSISTANT: GuideAnswers = {
  product: 'Browser extension + web app for content generation',
  deciders: ['tech lead'],
  tenancy: 'single-tenant',
  tenancyRationale: 'A consumer app: every user owns their documents. Team features in v2 will need a workspace model.',
  modules: [
    { name: 'User', responsibility: 'Auth, subscription, preferences', folders: ['backend/app/user'] },
    { name: 'Content', responsibility: 'Documents, drafts, versions', folders: ['backend/app/content'] },
    { name: 'Generation', responsibility: 'Prompt templates, AI API orchestration', folders: ['backend/app/generation'] },
    { name: 'Billing', responsibility: 'Usage tracking, plan limits, invoices', folders: ['backend/app/billing'] },
  ],
  owns: {
    User: ['User', 'Subscription', 'Preference'],
    Content: ['Document', 'Draft', 'Version'],
    Generation: ['PromptTemplate', 'GenerationRequest'],
    Billing: ['UsageRecord', 'Invoice'],
  },
  uses: {
    User: [],
    Content: ['User'],
    Generation: ['User', 'Content', 'Billing'],
    Billing: ['User'],
  },
  undeclared: 'deny',
  parts: [
    { side: 'frontend', technology: 'Next.js (web)', folders: ['web'] },
    { side: 'frontend', technology: 'React (extension)', folders: ['extension'] },
    { side: 'backend', technology: 'FastAPI (Python for AI integration)', folders: ['backend'] },
    { side: 'mobile', technology: 'Future (API-first from day 1)', folders: [] },
  ],
  splitRationale: 'Python has the best AI libraries, so the backend is FastAPI; both frontends and a future mobile app use its API.',
  database: 'postgresql',
  databaseRationale: 'Users, documents and versions are relational; JSONB holds generation settings.',
  queue: 'redis',
  queueRationale: 'Long generations run in background workers (RQ on Redis), also used for rate limits.',
  fileStorage: 's3',
  fileStorageRationale: 'Exported documents and uploaded reference files.',
  auth: 'managed-provider',
  authRationale: 'Buy auth from Clerk: sign-up, social login and sessions for the extension and the web app.',
  buildVsBuy: [
    { capability: 'Core AI generation', choice: 'build', vendor: '', module: 'Generation', reason: T('What makes the product different') },
    { capability: 'Content storage', choice: 'build', vendor: '', module: 'Content', reason: T('Documents, drafts and versions are the product') },
    { capability: 'Auth', choice: 'buy', vendor: 'Clerk', module: 'User', reason: T('Sign-up and sessions in days') },
    { capability: 'Payments', choice: 'buy', vendor: 'Stripe', module: 'Billing', reason: T('Subscriptions and invoices') },
    { capability: 'Email', choice: 'buy', vendor: 'Resend', module: 'User', reason: T('Transactional email') },
    { capability: 'AI', choice: 'buy', vendor: 'OpenAI/Anthropic', module: 'Generation', reason: T('Models through their APIs') },
  ],
  evolution: [
    { stage: 'v1', summary: 'Browser extension + basic generation', trigger: 'Launch' },
    { stage: 'v2', summary: 'Web app, templates, team features', trigger: 'Users ask to edit outside the browser and to share with their team' },
    { stage: 'v3', summary: 'API for third-party integrations', trigger: 'Partners want generation inside their own tools' },
  ],
};

const BLANK: GuideAnswers = {
  product: '',
  deciders: [],
  tenancy: '',
  tenancyRationale: '',
  modules: [],
  modulesRationale: '',
  owns: {},
  uses: {},
  undeclared: 'deny',
  parts: [],
  splitRationale: '',
  database: '',
  databaseRationale: '',
  queue: '',
  queueRationale: '',
  fileStorage: '',
  fileStorageRationale: '',
  auth: '',
  authRationale: '',
  buildVsBuy: [],
  evolution: [],
};

export const GUIDE_TEMPLATES: GuideTemplate[] = [
  { id: 'help-desk', label: 'Help desk (multi-tenant SaaS)', description: 'Customer support tool for SMBs: tenants, tickets, conversations, knowledge base.', answers: HELP_DESK },
  { id: 'ci-runner', label: 'CI/CD pipeline runner (developer tool)', description: 'Managed CI/CD with self-hosted runners: projects, pipelines, runners, artifacts.', answers: CI_RUNNER },
  { id: 'writing-assistant', label: 'AI writing assistant (consumer app)', description: 'Browser extension + web app, Python/FastAPI backend: users, content, generation, billing.', answers: WRITING_ASSISTANT },
  { id: 'blank', label: 'Blank', description: 'Start from empty answers.', answers: BLANK },
];

/** A deep copy of a template's answers, so editing them never changes the template. */
export function templateAnswers(id: string): GuideAnswers | undefined {
  const template = GUIDE_TEMPLATES.find((t) => t.id === id);
  return template ? (JSON.parse(JSON.stringify(template.answers)) as GuideAnswers) : undefined;
}
