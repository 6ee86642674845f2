import { WorkOS } from '@workos-inc/node';
import { UnauthorizedError, prisma, type RequestContext } from '@/server/platform';
import { permissionsOf } from './roles';

const workos = new WorkOS(process.env.WORKOS_API_KEY);
const clientId = process.env.WORKOS_CLIENT_ID ?? '';

export function authorizationUrl(tenantSlug: string, redirectUri: string): string {
  return workos.userManagement.getAuthorizationUrl({ clientId, redirectUri, state: tenantSlug, provider: 'authkit' });
}

/** Maps the identity provider's subject to our user and tenant (decision 0008). */
export async function contextFromSession(request: Request): Promise<RequestContext> {
  const sessionToken = request.headers.get('authorization')?.replace(/^Bearer /, '');
  if (!sessionToken) {
    throw new UnauthorizedError('missing bearer token');
  }
  const { user: identity } = await workos.userManagement.authenticateWithSessionCookie({ sessionData: sessionToken, cookiePassword: process.env.SESSION_SECRET ?? '' }) as unknown as { user: { id: string } };
  const user = await prisma.user.findUnique({ where: { oidcSubject: identity.id } });
  if (!user || user.deactivated) {
    throw new UnauthorizedError('unknown or deactivated user');
  }
  return {
    tenantId: user.tenantId,
    userId: user.id,
    permissions: await permissionsOf(user.id),
    requestId: request.headers.get('x-request-id') ?? crypto.randomUUID(),
  };
}
