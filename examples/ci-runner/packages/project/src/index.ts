export * from './projects';
export { connectRepository } from './repo-connections';
export { projectSettings, type ProjectSettings } from './settings';
export { parseWebhook, type PushEvent } from './webhooks';
