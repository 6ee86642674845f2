import { prisma } from '@/server/platform';

export interface ArticleHit {
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

// PostgreSQL full-text search (decision 0005): good enough until v2 brings a search cache.
const SEARCH_SQL = `
  SELECT id, title, ts_headline('simple', body, query) AS snippet, ts_rank(search_vector, query) AS rank
  FROM articles, plainto_tsquery('simple', $2) AS query
  WHERE tenant_id = $1 AND published AND search_vector @@ query
  ORDER BY rank DESC
  LIMIT 20`;

export async function searchArticles(tenantId: string, text: string): Promise<ArticleHit[]> {
  const rows = await prisma.$queryRawUnsafe<ArticleHit[]>(SEARCH_SQL, tenantId, text);
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}
