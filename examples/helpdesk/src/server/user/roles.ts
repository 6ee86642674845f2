import { prisma } from '@/server/platform';

export const AGENT_PERMISSIONS = [
  'ticket.read',
  'ticket.reply',
  'ticket.assign',
  'article.read',
] as const;

export const ADMIN_PERMISSIONS = [
  ...AGENT_PERMISSIONS,
  'ticket.delete',
  'article.publish',
  'team.invite',
  'billing.manage',
] as const;

export async function permissionsOf(userId: string): Promise<Set<string>> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { role: { include: { permissions: true } } },
  });
  return new Set(user?.role.permissions.map((p) => p.action) ?? []);
}

/** Every new tenant starts with an admin and an agent role. */
export async function seedDefaultRoles(tenantId: string): Promise<void> {
  for (const [name, actions] of [
    ['admin', ADMIN_PERMISSIONS],
    ['agent', AGENT_PERMISSIONS],
  ] as const) {
    await prisma.role.create({
      data: { tenantId, name, permissions: { create: actions.map((action) => ({ action })) } },
    });
  }
}
