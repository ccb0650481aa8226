import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { listCadres, listPartyBodies } from './queries.js';

export function organisationRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.listCadres, { action: 'project.read' }, async (ctx, { query }) =>
    listCadres(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.listPartyBodies, { action: 'project.read' }, async (ctx, { query }) =>
    listPartyBodies(ctx.db, ctx.principal, query),
  );
}
