import type { FastifyInstance } from 'fastify';
import { orgId } from '@ci/platform';
import { parseWebhook } from '@ci/project';
import { scheduleBuild, shouldBuild, parsePipelineConfig } from '@ci/pipeline';

/** Push and pull-request webhooks from the code hosts start builds. */
export async function webhookRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Params: { provider: 'github' | 'gitlab' | 'bitbucket'; org: string; projectId: string; pipelineId: string } }>(
    '/hooks/:provider/:org/:projectId/:pipelineId',
    { config: { rawBody: true } },
    async (request, reply) => {
      const { provider, projectId, pipelineId } = request.params;
      const event = parseWebhook(provider, process.env.WEBHOOK_SECRET ?? '', (request as unknown as { rawBody: string }).rawBody, request.headers as Record<string, string>);
      if (!event) {
        return reply.code(202).send({ ignored: true });
      }
      const configText = await fetch(`${process.env.CONFIG_FETCH_URL}/${event.fullName}/${event.sha}/.ci.yml`).then((r) => r.text());
      const config = parsePipelineConfig(configText);
      if (!shouldBuild(config, event)) {
        return reply.code(202).send({ ignored: true });
      }
      const build = await scheduleBuild(orgId(request.params.org), projectId, pipelineId, event.sha, event.ref, config);
      return reply.code(201).send({ buildId: build.id, number: build.number });
    },
  );
}
