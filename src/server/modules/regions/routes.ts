import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { Region } from '../../../contract/regions.js';
import { regions } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import { type Deps, route } from '../../platform/http.js';

export function regionRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.listRegions, { action: 'region.read' }, async (ctx) => {
    const rows = await ctx.db
      .select()
      .from(regions)
      .where(scopeWhere(ctx.principal, regions.code))
      .orderBy(asc(regions.code));
    return {
      items: rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level as Region['level'],
        parentCode: r.parentCode,
      })),
    };
  });
}
