import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { connectRepository, listProjects } from '@ci/project';
import { orgOf } from '../auth';

const connect = z.object({ provider: z.enum(['github', 'gitlab', 'bitbucket']), fullName: z.string().regex(/^[\w.-]+\/[\w.-]+$/) });

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  app.get('/projects', async (request) => listProjects(orgOf(request)));
  app.post('/projects', async (request, reply) => {
    const { provider, fullName } = connect.parse(request.body);
    const projectId = await connectRepository(orgOf(request), provider, fullName);
    return reply.code(201).send({ projectId });
  });
}
