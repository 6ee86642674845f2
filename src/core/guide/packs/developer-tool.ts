// Developer tool / CI-CD platform: what an architect asks about a product that runs
// customers' build scripts with their secrets on runners it does not fully control.
// Grounded in the seed's CI/CD pipeline runner (managed CI/CD with self-hosted runners).

import type { GuidePack } from '../types';

export const DEVELOPER_TOOL_PACK: GuidePack = {
  id: 'developer-tool',
  label: 'Developer tool / CI-CD platform',
  when: 'Runs customers\' code or pipelines: CI/CD, build runners, deploy tools, agents on customer machines.',
  steps: [
    {
      id: 'runners',
      title: 'Runners and isolation',
      icon: 'vm',
      intro: 'A job runs arbitrary build scripts with the repository\'s secrets. Who may run it, where, and what stands between one job and the next are the product\'s security model.',
      decisions: [
        {
          field: 'runnerTenancy',
          label: 'Runner registration',
          area: 'runner registration',
          question: 'How does a runner join, whose jobs may it take, and how does it prove who it is on every call?',
          context: 'Runners run on machines the product does not control and take jobs that carry source code and secrets; how a runner registers decides which organisation\'s jobs it can ever see.',
          after: ['tenancy'],
          drivers: ['a runner never sees another organisation\'s jobs', 'registration a customer can automate'],
          options: [
            {
              id: 'org-scoped',
              label: 'Runners scoped to one organisation',
              pros: ['registered with a one-time token, then a per-runner credential: a stolen credential exposes one organisation', 'customers label runners and route jobs by label'],
              cons: ['every organisation runs or rents its own runners'],
              when: 'Self-hosted runners on customers\' machines.',
              consequences: {
                good: ['the scheduler filters every job claim by the runner\'s organisation, so a runner cannot be handed a foreign job'],
                bad: ['registration tokens must be short-lived and single-use, and runner credentials revocable from the dashboard'],
              },
            },
            {
              id: 'shared-pool',
              label: 'A shared pool of our hosted runners',
              pros: ['nothing for customers to install', 'high utilisation of our machines'],
              cons: ['one runner runs many organisations\' code, so isolation must hold per job', 'we pay for the compute'],
              when: 'Hosted runners sold as a service, with strong per-job isolation.',
              consequences: {
                good: ['a new customer builds within minutes of signing up'],
                bad: ['every job needs a fresh sandbox and a scrubbed machine: the next job may be a competitor\'s'],
              },
            },
            {
              id: 'project-scoped',
              label: 'Runners scoped to one project',
              pros: ['finest scope: a runner sees one repository'],
              cons: ['many runners to register and upgrade', 'idle capacity per project'],
              when: 'Regulated customers who want a runner per repository.',
              consequences: {
                good: ['a compromised runner exposes one repository'],
                bad: ['large organisations register and patch hundreds of runners'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test of the job-claim endpoint: a runner of one organisation is never handed another organisation\'s job, and a revoked runner credential is refused.',
            reviewMonths: 6,
          },
        },
        {
          field: 'jobIsolation',
          label: 'Job isolation',
          area: 'job isolation',
          question: 'What stands between one job and the next on the same machine, and between a job and the runner host?',
          context: 'A job runs arbitrary build scripts with the repository\'s secrets; whatever it leaves behind or can reach on the host, the next job (perhaps another organisation\'s) can see.',
          after: ['runnerTenancy'],
          drivers: ['no files, processes or credentials survive from one job to the next', 'fast job start'],
          options: [
            {
              id: 'container',
              label: 'A fresh container per job',
              pros: ['starts in seconds', 'image layer caches keep it cheap'],
              cons: ['shared kernel: a container escape reaches the host and its other jobs', 'Docker-in-Docker builds need privileged mode, which removes most of the isolation'],
              when: 'Trusted code on runners the customer owns: their own repositories on their own machines.',
              consequences: {
                good: ['each job starts from a clean filesystem and its own network namespace'],
                bad: ['jobs that build images need rootless BuildKit or a remote builder, never the host\'s Docker socket'],
              },
            },
            {
              id: 'microvm',
              label: 'A microVM per job (Firecracker)',
              pros: ['its own kernel: an escape stays inside the VM', 'boots in about a second'],
              cons: ['needs KVM: bare metal or nested virtualisation', 'VM images and a rootfs pipeline to build and patch'],
              when: 'Hosted runners that run untrusted code from many organisations.',
              consequences: {
                good: ['safe enough for fork pull requests and several organisations on one host'],
                bad: ['an image pipeline and a KVM-capable fleet become part of the product'],
              },
            },
            {
              id: 'vm',
              label: 'An ephemeral VM per job',
              pros: ['the strongest, most familiar isolation', 'any tooling a job needs'],
              cons: ['30-90 s to boot', 'per-minute cloud cost and warm pools to tune'],
              when: 'Few, long jobs, or customers who require a dedicated machine per build.',
              consequences: {
                good: ['jobs share nothing but the network'],
                bad: ['queue time grows by the boot time unless warm pools are kept, and paid for'],
              },
            },
            {
              id: 'host-shell',
              label: 'Shell executor on the runner host',
              pros: ['simplest and fastest', 'uses the tools installed on the host'],
              cons: ['jobs see each other\'s files, caches and credentials', 'nothing cleans up after a job'],
              when: 'One team\'s dedicated runner that only ever runs that team\'s reviewed code.',
              consequences: {
                good: ['no container or VM tooling to support'],
                bad: ['the runner must never take jobs from fork pull requests or from other teams'],
              },
            },
          ],
          unchecked: {
            confirm: 'isolation is how the agent launches jobs and how runners are provisioned, not what the code imports. Confirm in the agent\'s executor configuration and the runner images, and with a test job that tries to read the previous job\'s workspace and the host\'s files.',
            reviewMonths: 6,
          },
        },
        {
          field: 'untrustedCode',
          label: 'Fork pull requests',
          area: 'untrusted code',
          question: 'When a pull request comes from a fork or an outside contributor, does it build, where, and with which secrets?',
          context: 'A pull request from a fork runs code nobody on the team reviewed; built with the repository\'s secrets or on a persistent runner, it can read the secrets or plant something on the machine.',
          after: ['jobIsolation'],
          options: [
            {
              id: 'no-secrets',
              label: 'Build forks without secrets, on ephemeral runners',
              pros: ['contributors get CI feedback', 'nothing valuable to steal'],
              cons: ['jobs that need secrets (deploys, integration tests) do not run for forks'],
              when: 'Open-source or inner-source projects that accept outside contributions.',
              consequences: {
                good: ['a fork\'s job gets a read-only token and an empty secrets list'],
                bad: ['the scheduler must know where a pull request came from and never route it to a persistent runner'],
              },
            },
            {
              id: 'approval',
              label: 'Build forks after a maintainer approves',
              pros: ['a person looks before code runs', 'an approved run may get secrets'],
              cons: ['slower feedback', 'approval fatigue turns the check into a formality'],
              when: 'Private repositories with occasional outside contributors.',
              consequences: {
                good: ['no unreviewed code runs at all'],
                bad: ['an approved run with secrets is only as safe as the review of its diff, including changes to the pipeline file'],
              },
            },
            {
              id: 'never',
              label: 'Never build forks',
              pros: ['nothing untrusted ever runs'],
              cons: ['outside contributors get no CI'],
              when: 'Closed-source teams with no outside contributors.',
              consequences: {
                good: ['the attack surface is the team\'s own code'],
                bad: ['open-source projects cannot use the product'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a scheduler test: a job from a fork pull request gets no secrets and a read-only token, and is never offered to a persistent self-hosted runner.',
            reviewMonths: 6,
          },
        },
      ],
    },
    {
      id: 'job-queue',
      title: 'Job queue',
      icon: 'list-ordered',
      intro: 'How jobs reach runners and in what order: whether a job can be lost, run twice, or keep running after it was cancelled, and whether one customer can starve the rest.',
      decisions: [
        {
          field: 'jobDispatch',
          label: 'Job dispatch',
          area: 'job dispatch',
          question: 'How does a job reach a runner, and what happens when the runner dies, the job is retried or the user cancels it?',
          context: 'Runners sit behind customers\' firewalls, drop offline mid-job and get restarted; the dispatch protocol decides whether a job can be lost, run twice, or keep running after it was cancelled.',
          after: ['queue', 'runnerTenancy'],
          drivers: ['no lost jobs', 'outbound-only connections from customer networks', 'cancel within seconds'],
          options: [
            {
              id: 'lease-poll',
              label: 'Long-poll with leases and heartbeats',
              pros: ['outbound HTTPS only: works behind firewalls and proxies', 'a dead runner\'s lease expires and the job is offered again'],
              cons: ['at least once: after a partition a job can run twice', 'heartbeat traffic from every busy runner'],
              when: 'Self-hosted runners in customers\' networks.',
              consequences: {
                good: ['the queue stays inside the server: a runner holds only its API credential', 'cancellation rides on the heartbeat reply, so a cancelled job stops within one heartbeat interval'],
                bad: ['every attempt gets its own id, and steps that deploy must be idempotent or check the attempt', 'lease length and heartbeat interval must be tuned against long silent steps'],
              },
            },
            {
              id: 'push-stream',
              label: 'Server push over a persistent connection',
              pros: ['lowest latency to start a job', 'instant cancellation'],
              cons: ['long-lived connections through customer proxies drop often', 'the server keeps per-connection state of which runner holds which job'],
              when: 'Hosted runners inside our own network.',
              consequences: {
                good: ['a job starts as soon as a runner is free'],
                bad: ['both sides need reconnect-and-resume logic, or a dropped connection loses the job'],
              },
            },
            {
              id: 'broker-direct',
              label: 'Runners read the broker directly',
              pros: ['no dispatch code of our own', 'the broker\'s acknowledgements and retries'],
              cons: ['every runner holds broker credentials on a customer\'s machine', 'tenancy and fairness are whatever the broker\'s queues give'],
              when: 'Internal runners only, never on machines outside our network.',
              consequences: {
                good: ['the least code to write'],
                bad: ['a customer\'s runner can read or poison other organisations\' jobs unless each organisation gets its own queue and credentials'],
              },
            },
          ],
          unchecked: {
            confirm: 'the protocol is behaviour, not imports. Confirm with tests of the runner API: an expired lease offers the job again with a new attempt number, a cancelled job\'s next heartbeat reply says stop, and one job id never runs twice at once.',
            reviewMonths: 6,
          },
        },
        {
          field: 'jobFairness',
          label: 'Fairness between organisations',
          area: 'job scheduling',
          question: 'When many organisations queue jobs at once, who runs first, and what stops one of them from starving the rest?',
          context: 'The scheduler, and any hosted capacity, is shared: one organisation pushing a monorepo with 500 jobs must not hold up everyone else\'s builds.',
          after: ['jobDispatch', 'runnerTenancy'],
          options: [
            {
              id: 'per-org-limits',
              label: 'Per-organisation limits, round robin',
              pros: ['no organisation can starve another', 'limits map onto pricing plans'],
              cons: ['a scheduler of our own to build and test'],
              when: 'Many organisations sharing hosted capacity or one scheduler.',
              consequences: {
                good: ['a small team\'s queue time stays flat when a big one floods the queue'],
                bad: ['the scheduler keeps per-organisation running counts that must survive restarts'],
              },
            },
            {
              id: 'fifo',
              label: 'First in, first out per runner pool',
              pros: ['simplest', 'predictable order'],
              cons: ['one busy organisation delays everyone who shares the pool'],
              when: 'Each organisation\'s runners serve only its own jobs, so pools are never shared.',
              consequences: {
                good: ['no scheduling logic beyond the queue'],
                bad: ['hosted, shared capacity needs a fairness model retrofitted before it launches'],
              },
            },
            {
              id: 'priority',
              label: 'Priority by plan',
              pros: ['paying customers get faster builds'],
              cons: ['free-tier jobs starve under load'],
              when: 'A freemium product where queue time is a selling point.',
              consequences: {
                good: ['queue time becomes a plan feature'],
                bad: ['low priorities need ageing or reserved capacity, or they never run at peak'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a scheduler test: while one organisation queues hundreds of jobs, another organisation\'s job still starts within its plan\'s limit.',
            reviewMonths: 12,
          },
        },
      ],
    },
    {
      id: 'logs-artifacts',
      title: 'Logs, artifacts and caches',
      icon: 'output',
      intro: 'Logs stream while a job runs and are read months later; artifacts and caches are the largest storage bill and a data-protection promise.',
      decisions: [
        {
          field: 'logStorage',
          label: 'Build logs',
          area: 'build logs',
          question: 'How do logs get from the runner to the browser while a job runs, and where do they live afterwards?',
          context: 'Users watch logs live and open old ones months later; logs are large, append-only, and may hold secrets the masking missed.',
          after: ['fileStorage'],
          options: [
            {
              id: 'chunks-to-object-storage',
              label: 'Streamed chunks, archived to object storage',
              pros: ['the runner uploads chunks: live logs within a second or two from a short buffer', 'finished logs archived to object storage', 'the database keeps pointers only; logs cost object-storage prices'],
              cons: ['two paths to keep consistent: the live buffer and the archive'],
              when: 'More than a handful of builds a day.',
              consequences: {
                good: ['log volume never bloats the database', 'old logs expire with the same lifecycle rules as artifacts'],
                bad: ['chunks carry sequence numbers so a retried upload never duplicates or reorders lines'],
              },
            },
            {
              id: 'database-rows',
              label: 'Log lines in the database',
              pros: ['one store, simple queries'],
              cons: ['logs dwarf the rest of the data', 'vacuum and backups slow down'],
              when: 'A prototype with a few builds a day.',
              consequences: {
                good: ['nothing but the database to run'],
                bad: ['moving logs out later is a migration of the largest table'],
              },
            },
            {
              id: 'log-platform',
              label: 'A log platform (Elasticsearch, CloudWatch)',
              pros: ['search across logs', 'retention handled by the platform'],
              cons: ['per-GB ingestion cost', 'tenant isolation of logs becomes the platform\'s query filters'],
              when: 'Customers need to search their build logs.',
              packages: ['@elastic/elasticsearch', '@aws-sdk/client-cloudwatch-logs'],
              consequences: {
                good: ['full-text search of logs without building it'],
                bad: ['every log query must carry the organisation filter, or one customer reads another\'s logs'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test that a finished job\'s log is in object storage and that a chunk uploaded twice appears once.',
            reviewMonths: 12,
          },
        },
        {
          field: 'artifactRetention',
          label: 'Artifact and cache retention',
          area: 'artifact retention',
          question: 'How long are artifacts, caches and logs kept, who pays for the storage, and what deletes them?',
          context: 'Artifacts and caches grow with every build and are the largest storage bill; retention is also a data-protection promise: a deleted project\'s artifacts must go.',
          after: ['fileStorage', 'logStorage'],
          options: [
            {
              id: 'lifecycle-by-plan',
              label: 'Lifecycle rules per plan',
              pros: ['storage deletes expired objects itself', 'cost follows the plan', 'caches capped per project, least recently used evicted'],
              cons: ['rules match key prefixes, so the key layout is fixed early'],
              when: 'Object storage with lifecycle rules.',
              consequences: {
                good: ['no sweeper job to keep alive'],
                bad: ['object keys start with organisation and retention class (org/<id>/30d/...) so the rules can match them'],
              },
            },
            {
              id: 'sweeper',
              label: 'A scheduled sweeper',
              pros: ['any retention logic, per project'],
              cons: ['a sweeper that silently stops means unbounded storage'],
              when: 'Retention rules finer than key prefixes can express.',
              consequences: {
                good: ['retention can change per project without moving objects'],
                bad: ['the sweeper needs monitoring and must page through millions of objects'],
              },
            },
            {
              id: 'keep-forever',
              label: 'Keep until deleted',
              pros: ['nothing is ever lost'],
              cons: ['storage cost grows without bound', 'deleted projects leave data behind'],
              when: 'One team\'s internal runner; never a multi-tenant service.',
              consequences: {
                good: ['no retention logic'],
                bad: ['storage becomes the fastest-growing cost line'],
              },
            },
          ],
          unchecked: {
            confirm: 'retention lives in the bucket configuration. Confirm in the infrastructure code that the buckets carry the lifecycle rules, and with a test that deleting a project deletes its artifacts.',
            reviewMonths: 12,
          },
        },
      ],
    },
    {
      id: 'secrets',
      title: 'Secrets and cloud access',
      icon: 'lock',
      intro: 'Pipeline secrets are customers\' deploy keys and tokens: the most valuable data the product holds. Where they live, how they reach a job, and whether deploy jobs need long-lived keys at all.',
      decisions: [
        {
          field: 'secretStorage',
          label: 'Secrets',
          area: 'secrets',
          question: 'Where do pipeline secrets live, how do they reach a job, how are they kept out of logs, and who may use which?',
          context: 'Secrets must reach jobs on self-hosted runners without the server logging them and without one project reading another\'s.',
          after: ['runnerTenancy', 'untrustedCode'],
          drivers: ['a database dump alone reveals no secret', 'secrets scoped to project and environment', 'values masked in logs'],
          owner: { label: 'Module that alone may call the key service', help: 'Its SDK is flagged anywhere else.' },
          options: [
            {
              id: 'envelope-kms',
              label: 'Encrypted in the database under KMS keys',
              pros: ['per-organisation data keys wrapped by a cloud KMS, decrypted only at dispatch', 'a database dump alone reveals nothing', 'one store, scoped per project and environment'],
              cons: ['the encryption code path is ours', 'a KMS call on every dispatch'],
              when: 'A managed service that holds customers\' secrets.',
              packages: ['@aws-sdk/client-kms'],
              consequences: {
                good: ['a secret leaves the server only inside the payload of a job allowed to have it'],
                bad: ['the runner masks every secret value in log output before upload, including base64 and split-line forms'],
              },
            },
            {
              id: 'secret-manager',
              label: 'A secret manager (Vault, AWS Secrets Manager)',
              pros: ['the runner fetches secrets with a job-scoped token', 'audited access, rotation built in', 'the server never sees secret values'],
              cons: ['another critical service to run, or pay per secret', 'runners need network access to it'],
              when: 'Customers who already keep their secrets in Vault and want jobs to read them there.',
              packages: ['node-vault', '@aws-sdk/client-secrets-manager'],
              consequences: {
                good: ['revoking a job\'s token cuts its access at once'],
                bad: ['an outage of the secret manager stops every build'],
              },
            },
            {
              id: 'app-key',
              label: 'Encrypted with one application key',
              pros: ['simplest'],
              cons: ['the key plus a dump reveals every customer\'s secrets', 'no per-organisation revocation'],
              when: 'A single team\'s internal tool; never customers\' secrets.',
              consequences: {
                good: ['no extra service'],
                bad: ['one leaked key exposes every organisation at once'],
              },
            },
          ],
          unchecked: {
            confirm: 'masking and scoping are behaviour. Confirm with tests that a secret printed by a job appears masked in the stored log, and that a job of one project cannot read another project\'s secrets.',
            reviewMonths: 6,
          },
        },
        {
          field: 'cloudCredentials',
          label: 'Cloud credentials for deploy jobs',
          area: 'cloud credentials',
          question: 'When a job deploys to AWS, GCP or Azure, does it use a stored long-lived key or a short-lived token we issue (OIDC)?',
          context: 'Deploy jobs need cloud credentials, and long-lived keys stored as pipeline secrets are how CI systems most often leak cloud accounts.',
          after: ['secretStorage'],
          options: [
            {
              id: 'oidc',
              label: 'Short-lived OIDC tokens per job',
              pros: ['the cloud exchanges a signed job identity token for short-lived credentials', 'no long-lived cloud keys stored anywhere', 'cloud-side trust policies can restrict by repository, branch and environment'],
              cons: ['we run an OIDC issuer: signing keys, rotation, a discovery endpoint'],
              when: 'Any product whose pipelines deploy.',
              consequences: {
                good: ['a leaked job token expires within the hour and works only for its repository and branch'],
                bad: ['the token claims (organisation, project, branch, environment) become a public contract customers write policies against'],
              },
            },
            {
              id: 'stored-keys',
              label: 'Stored cloud access keys',
              pros: ['nothing to build', 'works with every cloud and tool'],
              cons: ['long-lived keys leak through logs, forks and copied pipelines'],
              when: 'A first version, with OIDC planned.',
              consequences: {
                good: ['no issuer to run'],
                bad: ['rotation is the customer\'s chore, and a leak is a breach of their cloud account'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm that the issuer\'s discovery document and keys are published and rotated, and with a test that a fork pull request\'s job gets no token.',
            reviewMonths: 12,
          },
        },
      ],
    },
    {
      id: 'source-billing',
      title: 'Source control and billing',
      icon: 'git-pull-request',
      intro: 'How the product reaches repositories and their events, and how build minutes become an invoice.',
      decisions: [
        {
          field: 'scmIntegration',
          label: 'Source control integration',
          area: 'source control',
          question: 'Does the product reach repositories as a GitHub App, as an OAuth app acting for a user, or with tokens customers paste? How are webhooks verified?',
          context: 'The product reads repositories, receives push and pull-request events and posts commit statuses; the integration decides whose permissions builds act with and whether a forged webhook can start a build.',
          after: ['auth'],
          drivers: ['least privilege per repository', 'forged webhooks are rejected', 'access survives the person who connected it leaving'],
          owner: { label: 'Module that alone talks to the source-control provider', help: 'The provider SDKs are flagged anywhere else.' },
          options: [
            {
              id: 'github-app',
              label: 'A GitHub App (and the GitLab, Bitbucket equivalents)',
              pros: ['fine-grained permissions per repository', 'short-lived installation tokens instead of a user\'s token', 'higher API rate limits'],
              cons: ['an installation flow to build', 'one integration per provider'],
              when: 'Any integration with GitHub: GitHub\'s own recommendation.',
              packages: ['@octokit/app', '@octokit/webhooks'],
              consequences: {
                good: ['builds keep working when the person who connected the repository leaves'],
                bad: ['every webhook is verified against its HMAC signature (X-Hub-Signature-256) over the raw body before it is parsed, and deduplicated by delivery id'],
              },
            },
            {
              id: 'oauth-app',
              label: 'An OAuth app acting as the user',
              pros: ['one flow for sign-in and repository access', 'works alike across providers'],
              cons: ['broad scopes on every repository the user can see', 'access breaks when that user leaves'],
              when: 'A prototype, or a provider without an app model.',
              consequences: {
                good: ['no app installation step for customers'],
                bad: ['user tokens with repository scope are stored, and revoking a user breaks the projects they connected'],
              },
            },
            {
              id: 'pasted-tokens',
              label: 'Pasted access tokens or deploy keys',
              pros: ['nothing to build per provider'],
              cons: ['long-lived, over-scoped tokens stored by us', 'webhooks set up by hand, or polling'],
              when: 'Self-hosted source control without an app model.',
              consequences: {
                good: ['works with any Git server'],
                bad: ['a token leak exposes everything its owner can reach'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test that a webhook with a missing or wrong signature is rejected before its body is parsed.',
            reviewMonths: 12,
          },
        },
        {
          field: 'buildBilling',
          label: 'Billing by build minute',
          area: 'build billing',
          question: 'What is billed, where are the minutes measured, and how do they reach the payment provider?',
          context: 'Build minutes are the product\'s unit of value and of cost; whoever measures them controls the invoice, so the measure must be one customers cannot tamper with and support can explain.',
          after: ['runnerTenancy', 'jobDispatch'],
          options: [
            {
              id: 'server-metered',
              label: 'Minutes metered on the server',
              pros: ['measured from lease start to end, so a runner cannot under-report', 'one auditable usage table, reported to the payment provider daily'],
              cons: ['usage reporting and reconciliation jobs to build'],
              when: 'Usage-based pricing.',
              consequences: {
                good: ['an invoice follows from the server\'s job records, which support can show the customer'],
                bad: ['self-hosted and hosted minutes need separate prices, and a retried attempt must not bill twice'],
              },
            },
            {
              id: 'runner-reported',
              label: 'Minutes reported by runners',
              pros: ['simple'],
              cons: ['a customer-controlled machine decides the invoice'],
              when: 'Usage dashboards only, never billing.',
              consequences: {
                good: ['no metering on the server'],
                bad: ['billing trusts numbers a customer can change'],
              },
            },
            {
              id: 'seats-only',
              label: 'Seats only, minutes not billed',
              pros: ['predictable invoices', 'no metering pipeline'],
              cons: ['heavy users of hosted runners cost more than they pay'],
              when: 'Only self-hosted runners, where customers pay for the compute themselves.',
              consequences: {
                good: ['billing is a seat count'],
                bad: ['hosted runners, once added, need metering retrofitted'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test that a job retried after a lost lease is billed once, and that a day\'s usage report equals the sum of that day\'s job durations.',
            reviewMonths: 12,
          },
        },
      ],
    },
  ],
};
