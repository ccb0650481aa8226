import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { listAudit } from './queries.js';

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.listAudit, { action: 'audit.read' }, async (ctx, { query }) =>
    listAudit(ctx.db, ctx.principal, query),
  );
}
