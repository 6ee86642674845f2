import { DomainError } from './errors';
import { runWithContext, type RequestContext } from './request-context';

type Handler = (request: Request, params: Record<string, string>) => Promise<Response>;

/**
 * Wraps a route handler: resolves the session into a request context and turns domain errors
 * into JSON responses with their status, so handlers only deal with the happy path.
 */
export function withContext(
  resolveContext: (request: Request) => Promise<RequestContext>,
  handler: Handler,
): (request: Request, route: { params: Record<string, string> }) => Promise<Response> {
  return async (request, route) => {
    try {
      const context = await resolveContext(request);
      return await runWithContext(context, () => handler(request, route.params));
    } catch (error) {
      if (error instanceof DomainError) {
        return Response.json({ error: error.code, message: error.message }, { status: error.status });
      }
      throw error;
    }
  };
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}
