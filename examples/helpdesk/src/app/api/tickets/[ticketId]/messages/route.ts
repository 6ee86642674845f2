import { z } from 'zod';
import { json, withContext } from '@/server/platform';
import { addInternalNote, reply, thread } from '@/server/conversation';
import { conversationIdOf } from '@/server/ticket';
import { contextFromSession } from '@/server/user';

const message = z.object({ body: z.string().min(1).max(20_000), internal: z.boolean().default(false) });

export const GET = withContext(contextFromSession, async (_request, params) => json(await thread(params.ticketId)));

export const POST = withContext(contextFromSession, async (request, params) => {
  const { body, internal } = message.parse(await request.json());
  if (internal) {
    const note = await addInternalNote(await conversationIdOf(params.ticketId), body);
    return json(note, 201);
  }
  return json({ id: await reply(params.ticketId, body) }, 201);
});
