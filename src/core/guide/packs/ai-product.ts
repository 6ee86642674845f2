// AI product: what an architect asks about a product whose core is calls to model APIs
// that cost money per token, change under it, and see whatever users paste.
// Grounded in the seed's AI writing assistant (browser extension + web app, FastAPI backend).

import type { GuidePack } from '../types';

export const AI_PRODUCT_PACK: GuidePack = {
  id: 'ai-product',
  label: 'AI product',
  when: 'Generation by language models is the product: writing, chat, summarising, coding assistants.',
  steps: [
    {
      id: 'models',
      title: 'Models and prompts',
      icon: 'sparkle',
      intro: 'The model provider is the biggest dependency and cost, prompts are product logic written in English, and output quality needs a measure before users notice a change.',
      decisions: [
        {
          field: 'modelProvider',
          label: 'Model providers',
          area: 'model provider',
          question: 'Which model APIs does the product call, through what, and what happens when a provider is down, changes a model or its price?',
          context: 'Providers deprecate models, change prices and have outages; how the code reaches them decides how painful each of those is.',
          drivers: ['switch or add a provider without touching product code', 'one place that knows model names and prices'],
          owner: { label: 'Module that alone calls the model APIs', help: 'The provider SDKs are flagged anywhere else.' },
          options: [
            {
              id: 'own-adapter',
              label: 'Official SDKs behind our own interface',
              pros: ['provider SDKs (OpenAI, Anthropic) used as documented, in one module', 'fallback to a second provider', 'model names and prices in one place'],
              cons: ['an adapter per provider to keep current'],
              when: 'Two or more providers, or one with a fallback.',
              packages: ['openai', 'anthropic', '@anthropic-ai/sdk'],
              consequences: {
                good: ['a provider outage or model deprecation is a change in one module'],
                bad: ['features only one provider has (tool use, prompt caching) need a way through the interface or stay unused'],
              },
            },
            {
              id: 'framework',
              label: 'An LLM framework (LangChain, LlamaIndex)',
              pros: ['chains, retrieval and many providers out of the box'],
              cons: ['a large, fast-moving layer between us and the API', 'debugging through its abstractions'],
              when: 'Retrieval-heavy products that use much of the framework.',
              packages: ['langchain', 'langchain_core', 'langchain_openai', 'langchain_anthropic', 'llama_index', '@langchain/core'],
              consequences: {
                good: ['retrieval and agents without writing them'],
                bad: ['framework upgrades break prompts and parsing in ways tests rarely catch'],
              },
            },
            {
              id: 'gateway',
              label: 'A model gateway (LiteLLM, OpenRouter)',
              pros: ['one API for many models', 'keys, budgets and fallbacks in one place'],
              cons: ['another hop, service or vendor in every request', 'the lowest common denominator of features'],
              when: 'Many models, or routing by price and quality.',
              packages: ['litellm'],
              consequences: {
                good: ['a new model is a configuration change'],
                bad: ['the gateway sees every prompt and is in the path of every generation'],
              },
            },
            {
              id: 'single-sdk',
              label: 'One provider\'s SDK wherever needed',
              pros: ['the least code'],
              cons: ['model names and prompts spread through the code', 'switching provider is a rewrite'],
              when: 'A prototype.',
              packages: ['openai'],
              consequences: {
                good: ['nothing between the code and the API'],
                bad: ['cost and usage cannot be measured in one place'],
              },
            },
          ],
        },
        {
          field: 'promptVersioning',
          label: 'Prompt versioning',
          area: 'prompts',
          question: 'Where do prompts live, who may change them, and can every generation say which prompt version produced it?',
          context: 'A one-word change to a prompt shifts every output; without versions, a quality regression cannot be traced to the change that caused it.',
          after: ['modelProvider'],
          options: [
            {
              id: 'in-repo',
              label: 'Prompt files in the repository',
              pros: ['reviewed, evaluated and released with the code that uses them', 'history in git'],
              cons: ['a deploy for every prompt change'],
              when: 'Engineers own the prompts.',
              consequences: {
                good: ['the release version identifies the prompt'],
                bad: ['product people need an engineer for every wording change'],
              },
            },
            {
              id: 'in-database',
              label: 'Versioned prompt rows in the database',
              pros: ['edited in an admin screen: prompts change without a deploy', 'roll back to a version at once'],
              cons: ['changes skip code review and evaluation unless the admin screen runs them'],
              when: 'Prompts tuned often by non-engineers, or templates users save.',
              consequences: {
                good: ['each generation stores the template version it used'],
                bad: ['a change is a new version, never an edit in place, or the history is lost'],
              },
            },
            {
              id: 'prompt-platform',
              label: 'A prompt platform (Langfuse, PromptLayer)',
              pros: ['versions, playground, traces and evaluations together'],
              cons: ['prompts fetched from a vendor at run time, or cached', 'another vendor sees every prompt and output'],
              when: 'A team iterating on many prompts with traces.',
              packages: ['langfuse', 'promptlayer', 'humanloop'],
              consequences: {
                good: ['traces link each output to its prompt version'],
                bad: ['generation depends on the platform being reachable, or on a cache of its prompts'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm that every stored generation carries the prompt version that produced it.',
            reviewMonths: 12,
          },
        },
        {
          field: 'evaluation',
          label: 'Evaluation',
          area: 'evaluation',
          question: 'How does the team know a prompt or model change made outputs better, not worse, before users do?',
          context: 'Prompt and model changes are the most frequent changes to output quality, and unit tests cannot judge prose.',
          after: ['promptVersioning', 'modelProvider'],
          options: [
            {
              id: 'golden-set',
              label: 'A golden set run on every change',
              pros: ['graded expectations on a versioned set of inputs catch regressions before release', 'a model upgrade becomes a measured decision'],
              cons: ['the set must be curated and goes stale', 'model-graded scores cost tokens and need spot checks'],
              when: 'Products whose quality is the selling point.',
              consequences: {
                good: ['every prompt or model change ships with a score against the last one'],
                bad: ['someone owns the evaluation set and adds every reported bad output to it'],
              },
            },
            {
              id: 'online-feedback',
              label: 'Ratings and A/B tests in production',
              pros: ['measures what users value'],
              cons: ['users see the regressions first', 'needs traffic for significance'],
              when: 'High traffic and a low cost of a bad output.',
              consequences: {
                good: ['quality is measured on real use'],
                bad: ['a bad change is live until enough ratings arrive'],
              },
            },
            {
              id: 'manual',
              label: 'Spot checks by hand',
              pros: ['no setup'],
              cons: ['regressions slip through', 'no record of why a change shipped'],
              when: 'A prototype.',
              consequences: {
                good: ['nothing to maintain'],
                bad: ['model upgrades are leaps of faith'],
              },
            },
          ],
          unchecked: {
            confirm: 'evaluation runs in CI, not in the product\'s imports. Confirm that the evaluation job runs whenever a prompt or the model setting changes, and that its scores are kept with the release.',
            reviewMonths: 6,
          },
        },
      ],
    },
    {
      id: 'usage',
      title: 'Usage, limits and streaming',
      icon: 'dashboard',
      intro: 'Every generation costs money at the provider and takes seconds: usage must be measured and limited before the call, and text should appear as it is generated.',
      decisions: [
        {
          field: 'usageMetering',
          label: 'Usage metering',
          area: 'usage metering',
          question: 'What usage is measured (requests, tokens, cost), where, and is it checked against the plan before or after the model call?',
          context: 'Usage must be measured where it happens, attributed to a user and plan, and checked before the call, or one free user can run up the provider bill.',
          after: ['modelProvider'],
          options: [
            {
              id: 'tokens-per-request',
              label: 'Tokens per request, checked before the call',
              pros: ['the provider\'s token usage per request, priced per model: usage equals cost', 'plans in tokens or credits'],
              cons: ['a price table per model to keep current', 'streamed responses report usage only at the end'],
              when: 'Usage-based or credit plans.',
              consequences: {
                good: ['margins per plan are visible from the usage records'],
                bad: ['a request reserves an estimate against the limit before the call and settles after, so concurrent requests cannot overspend'],
              },
            },
            {
              id: 'request-count',
              label: 'Generations counted per period',
              pros: ['easy for users to understand'],
              cons: ['a long generation costs as much as many short ones'],
              when: 'Flat plans with generous limits.',
              consequences: {
                good: ['one counter per user'],
                bad: ['cost per plan is unknown until the provider\'s invoice'],
              },
            },
            {
              id: 'provider-dashboard',
              label: 'The provider\'s dashboard only',
              pros: ['nothing to build'],
              cons: ['no per-user attribution or limits'],
              when: 'Internal tools.',
              consequences: {
                good: ['no metering code'],
                bad: ['no plan limits can be enforced'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a test that a user over the plan limit is refused before any model call, and that a month of usage records matches the provider\'s invoice within a few percent.',
            reviewMonths: 12,
          },
        },
        {
          field: 'rateLimits',
          label: 'Rate limits',
          area: 'rate limits',
          question: 'What protects the provider quota and the budget from one user, one script or one runaway extension install?',
          context: 'Provider rate limits are per API key and shared by every user: one user looping a request can exhaust the quota for all, and provider 429s arrive in bursts.',
          after: ['usageMetering', 'queue'],
          options: [
            {
              id: 'token-bucket',
              label: 'Token buckets per user and plan',
              pros: ['with a concurrency cap per provider key and backoff with jitter on 429, one user cannot starve the rest', 'bursts are smoothed against the provider limit'],
              cons: ['limits to tune per plan', 'a shared store (Redis) on the path of every request'],
              when: 'A shared provider key behind many users.',
              consequences: {
                good: ['a runaway client gets 429s while everyone else keeps working'],
                bad: ['limits live in Redis, so a Redis outage must fail closed for generation or the budget is unprotected'],
              },
            },
            {
              id: 'gateway-limits',
              label: 'Limits at the API gateway',
              pros: ['no application code'],
              cons: ['IPs and keys are not users or plans', 'nothing protects the provider quota'],
              when: 'A public API with API keys.',
              consequences: {
                good: ['abusive traffic stops before the application'],
                bad: ['plan limits still need application code'],
              },
            },
            {
              id: 'provider-only',
              label: 'The provider\'s limits only',
              pros: ['nothing to build'],
              cons: ['one user can exhaust the quota for everyone'],
              when: 'An internal tool with a handful of users.',
              consequences: {
                good: ['no limiter to run'],
                bad: ['an outage caused by one user looks like a provider outage to all'],
              },
            },
          ],
          unchecked: {
            confirm: 'Confirm with a load test that one user over their limit gets 429s while other users still get answers.',
            reviewMonths: 12,
          },
        },
        {
          field: 'streaming',
          label: 'Streaming responses',
          area: 'streaming',
          question: 'Do users see text as it is generated, over what transport, and what happens when they close the tab or press stop?',
          context: 'Generations take seconds to tens of seconds and streaming makes the product feel fast; the transport must work in every client, and a stop must also stop the provider call and its cost.',
          after: ['modelProvider', 'queue'],
          options: [
            {
              id: 'sse',
              label: 'Server-Sent Events',
              pros: ['relays the provider\'s stream over plain HTTP: works through proxies and in browser extensions', 'simple to cancel'],
              cons: ['one direction only', 'one open request per generation on the API servers'],
              when: 'Text generation to browsers.',
              packages: ['sse_starlette'],
              consequences: {
                good: ['closing the stream cancels the upstream provider request, so a stopped generation stops costing'],
                bad: ['API workers must be async so open streams do not exhaust them'],
              },
            },
            {
              id: 'websocket',
              label: 'A WebSocket per client',
              pros: ['two-way: stop, edits and presence over one connection'],
              cons: ['stateful connections, harder through proxies and to scale'],
              when: 'Interactive, collaborative editing.',
              packages: ['websockets', 'socketio', 'socket.io'],
              consequences: {
                good: ['one connection carries every interaction'],
                bad: ['deploys drop connections, and clients must resume generations in flight'],
              },
            },
            {
              id: 'no-streaming',
              label: 'No streaming: a job and polling',
              pros: ['the simplest server', 'survives a closed tab'],
              cons: ['users wait for the whole text'],
              when: 'Long batch generations (whole documents, exports).',
              consequences: {
                good: ['generations run in workers with retries'],
                bad: ['the product feels slow for anything interactive'],
              },
            },
          ],
        },
      ],
    },
    {
      id: 'user-data',
      title: 'Personal data',
      icon: 'eye-closed',
      intro: 'Users paste emails, contracts and their customers\' data into prompts, and everything in a prompt goes to a third party.',
      decisions: [
        {
          field: 'piiHandling',
          label: 'Personal data in prompts',
          area: 'pii',
          question: 'What personal data may leave for the model provider, what is kept with prompts and outputs, and may providers train on it?',
          context: 'Everything in a prompt reaches the provider and often our logs, so this decides the product\'s privacy promise and the answer to every security questionnaire.',
          after: ['modelProvider'],
          options: [
            {
              id: 'redact-and-zero-retention',
              label: 'Redaction plus zero-retention terms',
              pros: ['detected personal data is redacted before the call: the least leaves', 'a strong answer to security reviews'],
              cons: ['redaction misses things and can hurt output quality', 'zero-retention terms depend on the provider and plan'],
              when: 'Business users and their customers\' data.',
              consequences: {
                good: ['a provider breach exposes little personal data'],
                bad: ['a redaction step on every prompt, with its false negatives tracked'],
              },
            },
            {
              id: 'contract-only',
              label: 'No-training terms, no prompt text in our logs',
              pros: ['the best output quality', 'little to build'],
              cons: ['whatever users paste reaches the provider'],
              when: 'Consumer writing help where users choose what to paste.',
              consequences: {
                good: ['the privacy promise is simple to state: no training, no prompt text in our logs'],
                bad: ['business customers will ask for redaction or zero retention before signing'],
              },
            },
            {
              id: 'no-controls',
              label: 'No special handling',
              pros: ['nothing to do'],
              cons: ['provider defaults may retain and train on user content', 'fails any security review'],
              when: 'Never with real users.',
              consequences: {
                good: ['no work now'],
                bad: ['user content may end up in a provider\'s training data'],
              },
            },
          ],
          unchecked: {
            confirm: 'data handling is contracts and logging, not imports. Confirm the provider agreements (no training, retention period), and with a test that request logs hold no prompt or output text.',
            reviewMonths: 6,
          },
        },
      ],
    },
  ],
};
