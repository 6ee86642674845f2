import { randomBytes } from 'node:crypto';
import { NotFoundError, prisma, requirePermission } from '@/server/platform';
import { assertSeatAvailable } from '@/server/tenant';

const INVITATION_DAYS = 7;

export async function inviteAgent(email: string, roleName: 'admin' | 'agent'): Promise<string> {
  const { tenantId } = requirePermission('team.invite');
  await assertSeatAvailable(tenantId);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  await prisma.invitation.create({ data: { tenantId, email: email.toLowerCase(), roleName, token, expiresAt } });
  return token;
}

/** Turns an invitation into a user once the invitee signed in through the identity provider. */
export async function acceptInvitation(token: string, oidcSubject: string, name: string): Promise<string> {
  const invitation = await prisma.invitation.findUnique({ where: { token } });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date()) {
    throw new NotFoundError('invitation', token.slice(0, 6));
  }
  const role = await prisma.role.findFirstOrThrow({ where: { tenantId: invitation.tenantId, name: invitation.roleName } });
  const user = await prisma.user.create({
    data: { tenantId: invitation.tenantId, email: invitation.email, name, oidcSubject, roleId: role.id },
  });
  await prisma.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
  return user.id;
}
