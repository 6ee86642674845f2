// The typical options of each key decision, with their trade-offs. The guide shows them as
// choices; the records list them as considered options, and the packages of the options
// not chosen become forbidden packages.

import type { ChoiceOption } from './types';

export const TENANCY_OPTIONS: ChoiceOption[] = [
  {
    id: 'shared-db',
    label: 'Shared database, tenant id on every row',
    pros: ['one schema to migrate', 'cheapest to run', 'easy cross-tenant reporting'],
    cons: ['a missing tenant filter leaks data', 'noisy neighbours share one database'],
    when: 'Many small tenants (SMB SaaS) and a small team.',
  },
  {
    id: 'schema-per-tenant',
    label: 'Schema per tenant',
    pros: ['stronger isolation without more servers', 'per-tenant backup and restore'],
    cons: ['migrations run once per tenant', 'connection pooling gets harder past a few thousand schemas'],
    when: 'Hundreds of mid-sized tenants that ask for isolation.',
  },
  {
    id: 'db-per-tenant',
    label: 'Database per tenant',
    pros: ['strongest isolation', 'per-tenant region and scaling', 'easy to delete a tenant'],
    cons: ['most expensive to run', 'fleet-wide migrations and monitoring'],
    when: 'Few large or regulated tenants (enterprise, data residency).',
  },
  {
    id: 'single-tenant',
    label: 'No tenants: one account per user',
    pros: ['simplest model'],
    cons: ['team features need a tenancy model later'],
    when: 'Consumer products where every user stands alone.',
  },
];

export const DATABASE_OPTIONS: ChoiceOption[] = [
  {
    id: 'postgresql',
    label: 'PostgreSQL',
    pros: ['relational integrity and transactions', 'JSONB, full-text search and extensions', 'managed everywhere'],
    cons: ['vertical scaling first; sharding is work'],
    when: 'Relational data with clear relations: the default for most SaaS.',
    packages: ['pg', 'postgres', 'psycopg', 'psycopg2', 'asyncpg'],
  },
  {
    id: 'mysql',
    label: 'MySQL',
    pros: ['mature, widely hosted', 'simple replication'],
    cons: ['weaker JSON and extension story than PostgreSQL'],
    when: 'The team or the hosting already runs MySQL.',
    packages: ['mysql', 'mysql2', 'pymysql', 'mysqlclient', 'aiomysql'],
  },
  {
    id: 'mongodb',
    label: 'MongoDB',
    pros: ['flexible documents', 'horizontal scaling built in'],
    cons: ['joins and cross-document transactions are awkward', 'schema drift is easy'],
    when: 'Document-shaped data with few relations.',
    packages: ['mongodb', 'mongoose', 'pymongo', 'motor', 'beanie'],
  },
  {
    id: 'dynamodb',
    label: 'DynamoDB',
    pros: ['serverless, scales without operations'],
    cons: ['access patterns must be designed up front', 'AWS lock-in'],
    when: 'Known key-value access patterns at very large scale on AWS.',
    packages: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'dynamoose', 'pynamodb'],
  },
  {
    id: 'sqlite',
    label: 'SQLite',
    pros: ['zero operations', 'fast for a single node'],
    cons: ['one writer at a time', 'no shared server for several app instances'],
    when: 'A single-node tool or an embedded store.',
    packages: ['sqlite3', 'better-sqlite3', 'aiosqlite'],
  },
];

