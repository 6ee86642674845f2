import { NotFoundError, prisma } from '@/server/platform';

export interface Agent {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: string;
}

export async function getAgent(userId: string): Promise<Agent> {
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { role: true } });
  if (!user) {
    throw new NotFoundError('user', userId);
  }
  return { id: user.id, tenantId: user.tenantId, email: user.email, name: user.name, role: user.role.name };
}

export async function listAgents(tenantId: string): Promise<Agent[]> {
  const users = await prisma.user.findMany({
    where: { tenantId, deactivated: false },
    include: { role: true },
    orderBy: { name: 'asc' },
  });
  return users.map((u) => ({ id: u.id, tenantId: u.tenantId, email: u.email, name: u.name, role: u.role.name }));
}

export async function deactivateAgent(tenantId: string, userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, tenantId }, data: { deactivated: true } });
}
