import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { itemCategories } from '../../../domain/projects.js';
import { catalogueItems } from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { type Deps, route } from '../../platform/http.js';
import {
  createProject,
  setAccountability,
  setProjectFunding,
  setProjectItems,
  transitionProject,
} from './commands.js';
import { listProjects, projectDetail } from './queries.js';

export function projectRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const write = { action: 'project.write' } as const;
  const detail = (ctx: Ctx, id: string) => projectDetail(ctx.db, ctx.principal, id, ctx.lang);
  route(app, deps, api.listProjects, read, async (ctx, { query }) =>
    listProjects(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.getProject, read, async (ctx, { params }) => detail(ctx, params.id));
  route(app, deps, api.createProject, write, async (ctx, { body }) =>
    detail(ctx, await createProject(ctx, body)),
  );
  route(app, deps, api.setAccountability, write, async (ctx, { params, body }) => {
    await setAccountability(ctx, params.id, body);
    return detail(ctx, params.id);
  });
  route(app, deps, api.transitionProject, write, async (ctx, { params, body }) => {
    await transitionProject(ctx, params.id, body);
    return detail(ctx, params.id);
  });
  route(app, deps, api.setProjectItems, write, async (ctx, { params, body }) => {
    await setProjectItems(ctx, params.id, body);
    return detail(ctx, params.id);
  });
  route(app, deps, api.setProjectFunding, write, async (ctx, { params, body }) => {
    await setProjectFunding(ctx, params.id, body);
    return detail(ctx, params.id);
  });
  route(app, deps, api.catalogue, read, async (ctx) => {
    const rows = await ctx.db.select().from(catalogueItems).orderBy(asc(catalogueItems.sort));
    return {
      items: rows.map((r) => ({
        code: r.code,
        name: r.name,
        category: r.category as (typeof itemCategories)[number],
        unit: r.unit,
        mandatory: r.mandatory,
      })),
    };
  });
}
