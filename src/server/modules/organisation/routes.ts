import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { can } from '../../../domain/access.js';
import { authorize } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import {
  createCadre,
  createPartyBody,
  createUnit,
  setFirstSecretary,
  updateCadre,
  updateUnit,
} from './commands.js';
import { exportRegistry, registrySheets } from './export.js';
import {
  listCadres,
  listDepartments,
  listFirstSecretaries,
  listPartyBodies,
  listTaskForces,
  listUnits,
} from './queries.js';

export function organisationRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const keep = { action: 'organisation.write' } as const;
  route(app, deps, api.listCadres, read, async (ctx, { query }) => listCadres(ctx.db, ctx.principal, query));
  route(app, deps, api.createCadre, keep, async (ctx, { body }) => createCadre(ctx, body));
  route(app, deps, api.updateCadre, keep, async (ctx, { params, body }) => updateCadre(ctx, params.id, body));
  route(app, deps, api.listTaskForces, read, async (ctx) => ({ items: await listTaskForces(ctx.db) }));
  route(app, deps, api.listDepartments, read, async (ctx) => ({ items: await listDepartments(ctx.db) }));
  route(app, deps, api.listUnits, read, async (ctx, { query }) => listUnits(ctx.db, query));
  route(app, deps, api.createUnit, keep, async (ctx, { body }) => createUnit(ctx, body));
  route(app, deps, api.updateUnit, keep, async (ctx, { params, body }) => updateUnit(ctx, params.id, body));
  route(app, deps, api.listFirstSecretaries, read, async (ctx) => ({
    items: await listFirstSecretaries(ctx.db, ctx.principal),
  }));
  route(app, deps, api.setFirstSecretary, keep, async (ctx, { params, body }) =>
    setFirstSecretary(ctx, params.regionCode, body.cadreId),
  );
  route(app, deps, api.listPartyBodies, read, async (ctx, { query }) =>
    listPartyBodies(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.createPartyBody, { action: 'project.write' }, async (ctx, { body }) =>
    createPartyBody(ctx, body),
  );
  route(app, deps, api.registryExport, read, async (ctx, { query, reply }) => {
    const withPhones = query.includePersonal === 'true';
    if (withPhones) {
      await authorize(ctx, 'cadre.personal');
      await recordAudit(ctx.db, ctx.actor, {
        action: 'export.personal',
        entityType: query.registry,
        after: { registry: query.registry },
      });
    }
    const stream = new PassThrough();
    void exportRegistry(
      ctx.db,
      ctx.principal,
      query.registry,
      withPhones && can(ctx.principal.role, 'cadre.personal'),
      stream,
    ).catch((err: Error) => stream.destroy(err));
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${registrySheets[query.registry].sheetName}-${day}.xlsx`))
      .send(stream);
  });
}
