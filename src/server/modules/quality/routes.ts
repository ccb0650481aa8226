import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { districtToday } from '../../../domain/ledger.js';
import type { Ctx } from '../../platform/context.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { exportQualityBoard, qualityBoard } from './board.js';
import { listCalendar, setCalendar } from './calendar.js';
import {
  addBidDocument,
  addInspection,
  addQualityPhoto,
  addSample,
  addSampleReport,
  approveBatch,
  coverConcealed,
  decideConcealed,
  escalateOverdueTickets,
  fileAcceptance,
  openTicket,
  organiseAcceptance,
  requestConcealed,
  setQualityPlan,
  setQualityZones,
  signAcceptance,
  signOffGate,
  stepTicket,
} from './commands.js';
import { addFirmPerson, createFirm, listFirms, projectUnits, setProjectUnits, updateFirm } from './firms.js';
import { qualityOverview } from './queries.js';

/** The project's quality as it now stands (overdue tickets raised to the ledger first). */
async function overview(ctx: Ctx, projectId: string) {
  const today = districtToday();
  await escalateOverdueTickets(ctx, today);
  return qualityOverview(ctx, projectId, today);
}

export function qualityRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const firmsManage = { action: 'firm.manage' } as const;
  const manage = { action: 'quality.manage' } as const;
  const inspect = { action: 'quality.inspect' } as const;
  const rectify = { action: 'quality.rectify' } as const;
  const sign = { action: 'quality.sign' } as const;
  const settings = { action: 'settings.manage' } as const;
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

  route(app, deps, api.projectQuality, read, async (ctx, { params }) => overview(ctx, params.id));
  route(app, deps, api.setQualityPlan, manage, async (ctx, { params, body }) => {
    await setQualityPlan(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.setQualityZones, manage, async (ctx, { params, body }) => {
    await setQualityZones(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.signOffGate, manage, async (ctx, { params, body }) => {
    await signOffGate(ctx, params.id, params.gate, body.evidence);
    return overview(ctx, params.id);
  });
  route(app, deps, api.addSample, inspect, async (ctx, { params, body }) => {
    await addSample(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.sampleReport, inspect, async (ctx, { params, query, req }) =>
    addSampleReport(ctx, params.id, query, req.body),
  );
  route(app, deps, api.bidDocument, manage, async (ctx, { params, query, req }) =>
    addBidDocument(ctx, params.id, query, req.body),
  );
  route(app, deps, api.approveBatch, inspect, async (ctx, { params, body }) => {
    await approveBatch(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.addInspection, inspect, async (ctx, { params, body }) => {
    await addInspection(ctx, params.id, body, districtToday());
    return overview(ctx, params.id);
  });
  route(app, deps, api.inspectionPhoto, inspect, async (ctx, { params, query, req }) =>
    addQualityPhoto(ctx, 'inspection', params.id, query, req.body),
  );
  route(app, deps, api.requestConcealed, rectify, async (ctx, { params, body }) => {
    await requestConcealed(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.concealedPhoto, inspect, async (ctx, { params, query, req }) =>
    addQualityPhoto(ctx, 'concealed_work', params.id, query, req.body),
  );
  route(app, deps, api.decideConcealed, inspect, async (ctx, { params, body }) =>
    overview(ctx, await decideConcealed(ctx, params.id, body, districtToday())),
  );
  route(app, deps, api.coverConcealed, rectify, async (ctx, { params, body }) =>
    overview(ctx, await coverConcealed(ctx, params.id, body.version)),
  );
  route(app, deps, api.openTicket, inspect, async (ctx, { params, body }) => {
    await openTicket(ctx, params.id, body, districtToday());
    return overview(ctx, params.id);
  });
  route(app, deps, api.ticketPhoto, rectify, async (ctx, { params, query, req }) =>
    addQualityPhoto(ctx, 'ticket', params.id, query, req.body),
  );
  route(app, deps, api.ticketEvidence, rectify, async (ctx, { params, body }) =>
    overview(ctx, await stepTicket(ctx, params.id, 'submit_evidence', body)),
  );
  route(app, deps, api.verifyTicket, inspect, async (ctx, { params, body }) =>
    overview(ctx, await stepTicket(ctx, params.id, 'verify', body)),
  );
  route(app, deps, api.reopenTicket, inspect, async (ctx, { params, body }) =>
    overview(ctx, await stepTicket(ctx, params.id, 'reopen', body)),
  );
  route(app, deps, api.organiseAcceptance, manage, async (ctx, { params, body }) => {
    await organiseAcceptance(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.signAcceptance, sign, async (ctx, { params, body }) => {
    await signAcceptance(ctx, params.id, body);
    return overview(ctx, params.id);
  });
  route(app, deps, api.fileAcceptance, manage, async (ctx, { params, body }) => {
    await fileAcceptance(ctx, params.id, body.filedOn);
    return overview(ctx, params.id);
  });
  route(app, deps, api.qualityBoard, read, async (ctx, { query }) => {
    await escalateOverdueTickets(ctx, districtToday());
    return qualityBoard(ctx.db, ctx.principal, query);
  });
  route(app, deps, api.qualityBoardExport, read, async (ctx, { query, reply }) => {
    const stream = new PassThrough();
    void exportQualityBoard(ctx.db, ctx.principal, query, stream).catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`工程质量看板-${districtToday().replaceAll('-', '')}.xlsx`))
      .send(stream);
  });
  route(app, deps, api.workingCalendar, read, async (ctx) => ({ days: await listCalendar(ctx.db) }));
  route(app, deps, api.setWorkingCalendar, settings, async (ctx, { body }) => ({
    days: await setCalendar(ctx, body.days),
  }));
}
