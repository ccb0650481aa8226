import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { can } from '../../../domain/access.js';
import { type Deps, route } from '../../platform/http.js';
import { oldCutoffYear } from '../../platform/settings.js';
import { loadCompound } from './access.js';
import { compoundDetail, listCompounds, listHouseholds, mapPoints, regionTree } from './queries.js';

export function compoundRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'inventory.read' } as const;
  route(app, deps, api.regionTree, { action: 'region.read' }, async (ctx) => {
    const cutoff = await oldCutoffYear(ctx.db);
    return { items: await regionTree(ctx.db, ctx.principal, cutoff), oldCutoffYear: cutoff };
  });
  route(app, deps, api.listCompounds, read, async (ctx, { query }) =>
    listCompounds(ctx.db, ctx.principal, query, await oldCutoffYear(ctx.db)),
  );
  route(app, deps, api.compoundMap, read, async (ctx, { query }) => ({
    ...(await mapPoints(ctx.db, ctx.principal, query, await oldCutoffYear(ctx.db))),
    tileUrl: deps.config.mapTileUrl,
  }));
  route(app, deps, api.getCompound, read, async (ctx, { params }) =>
    compoundDetail(ctx, params.id, await oldCutoffYear(ctx.db)),
  );
  route(app, deps, api.listHouseholds, read, async (ctx, { params, query }) => {
    // Out of scope is a 404 here too, before any household is looked at.
    await loadCompound(ctx, params.id, 'read');
    return listHouseholds(
      ctx.db,
      ctx.principal,
      params.id,
      query,
      can(ctx.principal.role, 'household.personal'),
    );
  });
}
