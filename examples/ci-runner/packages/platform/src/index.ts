export { closePool, query, transaction } from './db';
export { loadConfig, type ServiceConfig } from './config';
export { childLogger, logger } from './logger';

/** Every row of every table carries org_id (decision 0002). */
export type OrgId = string & { readonly __brand: 'OrgId' };

export function orgId(value: string): OrgId {
  if (!/^org_[a-z0-9]{12}$/.test(value)) {
    throw new Error(`not an organisation id: ${value}`);
  }
  return value as OrgId;
}
