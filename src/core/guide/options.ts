// The spine's choice decisions: tenancy and the key decisions (database, queue, file storage,
// auth), each with the typical options and their trade-offs. The guide shows them as choices;
// ./choices.ts writes the records: considered options, consequences against the rejected
// ones, the packages of the options not chosen forbidden, the chosen one's confined to the
// owner module when the answer names one.

import type { ChoiceDecision, ChoiceOption } from './types';

export const TENANCY_OPTIONS: ChoiceOption[] = [
  {
    id: 'shared-db',
    label: 'Shared database, tenant id on every row',
    pros: ['one schema to migrate', 'cheapest to run', 'easy cross-tenant reporting'],
    cons: ['a missing tenant filter leaks data', 'noisy neighbours share one database'],
    when: 'Many small tenants (SMB SaaS) and a small team.',
    consequences: { good: ['one migration path and one connection pool for every tenant'], bad: ['every query, index and cache key carries the tenant id, and a test must prove no query forgets it'] },
  },
  {
    id: 'schema-per-tenant',
    label: 'Schema per tenant',
    pros: ['stronger isolation without more servers', 'per-tenant backup and restore'],
    cons: ['migrations run once per tenant', 'connection pooling gets harder past a few thousand schemas'],
    when: 'Hundreds of mid-sized tenants that ask for isolation.',
    consequences: { good: ['a tenant can be backed up, restored or moved on its own'], bad: ['migrations become a fleet operation that can half-fail, leaving tenants on different schema versions'] },
  },
  {
    id: 'db-per-tenant',
    label: 'Database per tenant',
    pros: ['strongest isolation', 'per-tenant region and scaling', 'easy to delete a tenant'],
    cons: ['most expensive to run', 'fleet-wide migrations and monitoring'],
    when: 'Few large or regulated tenants (enterprise, data residency).',
    consequences: { good: ['a tenant can get its own region, size and maintenance window'], bad: ['provisioning, migrating and monitoring a database per tenant is its own product'] },
  },
  {
    id: 'single-tenant',
    label: 'No tenants: one account per user',
    pros: ['simplest model'],
    cons: ['team features need a tenancy model later'],
    when: 'Consumer products where every user stands alone.',
    consequences: { good: ['no tenant id anywhere in the schema'], bad: ['sharing and team features later need a workspace model and a data migration of every owned row'] },
  },
];

