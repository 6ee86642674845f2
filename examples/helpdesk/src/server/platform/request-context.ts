import { AsyncLocalStorage } from 'node:async_hooks';
import { UnauthorizedError } from './errors';

export interface RequestContext {
  tenantId: string;
  userId: string;
  permissions: ReadonlySet<string>;
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/** The context of the current request; throws outside a request so a job cannot forget it. */
export function currentContext(): RequestContext {
  const context = storage.getStore();
  if (!context) {
    throw new UnauthorizedError('no request context: call runWithContext first');
  }
  return context;
}

export function requirePermission(action: string): RequestContext {
  const context = currentContext();
  if (!context.permissions.has(action)) {
    throw new UnauthorizedError(`missing permission ${action}`);
  }
  return context;
}
