import { NotFoundError, LimitExceededError, prisma, requirePermission } from '@/server/platform';
import { planLimits } from '@/server/tenant';

export interface ArticleInput {
  title: string;
  body: string;
  categoryId?: string;
}

export async function getArticle(tenantId: string, articleId: string) {
  const article = await prisma.article.findFirst({ where: { id: articleId, tenantId }, include: { category: true } });
  if (!article) {
    throw new NotFoundError('article', articleId);
  }
  return article;
}

export async function saveDraft(input: ArticleInput, articleId?: string): Promise<string> {
  const { tenantId } = requirePermission('article.read');
  if (articleId) {
    await prisma.article.updateMany({ where: { id: articleId, tenantId }, data: { ...input } });
    return articleId;
  }
  const [limits, count] = await Promise.all([planLimits(tenantId), prisma.article.count({ where: { tenantId } })]);
  if (count >= limits.maxArticles) {
    throw new LimitExceededError('articles', limits.maxArticles);
  }
  const article = await prisma.article.create({ data: { tenantId, ...input } });
  return article.id;
}

export async function publish(articleId: string): Promise<void> {
  const { tenantId } = requirePermission('article.publish');
  await prisma.article.updateMany({ where: { id: articleId, tenantId }, data: { published: true } });
}
