import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { addFirmPerson, createFirm, listFirms, projectUnits, setProjectUnits, updateFirm } from './firms.js';

export function qualityRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const firmsManage = { action: 'firm.manage' } as const;
  const manage = { action: 'quality.manage' } as const;
  route(app, deps, api.listFirms, read, async (ctx, { query }) => listFirms(ctx.db, ctx.principal, query));
  route(app, deps, api.createFirm, firmsManage, async (ctx, { body }) => createFirm(ctx, body));
  route(app, deps, api.updateFirm, firmsManage, async (ctx, { params, body }) =>
    updateFirm(ctx, params.id, body),
  );
  route(app, deps, api.addFirmPerson, firmsManage, async (ctx, { params, body }) =>
    addFirmPerson(ctx, params.id, body),
  );
  route(app, deps, api.projectUnits, read, async (ctx, { params }) => projectUnits(ctx, params.id));
  route(app, deps, api.setProjectUnits, manage, async (ctx, { params, body }) =>
    setProjectUnits(ctx, params.id, body),
  );
}
