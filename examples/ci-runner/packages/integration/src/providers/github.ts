import { Octokit } from '@octokit/rest';
import type { CodeHostClient, RepositoryInfo } from '../provider';

export function githubClient(accessToken: string): CodeHostClient {
  const octokit = new Octokit({ auth: accessToken });
  return {
    async listRepositories(): Promise<RepositoryInfo[]> {
      const repos = await octokit.paginate(octokit.repos.listForAuthenticatedUser, { per_page: 100 });
      return repos.map((r) => ({
        provider: 'github',
        externalId: String(r.id),
        fullName: r.full_name,
        defaultBranch: r.default_branch,
        cloneUrl: r.clone_url,
        private: r.private,
      }));
    },
    async setCommitStatus(fullName, sha, state, targetUrl) {
      const [owner, repo] = fullName.split('/');
      await octokit.repos.createCommitStatus({ owner, repo, sha, state, target_url: targetUrl, context: 'ci-runner' });
    },
    async createCheckoutToken() {
      // GitHub App installation tokens are minted by the app, not the user token.
      return { token: accessToken, expiresAt: new Date(Date.now() + 3600_000) };
    },
  };
}
