import type { TicketSummary } from '@/server/ticket';
import { prisma } from '@/server/platform';

/**
 * How often an article was linked in tickets, for the "most helpful" sort. The caller passes
 * the tickets in; the knowledge base never loads them itself.
 */
export async function helpfulness(tenantId: string, articleId: string, linkedFrom: TicketSummary[]): Promise<number> {
  const article = await prisma.article.findFirst({ where: { id: articleId, tenantId }, select: { id: true } });
  if (!article) {
    return 0;
  }
  const solved = linkedFrom.filter((ticket) => ticket.status === 'solved' || ticket.status === 'closed');
  return linkedFrom.length === 0 ? 0 : solved.length / linkedFrom.length;
}
