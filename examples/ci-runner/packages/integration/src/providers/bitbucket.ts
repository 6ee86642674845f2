import type { CodeHostClient, RepositoryInfo } from '../provider';

const API = 'https://api.bitbucket.org/2.0';

export function bitbucketClient(accessToken: string): CodeHostClient {
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  return {
    async listRepositories(): Promise<RepositoryInfo[]> {
      const response = await fetch(`${API}/repositories?role=member&pagelen=100`, { headers });
      const page = (await response.json()) as { values: { uuid: string; full_name: string; mainbranch?: { name: string }; links: { clone: { name: string; href: string }[] }; is_private: boolean }[] };
      return page.values.map((r) => ({
        provider: 'bitbucket',
        externalId: r.uuid,
        fullName: r.full_name,
        defaultBranch: r.mainbranch?.name ?? 'main',
        cloneUrl: r.links.clone.find((l) => l.name === 'https')?.href ?? '',
        private: r.is_private,
      }));
    },
    async setCommitStatus(fullName, sha, state, targetUrl) {
      const bbState = { pending: 'INPROGRESS', success: 'SUCCESSFUL', failure: 'FAILED' }[state];
      await fetch(`${API}/repositories/${fullName}/commit/${sha}/statuses/build`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ key: 'ci-runner', state: bbState, url: targetUrl }),
      });
    },
    async createCheckoutToken() {
      return { token: accessToken, expiresAt: new Date(Date.now() + 3600_000) };
    },
  };
}