export const DATABASE_OPTIONS: ChoiceOption[] = [
  {
    id: 'postgresql',
    label: 'PostgreSQL',
    pros: ['relational integrity and transactions', 'JSONB, full-text search and extensions', 'managed everywhere'],
    cons: ['vertical scaling first; sharding is work'],
    when: 'Relational data with clear relations: the default for most SaaS.',
    consequences: { good: ['constraints and transactions keep related data consistent without application code'], bad: ['growth past one primary means read replicas, partitioning or sharding, planned early'] },
    packages: ['pg', 'postgres', 'psycopg', 'psycopg2', 'asyncpg'],
  },
  {
    id: 'mysql',
    label: 'MySQL',
    pros: ['mature, widely hosted', 'simple replication'],
    cons: ['weaker JSON and extension story than PostgreSQL'],
    when: 'The team or the hosting already runs MySQL.',
    consequences: { good: ['the team runs what it already knows'], bad: ['JSON-heavy or extension-based features (full-text, geo) need another store sooner'] },
    packages: ['mysql', 'mysql2', 'pymysql', 'mysqlclient', 'aiomysql'],
  },
  {
    id: 'mongodb',
    label: 'MongoDB',
    pros: ['flexible documents', 'horizontal scaling built in'],
    cons: ['joins and cross-document transactions are awkward', 'schema drift is easy'],
    when: 'Document-shaped data with few relations.',
    consequences: { good: ['documents change shape without migrations'], bad: ['relations and invariants across documents are enforced in application code'] },
    packages: ['mongodb', 'mongoose', 'pymongo', 'motor', 'beanie'],
  },
  {
    id: 'dynamodb',
    label: 'DynamoDB',
    pros: ['serverless, scales without operations'],
    cons: ['access patterns must be designed up front', 'AWS lock-in'],
    when: 'Known key-value access patterns at very large scale on AWS.',
    consequences: { good: ['no database servers to size or patch'], bad: ['every new query pattern may need a new index or a table redesign'] },
    packages: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'dynamoose', 'pynamodb'],
  },
  {
    id: 'sqlite',
    label: 'SQLite',
    pros: ['zero operations', 'fast for a single node'],
    cons: ['one writer at a time', 'no shared server for several app instances'],
    when: 'A single-node tool or an embedded store.',
    consequences: { good: ['the database is a file that ships with the app'], bad: ['a second app instance or a hosted version needs a server database'] },
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
    consequences: { good: ['delayed, repeated and prioritised jobs come with the queue library'], bad: ['Redis persistence (AOF) must be on and monitored, or a restart loses queued jobs'] },
    packages: ['bullmq', 'bull', 'bee-queue', 'rq'],
  },
  {
    id: 'postgres-queue',
    label: 'Queue in PostgreSQL (pg-boss, Graphile Worker)',
    pros: ['no extra service', 'jobs commit in the same transaction as the data'],
    cons: ['adds load to the main database', 'limited throughput'],
    when: 'v1 with modest job volume and PostgreSQL already in place.',
    consequences: { good: ['a job is enqueued in the same transaction as the change that causes it, so neither is lost without the other'], bad: ['queue polling and job rows load the main database and need their own vacuum and index care'] },
    packages: ['pg-boss', 'graphile-worker', 'procrastinate'],
  },
  {
    id: 'rabbitmq',
    label: 'RabbitMQ',
    pros: ['rich routing', 'acknowledgements and dead-letter queues'],
    cons: ['another cluster to run'],
    when: 'Many consumers and routing rules, distributed workers.',
    consequences: { good: ['routing, acknowledgements and dead-lettering are the broker\'s, not ours'], bad: ['a clustered broker to run, upgrade and monitor'] },
    packages: ['amqplib', 'amqp-connection-manager', 'pika', 'aio-pika'],
  },
  {
    id: 'sqs',
    label: 'Amazon SQS',
    pros: ['fully managed', 'scales without operations'],
    cons: ['AWS lock-in', 'at-least-once delivery only (FIFO costs throughput)'],
    when: 'Running on AWS and wanting no queue operations.',
    consequences: { good: ['no queue servers at all'], bad: ['messages arrive at least once and out of order, so every consumer is idempotent'] },
    packages: ['@aws-sdk/client-sqs', 'sqs-consumer'],
  },
  {
    id: 'kafka',
    label: 'Kafka',
    pros: ['durable log with replay', 'very high throughput'],
    cons: ['heavy to operate', 'overkill for job queues'],
    when: 'Event streaming and event sourcing at scale.',
    consequences: { good: ['events can be replayed to rebuild state or feed new consumers'], bad: ['partitions, consumer groups and retention become daily operations'] },
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
    consequences: { good: ['clients upload and download directly with signed URLs, never through the API servers'], bad: ['buckets need lifecycle rules, encryption and public-access blocks set in infrastructure code'] },
    packages: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  },
  {
    id: 'gcs',
    label: 'Google Cloud Storage',
    pros: ['same model as S3', 'fits a GCP deployment'],
    cons: ['GCP lock-in'],
    when: 'Running on Google Cloud.',
    consequences: { good: ['storage shares IAM and billing with the rest of the GCP deployment'], bad: ['moving off GCP means moving every object'] },
    packages: ['@google-cloud/storage', 'google-cloud-storage'],
  },
  {
    id: 'azure-blob',
    label: 'Azure Blob Storage',
    pros: ['same model as S3', 'fits an Azure deployment'],
    cons: ['Azure lock-in'],
    when: 'Running on Azure.',
    consequences: { good: ['storage shares identity and billing with the rest of the Azure deployment'], bad: ['moving off Azure means moving every object'] },
    packages: ['@azure/storage-blob', 'azure-storage-blob'],
  },
  {
    id: 'database',
    label: 'Files inside the database',
    pros: ['one backup', 'transactions cover files'],
    cons: ['bloats the database', 'slow and expensive at volume'],
    when: 'Few, small files only.',
    consequences: { good: ['files and rows are backed up and restored together'], bad: ['database size, backups and replicas grow with every upload'] },
  },
  {
    id: 'local-disk',
    label: 'Local disk',
    pros: ['nothing to set up'],
    cons: ['lost with the server', 'does not work with several app instances'],
    when: 'A single self-hosted node.',
    consequences: { good: ['no storage service to configure'], bad: ['a second instance or a lost disk means lost files'] },
  },
];