export const QUEUE_OPTIONS: ChoiceOption[] = [
  {
    id: 'redis',
    label: 'Redis (BullMQ, RQ, Celery on Redis)',
    pros: ['simple and fast', 'one service for jobs and caching'],
    cons: ['durability depends on persistence settings', 'not a log: no replay'],
    when: 'Background jobs and job queues for workers at moderate volume.',
    packages: ['bullmq', 'bull', 'bee-queue', 'rq'],
  },
  {
    id: 'postgres-queue',
    label: 'Queue in PostgreSQL (pg-boss, Graphile Worker)',
    pros: ['no extra service', 'jobs commit in the same transaction as the data'],
    cons: ['adds load to the main database', 'limited throughput'],
    when: 'v1 with modest job volume and PostgreSQL already in place.',
    packages: ['pg-boss', 'graphile-worker', 'procrastinate'],
  },
  {
    id: 'rabbitmq',
    label: 'RabbitMQ',
    pros: ['rich routing', 'acknowledgements and dead-letter queues'],
    cons: ['another cluster to run'],
    when: 'Many consumers and routing rules, distributed workers.',
    packages: ['amqplib', 'amqp-connection-manager', 'pika', 'aio-pika'],
  },
  {
    id: 'sqs',
    label: 'Amazon SQS',
    pros: ['fully managed', 'scales without operations'],
    cons: ['AWS lock-in', 'at-least-once delivery only (FIFO costs throughput)'],
    when: 'Running on AWS and wanting no queue operations.',
    packages: ['@aws-sdk/client-sqs', 'sqs-consumer'],
  },
  {
    id: 'kafka',
    label: 'Kafka',
    pros: ['durable log with replay', 'very high throughput'],
    cons: ['heavy to operate', 'overkill for job queues'],
    when: 'Event streaming and event sourcing at scale.',
    packages: ['kafkajs', '@confluentinc/kafka-javascript', 'confluent-kafka', 'aiokafka', 'kafka-python'],
  },
];

export const FILE_STORAGE_OPTIONS: ChoiceOption[] = [
  {
    id: 's3',
    label: 'Amazon S3 (or an S3-compatible store)',
    pros: ['cheap, durable, unlimited', 'signed URLs for direct upload and download', 'lifecycle rules for retention'],
    cons: ['egress costs'],
    when: 'Attachments, artifacts, logs, generated files: the default.',
    packages: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  },
  {
    id: 'gcs',
    label: 'Google Cloud Storage',
    pros: ['same model as S3', 'fits a GCP deployment'],
    cons: ['GCP lock-in'],
    when: 'Running on Google Cloud.',
    packages: ['@google-cloud/storage', 'google-cloud-storage'],
  },
  {
    id: 'azure-blob',
    label: 'Azure Blob Storage',
    pros: ['same model as S3', 'fits an Azure deployment'],
    cons: ['Azure lock-in'],
    when: 'Running on Azure.',
    packages: ['@azure/storage-blob', 'azure-storage-blob'],
  },
  {
    id: 'database',
    label: 'Files inside the database',
    pros: ['one backup', 'transactions cover files'],
    cons: ['bloats the database', 'slow and expensive at volume'],
    when: 'Few, small files only.',
  },
  {
    id: 'local-disk',
    label: 'Local disk',
    pros: ['nothing to set up'],
    cons: ['lost with the server', 'does not work with several app instances'],
    when: 'A single self-hosted node.',
  },
];

export const AUTH_OPTIONS: ChoiceOption[] = [
  {
    id: 'external-oauth',
    label: 'External OAuth only (no local passwords)',
    pros: ['no passwords to store or reset', 'users already have the accounts'],
    cons: ['depends on the identity providers', 'users without those accounts are left out'],
    when: 'Developer tools whose users all have GitHub, GitLab or Google accounts.',
    packages: ['passport-github2', 'passport-gitlab2'],
  },
  {
    id: 'managed-provider',
    label: 'Managed auth provider (Clerk, Auth0, Cognito)',
    pros: ['sign-up, MFA, social login and sessions out of the box', 'fast to ship'],
    cons: ['per-user cost', 'vendor lock-in of the user store'],
    when: 'Consumer or SMB products that want auth done in days.',
    packages: ['@clerk/nextjs', '@clerk/backend', '@clerk/clerk-react', 'clerk-backend-api', '@auth0/nextjs-auth0', 'auth0'],
  },
  {
    id: 'built-in',
    label: 'Built-in accounts (passwords, roles, invitations in our code)',
    pros: ['full control of roles, permissions and invitations', 'no per-user fees'],
    cons: ['we own password storage, resets, MFA and their security'],
    when: 'Roles and permissions are part of the product and SSO can come later.',
    packages: ['bcrypt', 'bcryptjs', 'argon2', 'passport-local', 'passlib'],
  },
];

/** Which packages to rule out when `chosen` wins: those of every other option not shared with it. */
export function packagesRuledOut(options: ChoiceOption[], chosen: string): { name: string; option: string }[] {
  const winner = options.find((o) => o.id === chosen);
  const kept = new Set(winner?.packages ?? []);
  const out: { name: string; option: string }[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (option.id === chosen) continue;
    for (const name of option.packages ?? []) {
      if (kept.has(name) || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, option: option.label });
    }
  }
  return out;
}
