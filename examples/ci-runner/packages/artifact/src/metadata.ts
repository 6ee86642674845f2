import { query, type OrgId } from '@ci/platform';
import { artifactKey, uploadUrl } from './storage';

export interface Artifact {
  id: string;
  buildId: string;
  name: string;
  key: string;
  sizeBytes: number;
  sha256: string;
  expiresAt: Date;
}

export async function registerArtifact(org: OrgId, buildId: string, name: string, sizeBytes: number, sha256: string, retentionDays: number): Promise<{ artifact: Artifact; uploadUrl: string }> {
  const key = artifactKey(org, buildId, name);
  const [artifact] = await query<Artifact>(
    `INSERT INTO artifacts (org_id, build_id, name, key, size_bytes, sha256, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
     RETURNING id, build_id AS "buildId", name, key, size_bytes AS "sizeBytes", sha256, expires_at AS "expiresAt"`,
    [org, buildId, name, key, sizeBytes, sha256, retentionDays],
  );
  return { artifact, uploadUrl: await uploadUrl(key) };
}

export async function artifactsOfBuild(org: OrgId, buildId: string): Promise<Artifact[]> {
  return query<Artifact>(
    'SELECT id, build_id AS "buildId", name, key, size_bytes AS "sizeBytes", sha256, expires_at AS "expiresAt" FROM artifacts WHERE org_id = $1 AND build_id = $2 ORDER BY name',
    [org, buildId],
  );
}