export const AUTH_OPTIONS: ChoiceOption[] = [
  {
    id: 'external-oauth',
    label: 'External OAuth only (no local passwords)',
    pros: ['no passwords to store or reset', 'users already have the accounts'],
    cons: ['depends on the identity providers', 'users without those accounts are left out'],
    when: 'Developer tools whose users all have GitHub, GitLab or Google accounts.',
    consequences: { good: ['no password storage, reset or breach to handle'], bad: ['sign-in stops when the identity provider is down, and accounts must be linked when a user signs in with a second provider'] },
    packages: ['passport-github2', 'passport-gitlab2'],
  },
  {
    id: 'managed-provider',
    label: 'Managed auth provider (Clerk, Auth0, Cognito)',
    pros: ['sign-up, MFA, social login and sessions out of the box', 'fast to ship'],
    cons: ['per-user cost', 'vendor lock-in of the user store'],
    when: 'Consumer or SMB products that want auth done in days.',
    consequences: { good: ['sign-up, MFA and social login ship without our code'], bad: ['the user store lives at the vendor: leaving it is a migration of every account'] },
    packages: ['@clerk/nextjs', '@clerk/backend', '@clerk/clerk-react', 'clerk-backend-api', '@auth0/nextjs-auth0', 'auth0'],
  },
  {
    id: 'built-in',
    label: 'Built-in accounts (passwords, roles, invitations in our code)',
    pros: ['full control of roles, permissions and invitations', 'no per-user fees'],
    cons: ['we own password storage, resets, MFA and their security'],
    when: 'Roles and permissions are part of the product and SSO can come later.',
    consequences: { good: ['roles, permissions and invitations fit the product exactly'], bad: ['password hashing, resets, MFA and brute-force protection are ours to build and keep secure'] },
    packages: ['bcrypt', 'bcryptjs', 'argon2', 'passport-local', 'passlib'],
  },
];

export const TENANCY_DECISION: ChoiceDecision = {
  field: 'tenancy',
  label: 'Tenancy',
  area: 'tenancy',
  question: 'How are customers (tenants) kept apart in the data? The hardest decision to change later.',
  context: 'Every table, cache key, job and file either carries the tenant or lives in a store of its own; changing the model later touches all of them.',
  drivers: ['no tenant ever sees another tenant\'s data', 'cost per tenant'],
  options: TENANCY_OPTIONS,
  unchecked: {
    confirm: 'the boundary between tenants (or, without tenants, between users) is in the data, not in imports. Confirm with a test that reads as one tenant or user and finds no row of another, for every table that holds their data.',
    reviewMonths: 12,
  },
};

/** The key decisions of the spine's decisions step, in order. */
export const KEY_DECISIONS: ChoiceDecision[] = [
  {
    field: 'database',
    label: 'Database',
    area: 'database',
    question: 'Where the product\'s own data lives.',
    context: 'The primary store holds every module\'s data; its consistency model and scaling path shape the modules above it.',
    after: ['tenancy'],
    options: DATABASE_OPTIONS,
  },
  {
    field: 'queue',
    label: 'Queue',
    area: 'queue',
    question: 'How work leaves the request: background jobs, timers, fan-out.',
    context: 'Anything slow, scheduled or retried runs from the queue; its delivery guarantees decide what every job handler must tolerate.',
    after: ['database'],
    options: QUEUE_OPTIONS,
    owner: { label: 'Module that alone may use the queue client', help: 'Leave empty when several modules enqueue work.' },
  },
  {
    field: 'fileStorage',
    label: 'File Storage',
    area: 'file storage',
    question: 'Where files, uploads and generated output live.',
    context: 'Files outgrow the database first; where they live decides how they are uploaded, served, retained and deleted.',
    after: ['database'],
    options: FILE_STORAGE_OPTIONS,
    owner: { label: 'Module that alone may use the storage SDK', help: 'Other modules then store files through its API.' },
  },
  {
    field: 'auth',
    label: 'Auth',
    area: 'auth',
    question: 'How users sign in and who stores their credentials.',
    context: 'Sign-in is the front door and a breach target; who stores credentials decides what the team must secure and what it pays per user.',
    after: ['tenancy'],
    options: AUTH_OPTIONS,
    owner: { label: 'Module that alone may use the auth packages', help: 'Passwords or tokens are then handled in one place.' },
  },
];
