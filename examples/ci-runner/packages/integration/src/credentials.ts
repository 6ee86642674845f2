import type { ProviderName } from './provider';

/** What the agent receives with a job to clone the repository; never stored. */
export interface CheckoutCredentials {
  provider: ProviderName;
  cloneUrl: string;
  username: 'x-access-token' | 'oauth2' | 'x-token-auth';
  token: string;
  expiresAt: string;
}

export function usernameFor(provider: ProviderName): CheckoutCredentials['username'] {
  switch (provider) {
    case 'github':
      return 'x-access-token';
    case 'gitlab':
      return 'oauth2';
    case 'bitbucket':
      return 'x-token-auth';
  }
}
