import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { loadConfig } from './config';

let pool: Pool | undefined;

function getPool(): Pool {
  pool ??= new Pool({ connectionString: loadConfig().databaseUrl, max: 20 });
  return pool;
}

export async function query<T extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await getPool().query<T>(sql, params);
  return result.rows;
}

/** Runs `work` in one transaction; rolls back on any error. */
export async function transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function closePool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}
