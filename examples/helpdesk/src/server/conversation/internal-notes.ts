import { prisma, requirePermission } from '@/server/platform';

const MENTION = /@([a-z0-9._-]+@[a-z0-9.-]+)/gi;

/** Internal notes are messages the requester never sees; @mentions notify colleagues. */
export async function addInternalNote(conversationId: string, body: string): Promise<{ id: string; mentions: string[] }> {
  const { tenantId, userId } = requirePermission('ticket.reply');
  const note = await prisma.message.create({ data: { tenantId, conversationId, authorId: userId, body, internal: true } });
  const mentions = [...body.matchAll(MENTION)].map((match) => match[1].toLowerCase());
  return { id: note.id, mentions };
}
