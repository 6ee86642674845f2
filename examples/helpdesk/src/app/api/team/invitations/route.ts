import { z } from 'zod';
import { json, withContext } from '@/server/platform';
import { contextFromSession, inviteAgent } from '@/server/user';

const invitation = z.object({ email: z.string().email(), role: z.enum(['agent', 'admin']) });

export const POST = withContext(contextFromSession, async (request) => {
  const { email, role } = invitation.parse(await request.json());
  // The token goes out by email (Postmark); the API never returns it.
  await inviteAgent(email, role);
  return json({ invited: email }, 202);
});
