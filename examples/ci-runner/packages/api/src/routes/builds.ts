import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildHistory, readLog } from '@ci/pipeline';
import { ConfigError, parsePipelineConfig } from '@ci/pipeline/src/config-parser';
import { artifactsOfBuild, downloadUrl } from '@ci/artifact';
import { orgOf } from '../auth';

export async function buildRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { pipelineId: string } }>('/pipelines/:pipelineId/builds', async (request) => buildHistory(orgOf(request), request.params.pipelineId));

  app.get<{ Params: { buildId: string; step: string }; Querystring: { after?: string } }>('/builds/:buildId/steps/:step/log', async (request) =>
    readLog(request.params.buildId, Number(request.params.step), Number(request.query.after ?? 0)),
  );

  app.get<{ Params: { buildId: string } }>('/builds/:buildId/artifacts', async (request) => {
    const artifacts = await artifactsOfBuild(orgOf(request), request.params.buildId);
    return Promise.all(artifacts.map(async (a) => ({ name: a.name, sizeBytes: a.sizeBytes, url: await downloadUrl(a.key) })));
  });

  /** Lets the console lint a .ci.yml before it is committed. */
  app.post('/pipelines/validate', async (request, reply) => {
    const { config } = z.object({ config: z.string().max(100_000) }).parse(request.body);
    try {
      return { ok: true, steps: parsePipelineConfig(config).steps.length };
    } catch (error) {
      if (error instanceof ConfigError) {
        return reply.code(422).send({ ok: false, path: error.path, message: error.message });
      }
      throw error;
    }
  });
}
