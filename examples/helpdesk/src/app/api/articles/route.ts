import { currentContext, json, withContext } from '@/server/platform';
import { listCategories, searchArticles } from '@/server/knowledgebase';
import { contextFromSession } from '@/server/user';

export const GET = withContext(contextFromSession, async (request) => {
  const { tenantId } = currentContext();
  const query = new URL(request.url).searchParams.get('q');
  return json(query ? await searchArticles(tenantId, query) : await listCategories(tenantId));
});
