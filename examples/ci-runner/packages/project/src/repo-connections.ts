import { transaction, type OrgId } from '@ci/platform';
import { accessTokenFor, codeHostClient, type ProviderName } from '@ci/integration';

/** Connects a repository and creates its project in one transaction. */
export async function connectRepository(org: OrgId, provider: ProviderName, fullName: string): Promise<string> {
  const token = await accessTokenFor(org, provider);
  if (!token) {
    throw new Error(`connect ${provider} first`);
  }
  const repos = await codeHostClient(provider, token).listRepositories();
  const repo = repos.find((r) => r.fullName === fullName);
  if (!repo) {
    throw new Error(`${fullName} is not visible to the ${provider} connection`);
  }
  return transaction(async (client) => {
    const connection = await client.query<{ id: string }>(
      'INSERT INTO repo_connections (org_id, provider, external_id, full_name, default_branch, clone_url) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [org, provider, repo.externalId, repo.fullName, repo.defaultBranch, repo.cloneUrl],
    );
    const project = await client.query<{ id: string }>(
      'INSERT INTO projects (org_id, name, repo_connection_id) VALUES ($1, $2, $3) RETURNING id',
      [org, repo.fullName.split('/').pop(), connection.rows[0].id],
    );
    await client.query('INSERT INTO project_settings (project_id) VALUES ($1)', [project.rows[0].id]);
    return project.rows[0].id;
  });
}
