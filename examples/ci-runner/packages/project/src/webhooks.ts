import { verifyWebhook, type ProviderName } from '@ci/integration';

export interface PushEvent {
  provider: ProviderName;
  fullName: string;
  ref: string;
  sha: string;
  pullRequest?: number;
}

/**
 * Turns a code host's webhook into a push event, or undefined when the signature does not
 * verify or the event is not one we build on.
 */
export function parseWebhook(provider: ProviderName, secret: string, rawBody: string, headers: Record<string, string | undefined>): PushEvent | undefined {
  if (!verifyWebhook(provider, secret, rawBody, headers)) {
    return undefined;
  }
  const body = JSON.parse(rawBody) as Record<string, any>;
  if (provider === 'github' && headers['x-github-event'] === 'push') {
    return { provider, fullName: body.repository.full_name, ref: body.ref, sha: body.after };
  }
  if (provider === 'github' && headers['x-github-event'] === 'pull_request') {
    return { provider, fullName: body.repository.full_name, ref: body.pull_request.head.ref, sha: body.pull_request.head.sha, pullRequest: body.number };
  }
  if (provider === 'gitlab' && body.object_kind === 'push') {
    return { provider, fullName: body.project.path_with_namespace, ref: body.ref, sha: body.checkout_sha };
  }
  if (provider === 'bitbucket' && body.push?.changes?.[0]?.new) {
    const change = body.push.changes[0].new;
    return { provider, fullName: body.repository.full_name, ref: `refs/heads/${change.name}`, sha: change.target.hash };
  }
  return undefined;
}
