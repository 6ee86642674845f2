import { query, type OrgId } from '@ci/platform';
import type { BuildStatus } from './builds';

export interface BuildRow {
  id: string;
  number: number;
  ref: string;
  status: BuildStatus;
  artifactCount: number;
  artifactBytes: number;
}

/** The project's build list with artifact totals, one query for the dashboard. */
export async function buildHistory(org: OrgId, pipelineId: string, limit = 50): Promise<BuildRow[]> {
  // adrift-ignore data-ownership -- dashboard list; artifact counts come from artifact's API once it has a batch call
  const sql = 'SELECT b.id, b.number, b.ref, b.status, count(a.id) AS "artifactCount", coalesce(sum(a.size_bytes), 0) AS "artifactBytes" FROM builds b LEFT JOIN artifacts a ON a.build_id = b.id WHERE b.org_id = $1 AND b.pipeline_id = $2 GROUP BY b.id ORDER BY b.number DESC LIMIT $3';
  return query<BuildRow>(sql, [org, pipelineId, limit]);
}
