import { query } from '@ci/platform';

const MAX_CHUNK_BYTES = 64 * 1024;

/** Log lines arrive in chunks from the runner; each chunk is one row, read back in order. */
export async function appendLog(buildId: string, stepPosition: number, chunk: string): Promise<void> {
  if (Buffer.byteLength(chunk) > MAX_CHUNK_BYTES) {
    throw new Error(`log chunk over ${MAX_CHUNK_BYTES} bytes; the agent must split it`);
  }
  await query('INSERT INTO build_logs (build_id, step_position, chunk) VALUES ($1, $2, $3)', [buildId, stepPosition, chunk]);
}

export async function readLog(buildId: string, stepPosition: number, afterId = 0): Promise<{ lastId: number; text: string }> {
  const rows = await query<{ id: number; chunk: string }>('SELECT id, chunk FROM build_logs WHERE build_id = $1 AND step_position = $2 AND id > $3 ORDER BY id', [buildId, stepPosition, afterId]);
  return { lastId: rows.at(-1)?.id ?? afterId, text: rows.map((r) => r.chunk).join('') };
}
