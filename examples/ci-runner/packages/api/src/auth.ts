import type { FastifyInstance, FastifyRequest } from 'fastify';
import { orgId, type OrgId } from '@ci/platform';
import { authorizeUrl, completeOAuth, type ProviderName } from '@ci/integration';

declare module 'fastify' {
  interface FastifyRequest {
    session?: { orgId: string; oauthState?: string };
  }
}

export function orgOf(request: FastifyRequest): OrgId {
  if (!request.session?.orgId) {
    throw Object.assign(new Error('sign in first'), { statusCode: 401 });
  }
  return orgId(request.session.orgId);
}

/** Sign-in is the code host's OAuth flow and nothing else (decision 0008). */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { provider: ProviderName } }>('/auth/:provider', async (request, reply) => {
    const { url, state } = authorizeUrl(request.params.provider);
    request.session = { ...(request.session ?? { orgId: '' }), oauthState: state };
    return reply.redirect(url);
  });
  app.get<{ Params: { provider: ProviderName }; Querystring: { code: string; state: string } }>('/auth/:provider/callback', async (request, reply) => {
    if (request.query.state !== request.session?.oauthState) {
      return reply.code(400).send({ error: 'state mismatch' });
    }
    await completeOAuth(orgOf(request), request.params.provider, request.query.code);
    return reply.redirect('/');
  });
}
