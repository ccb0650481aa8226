import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { fundingTotals } from './funding.js';
import { summary } from './summary.js';

export function statsRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.statsSummary, { action: 'stats.read' }, async (ctx, { query }) =>
    summary(ctx.db, ctx.principal, query, deps.config.districtCode),
  );
  route(app, deps, api.fundingTotals, { action: 'stats.read' }, async (ctx, { query }) =>
    fundingTotals(ctx.db, ctx.principal, query),
  );
}
