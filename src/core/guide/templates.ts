// Starting points that pre-fill every answer: the three products of the SaaS architecture
// examples, and a blank one. Facts (modules, ownership, split, key decisions, build vs buy,
// evolution) follow the examples; what they leave open is filled in the same spirit.

import { TEMPLATE_PLACEHOLDERS } from './placeholders';
import { templateText } from './templateText';
import type { GuideAnswers, GuideTemplate } from './types';
import { templateText as T } from './templateText';

// Reasons and rationales the seed does not give are the template's words, marked as such: a
// record keeps them only until the team writes its own.

/** A rationale the template suggests: marked, so a record never passes it off as the team's words. */
const suggested = templateText;

const HELP_DESK: GuideAnswers = {
  product: 'Help desk for SMBs (10-50 agents per customer)',
  productKind: 'b2b-saas',
  deciders: ['tech lead'],
  tenancy: 'shared-db',
  tenancyRationale: suggested('Many small tenants of 10-50 agents each: basic multi-tenancy with a tenant id on every row is enough for v1 and the cheapest to run.'),
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
    { name: 'Agent dashboard', kind: 'web', technology: 'Next.js for dashboard (agent workspace)', folders: ['web'], uses: ['API server'] },
    { name: 'API server', kind: 'server', technology: 'Node.js HTTP API, API-first for mobile + future public API', folders: ['api'], uses: [] },
    { name: 'Mobile app', kind: 'mobile', technology: 'Future: agents answer tickets on the go, on the same API', folders: [], uses: ['API server'] },
  ],
  splitRationale: 'Agents work in a Next.js dashboard; the API server is API-first so a mobile app and a future public API use the same endpoints, and the dashboard never takes a shortcut into server code.',
  database: 'postgresql',
  databaseRationale: suggested('Tenants, tickets and users are relational data; v1 runs on a single-region PostgreSQL.'),
  queue: 'postgres-queue',
  queueRationale: suggested('SLA timers and notification emails are modest volume in v1; Redis arrives with caching and webhooks in v2.'),
  fileStorage: 's3',
  fileStorageRationale: suggested('Conversation attachments, served with signed URLs.'),
  auth: 'built-in',
  authRationale: suggested('Roles, permissions and invitations are part of the product and live in the User module.'),
  authModule: 'User',
  fileStorageModule: 'Conversation',
  considered: {
    tenancy: ['shared-db', 'schema-per-tenant', 'db-per-tenant'],
    database: ['postgresql', 'mysql'],
    queue: ['redis', 'postgres-queue', 'sqs'],
    fileStorage: ['s3', 'database'],
    auth: ['managed-provider', 'built-in'],
    realtimeUpdates: ['hosted-realtime', 'polling'],
  },
  // The b2b-saas pack.
  tenantIsolation: 'row-level-security',
  tenantIsolationRationale: suggested('Every table carries tenant_id; row-level security makes a forgotten filter return nothing instead of another tenant\'s tickets.'),
  enterpriseSso: 'later',
  enterpriseSsoRationale: suggested('v1 customers are small businesses that invite their agents by email; SSO comes when the first larger customer needs it.'),
  emailIngestion: 'inbound-webhook',
  emailIngestionModule: 'Conversation',
  emailIngestionRationale: suggested('Postmark already sends our notifications; its inbound webhook gives each tenant a forwarding address and parsed messages, so we run no mail servers.'),
  realtimeUpdates: 'polling',
  realtimeUpdatesRationale: suggested('10-50 agents per tenant is light polling load; live connections arrive with Redis in v2.'),
  slaTimers: 'scheduled-jobs',
  slaTimersRationale: suggested('pg-boss schedules a job per deadline in the same transaction as the ticket change, so a deadline is never lost.'),
  search: 'postgres-fts',
  searchRationale: suggested('Tenant data is small enough for PostgreSQL full-text search, which keeps the tenant filter in one place.'),
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
  productKind: 'developer-tool',
  deciders: ['tech lead'],
  tenancy: 'shared-db',
  tenancyRationale: suggested('Organisations share one database keyed by organisation id: their data is projects, pipelines and build metadata; what needs isolating is the jobs, and they run on runners each organisation owns.'),
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
    { name: 'Web dashboard', kind: 'web', technology: 'React single-page app for projects, pipelines and live logs', folders: ['web'], uses: ['API server'] },
    { name: 'API server', kind: 'server', technology: 'Node.js API and job scheduler', folders: ['server'], uses: ['Job protocol'] },
    { name: 'Runner agent', kind: 'agent', technology: 'Go: one static binary on customers\' machines that registers, heartbeats and executes jobs, long-polling the API over HTTPS', folders: ['agent'], uses: ['API server', 'Job protocol'] },
    { name: 'Job protocol', kind: 'shared', technology: 'Protobuf schema of jobs, leases and log chunks, generated into Go for the agent and TypeScript for the server', folders: ['protocol'], uses: [] },
    { name: 'CLI', kind: 'cli', technology: 'Maybe later: trigger builds and tail logs from a terminal, on the public API', folders: [], uses: ['API server'] },
  ],
  splitRationale: 'Runners run on our customers\' machines, so the agent must not carry server code or secrets; it shares only the job protocol with the server and is released on its own schedule. The dashboard is a client of the same API.',
  database: 'postgresql',
  databaseRationale: suggested('Relational data fits well: projects, pipelines, builds, jobs and runners reference each other, and a job claim must be one transaction.'),
  queue: 'redis',
  queueRationale: suggested('The job queue for runners, with delayed retries; the Runner module owns it, and runners reach it only through the API.'),
  fileStorage: 's3',
  fileStorageRationale: suggested('Artifacts and archived logs are large, written once and expire: object storage with lifecycle rules, behind the Artifact module.'),
  auth: 'external-oauth',
  authRationale: suggested('No local passwords: every user signs in with GitHub, GitLab or Bitbucket'),
  queueModule: 'Runner',
  fileStorageModule: 'Artifact',
  authModule: 'Integration',
  considered: {
    tenancy: ['shared-db', 'schema-per-tenant'],
    database: ['postgresql', 'mysql', 'mongodb'],
    queue: ['redis', 'postgres-queue', 'rabbitmq'],
    fileStorage: ['s3', 'local-disk'],
    auth: ['external-oauth', 'managed-provider'],
    runnerTenancy: ['org-scoped', 'shared-pool'],
  },
  // The developer-tool pack.
  runnerTenancy: 'org-scoped',
  runnerTenancyRationale: suggested('The product is self-hosted runners on customers\' machines: a runner serves one organisation and can only ever claim its jobs.'),
  jobIsolation: 'container',
  jobIsolationRationale: suggested('v1 runners run customers\' own code on their own machines, so a fresh container per job is enough; hosted runners in v3 need microVMs, and this record is reviewed before then.'),
  untrustedCode: 'approval',
  untrustedCodeRationale: suggested('Teams build private repositories on persistent self-hosted machines: a fork pull request runs only after a maintainer approves it.'),
  jobDispatch: 'lease-poll',
  jobDispatchRationale: suggested('Runners sit behind customers\' firewalls and may only call out: they long-poll the API for a lease and heartbeat it; Redis stays inside our network.'),
  jobFairness: 'fifo',
  jobFairnessRationale: suggested('In v1 each organisation\'s runners take only its own jobs, so one organisation cannot delay another; hosted runners will need per-organisation limits.'),
  logStorage: 'chunks-to-object-storage',
  logStorageRationale: suggested('Logs stream live from a short buffer and are archived to S3 when the job ends, keeping PostgreSQL small.'),
  artifactRetention: 'lifecycle-by-plan',
  artifactRetentionRationale: suggested('S3 lifecycle rules per plan delete artifacts and archived logs without a sweeper; caches are capped per project.'),
  secretStorage: 'envelope-kms',
  secretStorageModule: 'Project',
  secretStorageRationale: suggested('Secrets are project settings: encrypted under per-organisation keys in AWS KMS, decrypted only when a job that may use them is dispatched.'),
  cloudCredentials: 'oidc',
  cloudCredentialsRationale: suggested('Deploy jobs get short-lived OIDC tokens, so customers store no long-lived cloud keys with us.'),
  scmIntegration: 'github-app',
  scmIntegrationModule: 'Integration',
  scmIntegrationRationale: suggested('A GitHub App gives per-repository permissions and installation tokens that outlive the user who connected it; Integration verifies every webhook before Project sees it.'),
  buildBilling: 'server-metered',
  buildBillingRationale: suggested('Minutes come from the server\'s lease records, not from runners on customers\' machines, and are reported to Stripe daily.'),
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
  productKind: 'ai-product',
  deciders: ['tech lead'],
  tenancy: 'single-tenant',
  tenancyRationale: suggested('A consumer app: every user owns their documents. Team features in v2 will need a workspace model.'),
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
    { name: 'Web app', kind: 'web', technology: 'Next.js (web)', folders: ['web'], uses: ['API server'] },
    { name: 'Browser extension', kind: 'extension', technology: 'React (extension)', folders: ['extension'], uses: ['API server'] },
    { name: 'API server', kind: 'server', technology: 'FastAPI (Python for AI integration)', folders: ['backend/app'], uses: [] },
    { name: 'Generation worker', kind: 'worker', technology: 'RQ workers on Redis for long generations and streaming', folders: ['backend/worker'], uses: ['API server'] },
    { name: 'Mobile app', kind: 'mobile', technology: 'Future (API-first from day 1)', folders: [], uses: ['API server'] },
  ],
  splitRationale: 'Python has the best AI libraries, so the API server is FastAPI and the generation worker runs its generation code off the request path; the extension, the web app and a future mobile app all use its API.',
  database: 'postgresql',
  databaseRationale: suggested('Users, documents and versions are relational; JSONB holds generation settings.'),
  queue: 'redis',
  queueRationale: suggested('Long generations run in background workers (RQ on Redis), also used for rate limits.'),
  fileStorage: 's3',
  fileStorageRationale: suggested('Exported documents and uploaded reference files.'),
  auth: 'managed-provider',
  authRationale: suggested('Buy auth from Clerk: sign-up, social login and sessions for the extension and the web app.'),
  authModule: 'User',
  fileStorageModule: 'Content',
  considered: {
    tenancy: ['single-tenant', 'shared-db'],
    database: ['postgresql', 'mongodb'],
    queue: ['redis', 'postgres-queue'],
    fileStorage: ['s3', 'gcs'],
    auth: ['managed-provider', 'built-in'],
    modelProvider: ['own-adapter', 'framework', 'single-sdk'],
  },
  // The ai-product pack.
  modelProvider: 'own-adapter',
  modelProviderModule: 'Generation',
  modelProviderRationale: suggested('We buy OpenAI and Anthropic: their SDKs sit behind one interface in Generation, so a provider outage or a new model is a change in one module.'),
  promptVersioning: 'in-database',
  promptVersioningRationale: suggested('Generation owns PromptTemplate: versioned rows, and every GenerationRequest records the version it used.'),
  evaluation: 'golden-set',
  evaluationRationale: suggested('Writing quality is the product: a golden set of drafts is scored on every prompt or model change before release.'),
  usageMetering: 'tokens-per-request',
  usageMeteringRationale: suggested('Plans are in credits: Billing turns each request\'s token usage into UsageRecords and refuses a generation over the limit before the call.'),
  rateLimits: 'token-bucket',
  rateLimitsRationale: suggested('One provider key serves every user: per-user buckets in Redis keep a runaway extension from exhausting it.'),
  streaming: 'sse',
  streamingRationale: suggested('The extension and the web app show text as it is written; FastAPI relays the provider stream as Server-Sent Events, and stop closes it.'),
  piiHandling: 'contract-only',
  piiHandlingRationale: suggested('A consumer app where users choose what to paste: providers under no-training terms, and our logs keep no prompt text; redaction comes with team plans.'),
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
  productKind: '',
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
  { id: 'help-desk', label: 'Help desk (multi-tenant SaaS)', description: 'Customer support tool for SMBs: tenants, tickets, conversations, knowledge base.', answers: HELP_DESK, placeholders: TEMPLATE_PLACEHOLDERS['help-desk'] },
  { id: 'ci-runner', label: 'CI/CD pipeline runner (developer tool)', description: 'Managed CI/CD with self-hosted runners: projects, pipelines, runners, artifacts.', answers: CI_RUNNER, placeholders: TEMPLATE_PLACEHOLDERS['ci-runner'] },
  { id: 'writing-assistant', label: 'AI writing assistant (consumer app)', description: 'Browser extension + web app, Python/FastAPI backend: users, content, generation, billing.', answers: WRITING_ASSISTANT, placeholders: TEMPLATE_PLACEHOLDERS['writing-assistant'] },
  { id: 'blank', label: 'Blank', description: 'Start from empty answers.', answers: BLANK },
];

/** A deep copy of a template's answers, so editing them never changes the template. */
export function templateAnswers(id: string): GuideAnswers | undefined {
  const template = GUIDE_TEMPLATES.find((t) => t.id === id);
  return template ? (JSON.parse(JSON.stringify(template.answers)) as GuideAnswers) : undefined;
}
