export * from './user.service';
export { ADMIN_PERMISSIONS, AGENT_PERMISSIONS, permissionsOf, seedDefaultRoles } from './roles';
export { acceptInvitation, inviteAgent } from './invitations';
export { authorizationUrl, contextFromSession } from './oidc';
export { importLegacyAgents } from './legacy-import';
export type { LegacyAgentRow } from './legacy-import';
