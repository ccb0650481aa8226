import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { listProjects, projectDetail } from './queries.js';

export function projectRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  route(app, deps, api.listProjects, read, async (ctx, { query }) =>
    listProjects(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.getProject, read, async (ctx, { params }) =>
    projectDetail(ctx.db, ctx.principal, params.id),
  );
}
