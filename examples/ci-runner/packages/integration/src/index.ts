import { bitbucketClient } from './providers/bitbucket';
import { githubClient } from './providers/github';
import { gitlabClient } from './providers/gitlab';
import type { CodeHostClient, ProviderName } from './provider';

export type { CodeHostClient, ProviderName, RepositoryInfo } from './provider';
export type { CheckoutCredentials } from './credentials';
export { usernameFor } from './credentials';
export { accessTokenFor, authorizeUrl, completeOAuth } from './oauth';
export { verifyWebhook } from './webhook-signature';
export { setLocalPassword, verifyLocalPassword } from './local-login';

export function codeHostClient(provider: ProviderName, accessToken: string): CodeHostClient {
  switch (provider) {
    case 'github':
      return githubClient(accessToken);
    case 'gitlab':
      return gitlabClient(accessToken);
    case 'bitbucket':
      return bitbucketClient(accessToken);
  }
}
