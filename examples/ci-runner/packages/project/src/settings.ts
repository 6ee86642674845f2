import { query, type OrgId } from '@ci/platform';

export interface ProjectSettings {
  projectId: string;
  configPath: string;
  buildPullRequests: boolean;
  artifactRetentionDays: number;
  maxParallelJobs: number;
}

const DEFAULTS: Omit<ProjectSettings, 'projectId'> = {
  configPath: '.ci.yml',
  buildPullRequests: true,
  artifactRetentionDays: 30,
  maxParallelJobs: 4,
};

export async function projectSettings(org: OrgId, projectId: string): Promise<ProjectSettings> {
  const rows = await query<Partial<ProjectSettings>>(
    `SELECT s.config_path AS "configPath", s.build_pull_requests AS "buildPullRequests",
            s.artifact_retention_days AS "artifactRetentionDays", s.max_parallel_jobs AS "maxParallelJobs"
       FROM project_settings s JOIN projects p ON p.id = s.project_id
      WHERE p.org_id = $1 AND s.project_id = $2`,
    [org, projectId],
  );
  const stored = Object.fromEntries(Object.entries(rows[0] ?? {}).filter(([, v]) => v !== null));
  return { projectId, ...DEFAULTS, ...stored };
}
