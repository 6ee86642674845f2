// Well-known vendors and the names their SDKs are imported by (npm package names and Python
// top-level modules), so "buy Stripe, behind Billing" becomes `packages.only_in` without the
// user looking the names up. A vendor not listed here: the user types the packages.
// Only the vendor's own SDKs are listed: a general SDK (boto3, the whole of AWS for Python)
// would confine every other use of it to the same module.

export interface KnownVendor {
  /** How users write the vendor, lower case; the first is its display name's form. */
  names: string[];
  packages: string[];
}

export const KNOWN_VENDORS: KnownVendor[] = [
  { names: ['stripe'], packages: ['stripe', '@stripe/stripe-js', '@stripe/react-stripe-js'] },
  { names: ['paddle'], packages: ['@paddle/paddle-node-sdk', '@paddle/paddle-js', 'paddle_billing'] },
  { names: ['postmark'], packages: ['postmark', 'postmarker'] },
  { names: ['sendgrid', 'twilio sendgrid'], packages: ['@sendgrid/mail', 'sendgrid'] },
  { names: ['resend'], packages: ['resend'] },
  { names: ['mailgun'], packages: ['mailgun.js', 'mailgun'] },
  { names: ['twilio'], packages: ['twilio'] },
  { names: ['openai'], packages: ['openai'] },
  { names: ['anthropic'], packages: ['@anthropic-ai/sdk', 'anthropic'] },
  { names: ['clerk'], packages: ['@clerk/nextjs', '@clerk/backend', '@clerk/clerk-react', '@clerk/clerk-js', 'clerk_backend_api'] },
  { names: ['auth0'], packages: ['@auth0/nextjs-auth0', '@auth0/auth0-react', 'auth0'] },
  { names: ['amazon s3', 's3', 'aws s3'], packages: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner', '@aws-sdk/lib-storage'] },
  { names: ['google cloud storage', 'gcs'], packages: ['@google-cloud/storage'] },
  { names: ['azure blob storage'], packages: ['@azure/storage-blob'] },
  { names: ['github'], packages: ['octokit', '@octokit/rest', '@octokit/app', '@octokit/webhooks', 'passport-github2', 'github'] },
  { names: ['gitlab'], packages: ['@gitbeaker/rest', 'passport-gitlab2', 'gitlab'] },
  { names: ['algolia'], packages: ['algoliasearch'] },
  { names: ['sentry'], packages: ['@sentry/node', '@sentry/nextjs', '@sentry/react', 'sentry_sdk'] },
];

/** Splits "OpenAI/Anthropic" or "GitHub, GitLab and Bitbucket OAuth" into vendor names. */
function vendorParts(vendor: string): string[] {
  return vendor
    .split(/\s*(?:\/|,|\+|&|\band\b|\bor\b)\s*/i)
    .map((p) => p.trim().toLowerCase().replace(/\s+(oauth|api|sdk|apis)$/, '').trim())
    .filter((p) => p !== '');
}

export interface VendorPackages {
  packages: string[];
  /** The parts of the vendor answer no known vendor matched. */
  unknown: string[];
}

/** The SDK packages of every vendor named in `vendor`, and the names the list does not know. */
export function vendorPackages(vendor: string): VendorPackages {
  const packages: string[] = [];
  const unknown: string[] = [];
  for (const part of vendorParts(vendor)) {
    const known = KNOWN_VENDORS.find((v) => v.names.includes(part));
    if (!known) unknown.push(part);
    else for (const p of known.packages) if (!packages.includes(p)) packages.push(p);
  }
  return { packages, unknown };
}
