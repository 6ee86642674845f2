import { prisma, requirePermission } from '@/server/platform';

export interface CategoryNode {
  id: string;
  name: string;
  articleCount: number;
}

export async function listCategories(tenantId: string): Promise<CategoryNode[]> {
  const categories = await prisma.category.findMany({
    where: { tenantId },
    orderBy: { position: 'asc' },
    include: { _count: { select: { articles: true } } },
  });
  return categories.map((c) => ({ id: c.id, name: c.name, articleCount: c._count.articles }));
}

export async function reorderCategories(orderedIds: string[]): Promise<void> {
  const { tenantId } = requirePermission('article.publish');
  await prisma.$transaction(
    orderedIds.map((id, position) => prisma.category.updateMany({ where: { id, tenantId }, data: { position } })),
  );
}
