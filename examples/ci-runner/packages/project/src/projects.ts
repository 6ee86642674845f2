import { query, type OrgId } from '@ci/platform';

export interface Project {
  id: string;
  orgId: OrgId;
  name: string;
  repoConnectionId: string;
  createdAt: Date;
}

/** What other packages get to know about a project's repository. */
export interface RepoRef {
  projectId: string;
  provider: 'github' | 'gitlab' | 'bitbucket';
  fullName: string;
  defaultBranch: string;
}

export async function getProject(org: OrgId, projectId: string): Promise<Project | undefined> {
  const rows = await query<Project>(
    'SELECT id, org_id AS "orgId", name, repo_connection_id AS "repoConnectionId", created_at AS "createdAt" FROM projects WHERE org_id = $1 AND id = $2',
    [org, projectId],
  );
  return rows[0];
}

export async function listProjects(org: OrgId): Promise<Project[]> {
  return query<Project>(
    'SELECT id, org_id AS "orgId", name, repo_connection_id AS "repoConnectionId", created_at AS "createdAt" FROM projects WHERE org_id = $1 ORDER BY name',
    [org],
  );
}

export async function repoOf(org: OrgId, projectId: string): Promise<RepoRef | undefined> {
  const rows = await query<RepoRef>(
    `SELECT p.id AS "projectId", r.provider, r.full_name AS "fullName", r.default_branch AS "defaultBranch"
       FROM projects p JOIN repo_connections r ON r.id = p.repo_connection_id
      WHERE p.org_id = $1 AND p.id = $2`,
    [org, projectId],
  );
  return rows[0];
}
