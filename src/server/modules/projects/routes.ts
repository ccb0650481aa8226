import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { Ctx } from '../../platform/context.js';
import { found } from '../../platform/errors.js';
import { type Deps, route } from '../../platform/http.js';
import { createCatalogueItem, listCatalogue, updateCatalogueItem } from './catalogue.js';
import {
  createBatch,
  createProject,
  setAccountability,
  setProjectFunding,
  setProjectItems,
  transitionProject,
} from './commands.js';
import { addItemPhoto } from './photos.js';
import { listBatches, listProjects, projectDetail } from './queries.js';

export function projectRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const write = { action: 'project.write' } as const;
  const manage = { action: 'catalogue.manage' } as const;
  const detail = (ctx: Ctx, id: string) => projectDetail(ctx, id);
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
  route(app, deps, api.catalogue, read, async (ctx) => listCatalogue(ctx.db));
  route(app, deps, api.createCatalogueItem, manage, async (ctx, { body }) => createCatalogueItem(ctx, body));
  route(app, deps, api.updateCatalogueItem, manage, async (ctx, { params, body }) =>
    updateCatalogueItem(ctx, params.code, body),
  );
  route(app, deps, api.uploadPhoto, write, async (ctx, { params, query, req }) =>
    addItemPhoto(ctx, params.id, params.code, query.fileName, req.body),
  );
  route(app, deps, api.listBatches, read, async (ctx, { query }) =>
    listBatches(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.createBatch, write, async (ctx, { body }) => {
    const id = await createBatch(ctx, body);
    return found((await listBatches(ctx.db, ctx.principal, { id, page: 1, pageSize: 1 })).items[0]);
  });
}
