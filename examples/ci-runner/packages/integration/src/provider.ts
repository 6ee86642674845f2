export type ProviderName = 'github' | 'gitlab' | 'bitbucket';

export interface RepositoryInfo {
  provider: ProviderName;
  externalId: string;
  fullName: string;
  defaultBranch: string;
  cloneUrl: string;
  private: boolean;
}

export interface CodeHostClient {
  listRepositories(): Promise<RepositoryInfo[]>;
  /** Posts the build state on a commit, shown as a check in the pull request. */
  setCommitStatus(fullName: string, sha: string, state: 'pending' | 'success' | 'failure', targetUrl: string): Promise<void>;
  /** A token the runner uses to clone, valid for one hour and one repository. */
  createCheckoutToken(fullName: string): Promise<{ token: string; expiresAt: Date }>;
}
