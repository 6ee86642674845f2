import type { CodeHostClient, RepositoryInfo } from '../provider';

const GITLAB_URL = process.env.GITLAB_URL ?? 'https://gitlab.com';

async function gitlab<T>(accessToken: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${GITLAB_URL}/api/v4${path}`, {
    ...init,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`GitLab ${path}: ${response.status}`);
  }
  return (await response.json()) as T;
}

export function gitlabClient(accessToken: string): CodeHostClient {
  return {
    async listRepositories(): Promise<RepositoryInfo[]> {
      const projects = await gitlab<{ id: number; path_with_namespace: string; default_branch: string; http_url_to_repo: string; visibility: string }[]>(accessToken, '/projects?membership=true&per_page=100');
      return projects.map((p) => ({
        provider: 'gitlab',
        externalId: String(p.id),
        fullName: p.path_with_namespace,
        defaultBranch: p.default_branch,
        cloneUrl: p.http_url_to_repo,
        private: p.visibility !== 'public',
      }));
    },
    async setCommitStatus(fullName, sha, state, targetUrl) {
      const gitlabState = state === 'failure' ? 'failed' : state;
      await gitlab(accessToken, `/projects/${encodeURIComponent(fullName)}/statuses/${sha}`, {
        method: 'POST',
        body: JSON.stringify({ state: gitlabState, target_url: targetUrl, name: 'ci-runner' }),
      });
    },
    async createCheckoutToken() {
      return { token: accessToken, expiresAt: new Date(Date.now() + 3600_000) };
    },
  };
}
