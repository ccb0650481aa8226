import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { districtToday } from '../../../domain/ledger.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { loadStructure } from './access.js';
import {
  addMeasurement,
  addStructurePhoto,
  addVisit,
  createAssignment,
  createStructure,
  listAssignments,
  recordClearing,
  recordNotice,
  recordRemoval,
} from './commands.js';
import { listStructures, structureDetail } from './queries.js';
import { exportIllegalStats, illegalStats } from './stats.js';

export function illegalRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'illegal.read' } as const;
  const writeAction = { action: 'illegal.write' } as const;
  const visit = { action: 'illegal.visit' } as const;
  route(app, deps, api.listStructures, read, async (ctx, { query }) =>
    listStructures(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.myStructures, read, async (ctx, { query }) =>
    listStructures(ctx.db, ctx.principal, query, ctx.principal.userId),
  );
  route(app, deps, api.createStructure, writeAction, async (ctx, { body }) => createStructure(ctx, body));
  route(app, deps, api.illegalStats, read, async (ctx, { query }) =>
    illegalStats(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.illegalStatsExport, read, async (ctx, { query, reply }) => {
    const stream = new PassThrough();
    void exportIllegalStats(ctx.db, ctx.principal, query, stream).catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`拆违治乱统计-${districtToday().replaceAll('-', '')}.xlsx`))
      .send(stream);
  });
  route(app, deps, api.getStructure, read, async (ctx, { params }) =>
    structureDetail(ctx.db, await loadStructure(ctx, params.id, 'read')),
  );
  route(app, deps, api.addMeasurement, writeAction, async (ctx, { params, body }) =>
    addMeasurement(ctx, params.id, body),
  );
  route(app, deps, api.addVisit, visit, async (ctx, { params, body }) => addVisit(ctx, params.id, body));
  route(app, deps, api.recordNotice, writeAction, async (ctx, { params, body }) =>
    recordNotice(ctx, params.id, body),
  );
  route(app, deps, api.recordRemoval, writeAction, async (ctx, { params, body }) =>
    recordRemoval(ctx, params.id, body),
  );
  route(app, deps, api.recordClearing, writeAction, async (ctx, { params, body }) =>
    recordClearing(ctx, params.id, body),
  );
  route(app, deps, api.uploadStructurePhoto, writeAction, async (ctx, { params, query, req }) =>
    addStructurePhoto(ctx, params.id, query.fileName, req.body),
  );
  route(app, deps, api.listAssignments, read, async (ctx, { query }) =>
    listAssignments(ctx, query.compoundId),
  );
  route(app, deps, api.createAssignment, writeAction, async (ctx, { body }) => createAssignment(ctx, body));
}
