import { currentContext, prisma, requirePermission } from '@/server/platform';
import { conversationIdOf } from '@/server/ticket';

export interface ThreadMessage {
  id: string;
  body: string;
  internal: boolean;
  system: boolean;
  authorId: string | null;
  authorEmail: string | null;
  createdAt: string;
  attachmentIds: string[];
}

export async function thread(ticketId: string): Promise<ThreadMessage[]> {
  const { tenantId } = requirePermission('ticket.read');
  const conversationId = await conversationIdOf(ticketId);
  const messages = await prisma.message.findMany({
    where: { tenantId, conversationId },
    include: { attachments: { select: { id: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return messages.map((m) => ({
    id: m.id,
    body: m.body,
    internal: m.internal,
    system: m.system,
    authorId: m.authorId,
    authorEmail: m.authorEmail,
    createdAt: m.createdAt.toISOString(),
    attachmentIds: m.attachments.map((a) => a.id),
  }));
}

export async function reply(ticketId: string, body: string): Promise<string> {
  const { tenantId, userId } = requirePermission('ticket.reply');
  const conversationId = await conversationIdOf(ticketId);
  const message = await prisma.message.create({ data: { tenantId, conversationId, authorId: userId, body } });
  // Replying reopens a pending ticket and moves it up the agent's queue.
  await prisma.ticket.update({ where: { id: ticketId }, data: { status: 'open', lastActivityAt: new Date() } });
  return message.id;
}

/** A message authored by the system, e.g. a status change; visible to agents only. */
export async function postSystemMessage(ticketId: string, body: string, actorId: string): Promise<void> {
  const { tenantId } = currentContext();
  const conversationId = await conversationIdOf(ticketId);
  await prisma.message.create({ data: { tenantId, conversationId, authorId: actorId, body, system: true, internal: true } });
}
