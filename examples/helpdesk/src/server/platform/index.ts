export { prisma, withTenantTransaction } from './db';
export * from './errors';
export { currentContext, requirePermission, runWithContext } from './request-context';
export type { RequestContext } from './request-context';
export { json, withContext } from './http';
