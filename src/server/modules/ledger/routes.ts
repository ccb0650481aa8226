import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { Ctx } from '../../platform/context.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { escalateOverdueTickets } from '../quality/commands.js';
import {
  addEvidence,
  createLedgerItem,
  createMeeting,
  ledgerItemDetail,
  reportProgress,
} from './commands.js';
import { exportSupervision } from './export.js';
import { listMeetings, meetingDetail } from './meetings.js';
import { ledgerBoard, ledgerDay, listLedger } from './queries.js';

/** The ledger's day, with overdue quality tickets raised to it first (one indexed look when none is due). */
async function currentDay(ctx: Ctx) {
  const day = await ledgerDay(ctx.db);
  await escalateOverdueTickets(ctx, day.today);
  return day;
}

export function supervisionRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'ledger.read' } as const;
  const writeAction = { action: 'ledger.write' } as const;
  const report = { action: 'ledger.report' } as const;
  route(app, deps, api.listLedger, read, async (ctx, { query }) =>
    listLedger(ctx.db, ctx.principal, query, await currentDay(ctx)),
  );
  route(app, deps, api.myLedger, read, async (ctx, { query }) =>
    listLedger(ctx.db, ctx.principal, query, await currentDay(ctx), ctx.principal.userId),
  );
  route(app, deps, api.ledgerBoard, read, async (ctx) =>
    ledgerBoard(ctx.db, ctx.principal, await currentDay(ctx)),
  );
  route(app, deps, api.createLedgerItem, writeAction, async (ctx, { body }) =>
    createLedgerItem(ctx, body, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.getLedgerItem, read, async (ctx, { params }) =>
    ledgerItemDetail(ctx, params.id, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.uploadEvidence, report, async (ctx, { params, query, req }) =>
    addEvidence(ctx, params.id, params.progressId, query.fileName, req.body),
  );
  route(app, deps, api.reportProgress, report, async (ctx, { params, body }) =>
    reportProgress(ctx, params.id, body, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.listMeetings, read, async (ctx, { query }) =>
    listMeetings(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.getMeeting, read, async (ctx, { params }) =>
    meetingDetail(ctx.db, ctx.principal, params.id, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.createMeeting, writeAction, async (ctx, { body }) =>
    createMeeting(ctx, body, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.ledgerExport, read, async (ctx, { query, reply }) => {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    const day = await currentDay(ctx);
    const stream = new PassThrough();
    void exportSupervision(ctx.db, ctx.principal, filters, day, stream).catch((err: Error) =>
      stream.destroy(err),
    );
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`督办台账-${day.today.replaceAll('-', '')}.xlsx`))
      .send(stream);
  });
}
