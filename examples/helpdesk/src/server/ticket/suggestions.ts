import { searchArticles, type ArticleHit } from '@/server/knowledgebase';

const MAX_SUGGESTIONS = 3;

/** Articles that might answer a new ticket, shown next to it in the agent workspace. */
export async function suggestArticles(tenantId: string, subject: string, body: string): Promise<ArticleHit[]> {
  const query = `${subject} ${body.slice(0, 200)}`.replace(/\s+/g, ' ').trim();
  if (query.length < 8) {
    return [];
  }
  const hits = await searchArticles(tenantId, query);
  return hits.slice(0, MAX_SUGGESTIONS);
}
