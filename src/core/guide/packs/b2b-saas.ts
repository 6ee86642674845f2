// Multi-tenant B2B SaaS: what an architect asks about a product many companies share,
// where one tenant's data showing up for another is the worst incident there is.
// Grounded in the seed's help desk for SMBs (10-50 agents per customer).

import type { GuidePack } from '../types';

export const B2B_SAAS_PACK: GuidePack = {
  id: 'b2b-saas',
  label: 'Multi-tenant B2B SaaS',
  when: 'Companies sign up as tenants and their staff work in it: help desks, CRMs, project tools, back-office apps.',
  steps: [
    {
      id: 'tenant-safety',
      title: 'Tenant safety and sign-in',
      icon: 'shield',
      intro: 'With tenants sharing the product, what makes a cross-tenant leak impossible rather than a code-review catch, and how larger customers sign in with their own identity provider.',
      decisions: [
        {
          field: 'tenantIsolation',
          label: 'Tenant filter',
          area: 'tenant isolation',
          question: 'What guarantees that no query, report or job ever returns another tenant\'s rows?',
          context: 'A query without its tenant filter shows one company\'s data to another: the incident that ends B2B trust.',
          after: ['tenancy', 'database'],
          drivers: ['a forgotten filter cannot leak data', 'background jobs obey the same boundary'],
          options: [
            {
              id: 'row-level-security',
              label: 'PostgreSQL row-level security',
              pros: ['the tenant is set on each transaction and the database refuses other tenants\' rows, whatever the query', 'covers raw SQL and reports too'],
              cons: ['every connection must set the tenant before its first query', 'policies to keep in step with migrations'],
              when: 'PostgreSQL with shared tables.',
              consequences: {
                good: ['a forgotten WHERE clause returns nothing instead of another tenant\'s data'],
                bad: ['migrations and cross-tenant jobs run under a role that bypasses the policies, which must stay rare and audited'],
              },
            },
            {
              id: 'scoped-repository',
              label: 'A tenant-scoped data-access layer',
              pros: ['works with any database', 'visible in code review'],
              cons: ['a raw query outside the layer bypasses it'],
              when: 'A database without row-level security, or an ORM with global scopes.',
              consequences: {
                good: ['the tenant comes from the request context once, not from every caller'],
                bad: ['reports and scripts that need raw SQL have to be reviewed by hand'],
              },
            },
            {
              id: 'manual-filter',
              label: 'A tenant filter in each query',
              pros: ['nothing to build'],
              cons: ['one forgotten filter is a data leak'],
              when: 'A prototype without real customers.',
              consequences: {
                good: ['no framework code'],
                bad: ['tenant safety rests on every reviewer noticing every query'],
              },
            },
          ],
          unchecked: {
            confirm: 'the boundary is in the database, not in imports. Confirm with a test that queries every table as tenant A and finds no row of tenant B, jobs included.',
            reviewMonths: 6,
          },
        },
        {
          field: 'enterpriseSso',
          label: 'Single sign-on for customers',
          area: 'customer sso',
          question: 'When a customer asks for SAML or OIDC sign-in and SCIM provisioning from their identity provider, do we buy it, build it, or not yet?',
          context: 'Larger customers require sign-in through their identity provider (Okta, Entra ID, Google Workspace) and want users provisioned and removed from there; SSO often decides the deal and reshapes users, roles and invitations.',
          after: ['auth', 'tenancy'],
          owner: { label: 'Module that alone talks to the identity provider', help: 'The SSO packages are flagged anywhere else.' },
          options: [
            {
              id: 'sso-provider',
              label: 'Buy it: an SSO provider (WorkOS)',
              pros: ['SAML, OIDC and SCIM for every identity provider within days', 'our user model and roles stay ours'],
              cons: ['per-connection pricing', 'another vendor in the sign-in path'],
              when: 'Bigger customers ask for SSO now.',
              packages: ['@workos-inc/node'],
              consequences: {
                good: ['enterprise deals are not blocked on a protocol project'],
                bad: ['users provisioned by SCIM and users invited by email must merge into one account model'],
              },
            },
            {
              id: 'build-saml',
              label: 'Build SAML and OIDC ourselves',
              pros: ['no per-connection fees'],
              cons: ['SAML is security-critical and every identity provider has quirks'],
              when: 'A team with identity expertise and many SSO customers.',
              packages: ['@node-saml/passport-saml', 'samlify'],
              consequences: {
                good: ['no vendor between customers and sign-in'],
                bad: ['signature validation and XML parsing bugs become our security incidents'],
              },
            },
            {
              id: 'later',
              label: 'Not in v1',
              pros: ['nothing to build now'],
              cons: ['enterprise deals wait'],
              when: 'Small-business customers first.',
              consequences: {
                good: ['v1 ships without an identity integration'],
                bad: ['the user model should already keep sign-in method separate from the user, so SSO can be added without a migration'],
              },
            },
          ],
        },
      ],
    },
    {
      id: 'channels',
      title: 'Email and live updates',
      icon: 'mail',
      intro: 'How customer messages arrive and how agents see them: the channels customers judge the product by.',
      decisions: [
        {
          field: 'emailIngestion',
          label: 'Inbound email',
          area: 'email ingestion',
          question: 'How do customer emails become tickets and replies, and how is a reply matched to its ticket?',
          context: 'Email is the main channel: each customer forwards its support address into the product, and lost, duplicated or misthreaded mail is the failure customers notice first.',
          after: ['tenancy', 'queue'],
          drivers: ['no lost email', 'replies thread onto the right ticket', 'a tenant receives only its own mail'],
          owner: { label: 'Module that alone sends and receives email', help: 'The mail packages are flagged anywhere else.' },
          options: [
            {
              id: 'inbound-webhook',
              label: 'Inbound webhook of an email provider (Postmark, Mailgun)',
              pros: ['no mail servers to run', 'MIME parsing, spam scores and attachments done by the provider'],
              cons: ['tied to the provider\'s inbound format', 'a public endpoint that must be verified and idempotent'],
              when: 'Customers can forward their support address to a per-tenant inbound address.',
              packages: ['postmark', 'mailgun.js'],
              consequences: {
                good: ['the tenant is known from the inbound address the mail was forwarded to'],
                bad: ['deliveries are deduplicated by Message-ID because providers retry, and replies thread by In-Reply-To and References, never by subject'],
              },
            },
            {
              id: 'mailbox-polling',
              label: 'Poll customers\' mailboxes (IMAP, Gmail, Graph)',
              pros: ['no forwarding for customers to set up', 'sees the mailbox as it is'],
              cons: ['a poller and an OAuth token per mailbox', 'polling delay and provider throttling'],
              when: 'Customers who cannot forward mail.',
              packages: ['imapflow', 'imap', 'mailparser'],
              consequences: {
                good: ['setup is one sign-in to the mailbox'],
                bad: ['mailbox tokens expire and are revoked, so ingestion silently stops unless it is monitored per tenant'],
              },
            },
            {
              id: 'own-smtp',
              label: 'Our own inbound SMTP server',
              pros: ['full control, no per-message fees'],
              cons: ['spam, TLS, bounces and uptime are ours', 'a mail server to run at high availability'],
              when: 'Very high volume, where provider fees dominate.',
              packages: ['smtp-server', 'mailparser'],
              consequences: {
                good: ['no provider between customers and their mail'],
                bad: ['an outage of our mail server bounces customers\' mail'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test that one inbound message delivered twice creates one message, and that a reply carrying In-Reply-To lands on its ticket.',
            reviewMonths: 12,
          },
        },
        {
          field: 'realtimeUpdates',
          label: 'Live updates for agents',
          area: 'realtime',
          question: 'How does an agent see a new message, or a colleague already replying to the same ticket, without reloading?',
          context: 'Two agents answering the same ticket is a classic help-desk failure; agents need new messages and "someone is replying" within seconds.',
          after: ['queue'],
          owner: { label: 'Module that alone publishes live updates' },
          options: [
            {
              id: 'own-websocket',
              label: 'Our own WebSocket server',
              pros: ['no per-message fees', 'full control of presence and collision detection'],
              cons: ['sticky connections and a pub/sub backplane across instances'],
              when: 'A team able to run stateful connections.',
              packages: ['ws', 'socket.io'],
              consequences: {
                good: ['presence and typing indicators are ours to shape'],
                bad: ['deploys drop every connection, so clients reconnect and catch up from the last event they saw'],
              },
            },
            {
              id: 'hosted-realtime',
              label: 'A hosted realtime service (Pusher, Ably)',
              pros: ['no connection infrastructure', 'presence channels built in'],
              cons: ['per-message and per-connection pricing', 'our API must authorise every tenant channel'],
              when: 'A small team that wants live updates now.',
              packages: ['pusher', 'ably'],
              consequences: {
                good: ['live updates ship without running connections'],
                bad: ['channel names carry the tenant, and a channel-auth bug leaks one tenant\'s events to another'],
              },
            },
            {
              id: 'polling',
              label: 'Polling every few seconds',
              pros: ['nothing new to run', 'works through every proxy'],
              cons: ['seconds of delay', 'load grows with open tabs'],
              when: 'A first version with few agents per tenant.',
              consequences: {
                good: ['the API stays stateless'],
                bad: ['collision detection is only as fresh as the polling interval'],
              },
            },
          ],
        },
      ],
    },
    {
      id: 'sla-search',
      title: 'SLAs and search',
      icon: 'watch',
      intro: 'SLAs are what customers buy a help desk for, and search is what agents do all day; both must respect each tenant\'s settings and data.',
      decisions: [
        {
          field: 'slaTimers',
          label: 'SLA timers',
          area: 'sla timers',
          question: 'How are first-response and resolution deadlines tracked, paused and escalated, in each tenant\'s business hours?',
          context: 'A breach must be detected on time, in the tenant\'s business hours and time zone, and the clock must pause while a ticket waits on the customer.',
          after: ['queue'],
          options: [
            {
              id: 'scheduled-jobs',
              label: 'A delayed job per deadline',
              pros: ['rescheduled when the ticket changes, so breaches fire on time without scanning', 'work grows with ticket changes, not with open tickets'],
              cons: ['every status change must reschedule or cancel jobs', 'a lost job is a missed breach'],
              when: 'A queue with delayed jobs (pg-boss, BullMQ) is in place.',
              consequences: {
                good: ['escalations and notifications run as ordinary jobs with retries'],
                bad: ['the deadline is stored on the ticket, and a job that fires late or twice re-checks it before acting'],
              },
            },
            {
              id: 'sweeper',
              label: 'A sweep every minute',
              pros: ['simple and self-healing: nothing to reschedule'],
              cons: ['up to a minute late', 'a query over every open ticket each minute'],
              when: 'Modest volume, and minute precision is enough.',
              consequences: {
                good: ['a missed run is caught by the next one'],
                bad: ['the sweep needs an index on tenant and deadline, and slows as open tickets grow'],
              },
            },
            {
              id: 'computed-on-read',
              label: 'Computed on read, no alerts',
              pros: ['no background work'],
              cons: ['nobody is warned before or at a breach'],
              when: 'SLA reporting only, no escalations.',
              consequences: {
                good: ['no timers to keep consistent'],
                bad: ['escalation, the feature customers pay for, is not possible'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with tests that a ticket waiting on the customer does not breach, and that a deadline outside the tenant\'s business hours moves to the next opening.',
            reviewMonths: 12,
          },
        },
        {
          field: 'search',
          label: 'Search',
          area: 'search',
          question: 'How do agents search tickets and customers search the knowledge base, and how does search stay inside one tenant?',
          context: 'Agents search tickets all day and customers search the knowledge base before filing tickets; every search index is one more place where one tenant\'s data can show up in another\'s results.',
          after: ['database', 'tenancy'],
          owner: { label: 'Module that alone talks to the search service', help: 'Leave empty when search stays in the database.' },
          options: [
            {
              id: 'postgres-fts',
              label: 'PostgreSQL full-text search',
              pros: ['no extra service', 'the tenant filter is the same as everywhere else'],
              cons: ['basic relevance, no typo tolerance', 'heavy searches load the main database'],
              when: 'PostgreSQL with moderate data per tenant.',
              consequences: {
                good: ['results are always consistent with the data: no index to lag behind'],
                bad: ['text search configurations per language, and ranking, are ours to tune'],
              },
            },
            {
              id: 'search-engine',
              label: 'Elasticsearch or OpenSearch',
              pros: ['relevance, facets and typo tolerance', 'scales apart from the database'],
              cons: ['a cluster to run', 'an indexing pipeline that can lag or drift from the data'],
              when: 'Large tenants, or search as a selling point.',
              packages: ['@elastic/elasticsearch', '@opensearch-project/opensearch'],
              consequences: {
                good: ['search load leaves the database'],
                bad: ['every index document carries the tenant, and every query filters on it'],
              },
            },
            {
              id: 'hosted-search',
              label: 'Hosted search (Algolia, Typesense, Meilisearch)',
              pros: ['fast, typo-tolerant search without operations'],
              cons: ['per-record and per-search pricing', 'tenant data copied to a third party'],
              when: 'Public knowledge-base search with a small team.',
              packages: ['algoliasearch', 'typesense', 'meilisearch'],
              consequences: {
                good: ['search quality without a search team'],
                bad: ['a sub-processor holds tenant data, which customers\' security reviews will ask about'],
              },
            },
          ],
        },
      ],
    },
  ],
};
