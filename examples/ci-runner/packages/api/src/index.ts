import Fastify from 'fastify';
import { closePool, loadConfig, logger } from '@ci/platform';
import { authRoutes } from './auth';
import { agentRoutes } from './routes/agent';
import { buildRoutes } from './routes/builds';
import { projectRoutes } from './routes/projects';
import { webhookRoutes } from './routes/webhooks';

const { version } = require('../package.json') as { version: string };

export async function buildServer() {
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ ok: true, version }));
  await app.register(authRoutes);
  await app.register(projectRoutes, { prefix: '/api' });
  await app.register(buildRoutes, { prefix: '/api' });
  await app.register(webhookRoutes);
  await app.register(agentRoutes);
  app.addHook('onClose', async () => closePool());
  return app;
}

if (require.main === module) {
  loadConfig();
  buildServer()
    .then((app) => app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' }))
    .then((address) => logger.info({ address, version }, 'api listening'))
    .catch((error) => {
      logger.fatal(error);
      process.exit(1);
    });
}
