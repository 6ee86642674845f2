// The three products of ../shared/seed/saas-architecture-examples.md, as the facts each
// template and each overview must carry. Written by hand from the seed, not from the templates.

export interface SeedProduct {
  template: string;
  product: string;
  /** Module names as the seed spells them, with their responsibility. */
  modules: [string, string][];
  /** Seed ownership lines: module → the data it owns. */
  ownership: [string, string[]][];
  split: string[];
  keyDecisions: [string, string][];
  build: string[];
  buy: [string, string][];
  evolution: [string, string][];
}

export const SEED: SeedProduct[] = [
  {
    template: 'help-desk',
    product: 'Help desk for SMBs (10-50 agents per customer)',
    modules: [
      ['Tenant', 'Multi-tenant isolation, billing, plan limits'],
      ['User', 'Auth, roles, permissions, invitations'],
      ['Ticket', 'Creation, assignment, status, SLA tracking'],
      ['Conversation', 'Messages, attachments, internal notes'],
      ['KnowledgeBase', 'Articles, categories, search'],
    ],
    ownership: [
      ['Tenant', ['Tenant']],
      ['Ticket', ['Ticket', 'Conversation']],
      ['User', ['User', 'Role', 'Permission']],
    ],
    split: ['Next.js for dashboard (agent workspace)', 'API-first for mobile + future public API'],
    keyDecisions: [['Database', 'PostgreSQL']],
    build: [],
    buy: [],
    evolution: [
      ['v1', 'Single-region, basic multi-tenancy, PostgreSQL'],
      ['v2', 'Read replicas, caching with Redis, webhooks'],
      ['v3', 'Multi-region, event sourcing, marketplace'],
    ],
  },
  {
    template: 'ci-runner',
    product: 'Managed CI/CD for teams wanting self-hosted runners',
    modules: [
      ['Project', 'Repos, settings, webhooks'],
      ['Pipeline', 'Build configs, triggers, logs'],
      ['Runner', 'Agent registration, heartbeats, job execution'],
      ['Artifact', 'Storage, retrieval, retention'],
      ['Integration', 'GitHub/GitLab/Bitbucket OAuth'],
    ],
    ownership: [
      ['Project', ['RepoConnection']],
      ['Pipeline', ['Build', 'BuildLog']],
      ['Runner', ['Agent', 'Job']],
    ],
    split: [],
    keyDecisions: [
      ['Database', 'PostgreSQL'],
      ['Queue', 'Redis'],
      ['File Storage', 'S3'],
      ['Auth', 'External OAuth only'],
    ],
    build: [],
    buy: [],
    // The seed says "v1: Single runner, local job queue", against its own queue decision
    // (Redis); the guide flags that as a conflict, so the template's v1 keeps the seed's single
    // runner and queues the jobs in Redis.
    evolution: [
      ['v1', 'Single runner per team, jobs queued in Redis'],
      ['v2', 'Distributed runners, message queue (RabbitMQ)'],
      ['v3', 'Multi-cloud, custom executor plugins'],
    ],
  },
  {
    template: 'writing-assistant',
    product: 'Browser extension + web app for content generation',
    modules: [
      ['User', 'Auth, subscription, preferences'],
      ['Content', 'Documents, drafts, versions'],
      ['Generation', 'Prompt templates, AI API orchestration'],
      ['Billing', 'Usage tracking, plan limits, invoices'],
    ],
    ownership: [],
    split: ['Next.js (web)', 'React (extension)', 'FastAPI (Python for AI integration)', 'Future (API-first from day 1)'],
    keyDecisions: [],
    build: ['Core AI generation', 'Content storage'],
    buy: [
      ['Auth', 'Clerk'],
      ['Payments', 'Stripe'],
      ['Email', 'Resend'],
      ['AI', 'OpenAI/Anthropic'],
    ],
    evolution: [
      ['v1', 'Browser extension + basic generation'],
      ['v2', 'Web app, templates, team features'],
      ['v3', 'API for third-party integrations'],
    ],
  },
];

export function slug(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
