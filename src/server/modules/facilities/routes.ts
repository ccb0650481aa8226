import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { districtToday } from '../../../domain/ledger.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { loadFacility } from './access.js';
import {
  addFacilityPhoto,
  createFacility,
  deleteFacility,
  deleteFacilityPhoto,
  updateFacility,
} from './commands.js';
import { exportFacilities } from './export.js';
import { facilityDetail, listFacilities } from './queries.js';

export function facilityRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'facility.read' } as const;
  const writeAction = { action: 'facility.write' } as const;
  route(app, deps, api.listFacilities, read, async (ctx, { query }) =>
    listFacilities(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.exportFacilities, read, async (ctx, { query, reply }) => {
    const stream = new PassThrough();
    void exportFacilities(ctx.db, ctx.principal, query, stream).catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`配套设施-${districtToday().replaceAll('-', '')}.xlsx`))
      .send(stream);
  });
  route(app, deps, api.createFacility, writeAction, async (ctx, { body }) => createFacility(ctx, body));
  route(app, deps, api.getFacility, read, async (ctx, { params }) => {
    const facility = await loadFacility(ctx, params.id, 'read');
    return facilityDetail(ctx.db, ctx.principal, facility.id);
  });
  route(app, deps, api.updateFacility, writeAction, async (ctx, { params, body }) =>
    updateFacility(ctx, params.id, body),
  );
  route(app, deps, api.deleteFacility, writeAction, async (ctx, { params, query }) =>
    deleteFacility(ctx, params.id, query.version),
  );
  route(app, deps, api.uploadFacilityPhoto, writeAction, async (ctx, { params, query, req }) =>
    addFacilityPhoto(ctx, params.id, query.fileName, req.body),
  );
  route(app, deps, api.deleteFacilityPhoto, writeAction, async (ctx, { params }) =>
    deleteFacilityPhoto(ctx, params.id, params.photoId),
  );
}
