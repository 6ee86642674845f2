// Example text for the guide's fields, per template: what a field's placeholder shows once the
// user started from that template. Keys are a field id (`product`) or a table column
// (`modules.name`). The webview shows each as "e.g. …", styled apart from typed values; a
// field without one here falls back to the flow's own, neutral placeholder (the blank template
// uses those only). A new template or pack adds its examples here, one entry per key.

export type Placeholders = Record<string, string>;

const HELP_DESK: Placeholders = {
  product: 'Help desk for SMBs (10-50 agents per customer)',
  deciders: 'tech lead',
  tenancyRationale: 'many small tenants: a tenant id on every row is enough',
  'modules.name': 'Ticket',
  'modules.responsibility': 'Creation, assignment, status, SLA tracking',
  'modules.folders': 'api/src/ticket',
  modulesRationale: 'tickets, conversations and articles change for different reasons',
  owns: 'Ticket',
  'parts.name': 'Agent dashboard',
  'parts.technology': 'Next.js dashboard for the agents',
  'parts.folders': 'web',
  splitRationale: 'API-first, so mobile and a public API use the same endpoints',
  databaseRationale: 'tenants, tickets and users are relational',
  queueRationale: 'SLA timers and notification emails, modest volume',
  fileStorageRationale: 'conversation attachments behind signed URLs',
  authRationale: 'roles and invitations are features of the product',
  queueModule: 'Ticket',
  fileStorageModule: 'Conversation',
  authModule: 'User',
  'buildVsBuy.capability': 'Email',
  'buildVsBuy.vendor': 'Postmark',
  'buildVsBuy.module': 'Conversation',
  'buildVsBuy.packages': 'postmark',
  'buildVsBuy.reason': 'ticket notifications and replies by email',
  'evolution.stage': 'v2',
  'evolution.summary': 'Read replicas, Redis cache, webhooks',
  'evolution.trigger': 'p95 latency above 300 ms',
};

const CI_RUNNER: Placeholders = {
  product: 'Managed CI/CD for teams wanting self-hosted runners',
  deciders: 'platform lead',
  tenancyRationale: 'teams share one database; the runners are what is isolated',
  'modules.name': 'Pipeline',
  'modules.responsibility': 'Build configs, triggers, logs',
  'modules.folders': 'server/src/pipeline',
  modulesRationale: 'the runner side changes with the agent, the rest with the dashboard',
  owns: 'BuildLog',
  'parts.name': 'Runner agent',
  'parts.technology': 'Runner agent on the customer\'s machines (Go)',
  'parts.folders': 'agent',
  splitRationale: 'the agent is released on its own schedule and talks to the API only',
  databaseRationale: 'projects, builds and jobs are relational',
  queueRationale: 'job leases with heartbeats, retries and cancellation',
  fileStorageRationale: 'build logs and artifacts with retention rules',
  authRationale: 'every user signs in with GitHub or GitLab',
  queueModule: 'Runner',
  fileStorageModule: 'Artifact',
  authModule: 'Integration',
  'buildVsBuy.capability': 'Artifact storage',
  'buildVsBuy.vendor': 'Amazon S3',
  'buildVsBuy.module': 'Artifact',
  'buildVsBuy.packages': '@aws-sdk/client-s3',
  'buildVsBuy.reason': 'cheap, durable, with retention rules',
  'evolution.stage': 'v2',
  'evolution.summary': 'Autoscaled ephemeral runners',
  'evolution.trigger': 'jobs wait more than 2 minutes for a runner',
};

const WRITING_ASSISTANT: Placeholders = {
  product: 'Browser extension + web app for content generation',
  deciders: 'founder',
  tenancyRationale: 'every user owns their own documents',
  'modules.name': 'Generation',
  'modules.responsibility': 'Prompt templates, model API calls',
  'modules.folders': 'backend/app/generation',
  modulesRationale: 'generation changes with the models, content with the editor',
  owns: 'PromptTemplate',
  'parts.name': 'Browser extension',
  'parts.technology': 'FastAPI backend (Python for the AI libraries)',
  'parts.folders': 'backend',
  splitRationale: 'Python for the AI work; the extension and the web app share its API',
  databaseRationale: 'documents, drafts and versions are relational',
  queueRationale: 'long generations run in background workers',
  fileStorageRationale: 'exported documents and uploaded reference files',
  authRationale: 'social login for the extension and the web app',
  queueModule: 'Generation',
  fileStorageModule: 'Content',
  authModule: 'Account',
  'buildVsBuy.capability': 'Model provider',
  'buildVsBuy.vendor': 'OpenAI',
  'buildVsBuy.module': 'Generation',
  'buildVsBuy.packages': 'openai',
  'buildVsBuy.reason': 'the models are bought through an API',
  'evolution.stage': 'v2',
  'evolution.summary': 'Team workspaces and shared templates',
  'evolution.trigger': 'users ask to share documents with their team',
};

/** The examples of each template, by template id; the blank template has none of its own. */
export const TEMPLATE_PLACEHOLDERS: Record<string, Placeholders> = {
  'help-desk': HELP_DESK,
  'ci-runner': CI_RUNNER,
  'writing-assistant': WRITING_ASSISTANT,
};

/** A placeholder as the guide shows it: marked as an example, never mistaken for a value. */
export function asExample(text: string): string {
  const t = text.trim();
  return /^e\.g\./i.test(t) ? t : `e.g. ${t}`;
}
