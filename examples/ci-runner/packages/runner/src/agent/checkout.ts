import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CheckoutCredentials } from '@ci/integration';

const run = promisify(execFile);

const USERNAME: Record<CheckoutCredentials['provider'], CheckoutCredentials['username']> = {
  github: 'x-access-token',
  gitlab: 'oauth2',
  bitbucket: 'x-token-auth',
};

/** Clones exactly one commit into `dir` with the job's short-lived token. */
export async function checkout(provider: CheckoutCredentials['provider'], cloneUrl: string, token: string, sha: string, dir: string): Promise<void> {
  const url = new URL(cloneUrl);
  url.username = USERNAME[provider];
  url.password = token;
  await run('git', ['init', '--quiet', dir]);
  await run('git', ['-C', dir, 'fetch', '--quiet', '--depth=1', url.toString(), sha]);
  await run('git', ['-C', dir, 'checkout', '--quiet', 'FETCH_HEAD']);
}
