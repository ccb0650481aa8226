import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { districtToday } from '../../../domain/ledger.js';
import { type Deps, route } from '../../platform/http.js';
import {
  addReportPhoto,
  appointSupervisor,
  createSupervisor,
  giveFeedback,
  giveLogin,
  judgeFix,
  reportProblem,
  unappointSupervisor,
  updateSupervisor,
} from './commands.js';
import { listSupervisors, mySupervision, reportById } from './queries.js';

export function supervisorRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'project.read' } as const;
  const manage = { action: 'supervisor.manage' } as const;
  const report = { action: 'supervisor.report' } as const;
  route(app, deps, api.listSupervisors, read, async (ctx, { query }) =>
    listSupervisors(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.createSupervisor, manage, async (ctx, { body }) => createSupervisor(ctx, body));
  route(app, deps, api.updateSupervisor, manage, async (ctx, { params, body }) =>
    updateSupervisor(ctx, params.id, body),
  );
  route(app, deps, api.appointSupervisor, manage, async (ctx, { params, body }) =>
    appointSupervisor(ctx, params.id, body.projectId, districtToday()),
  );
  route(app, deps, api.unappointSupervisor, manage, async (ctx, { params }) =>
    unappointSupervisor(ctx, params.id, params.projectId),
  );
  route(app, deps, api.supervisorLogin, manage, async (ctx, { params, body }) =>
    giveLogin(ctx, params.id, body.username),
  );
  route(app, deps, api.mySupervision, report, async (ctx) => mySupervision(ctx));
  route(app, deps, api.reportProblem, report, async (ctx, { params, body }) =>
    reportById(ctx.db, ctx.principal, await reportProblem(ctx, params.id, body, districtToday())),
  );
  route(app, deps, api.reportPhoto, report, async (ctx, { params, query, req }) =>
    addReportPhoto(ctx, params.id, query, req.body),
  );
  route(app, deps, api.getReport, read, async (ctx, { params }) =>
    reportById(ctx.db, ctx.principal, params.id),
  );
  route(app, deps, api.confirmFix, report, async (ctx, { params, body }) => {
    await judgeFix(ctx, params.id, 'confirm', body);
    return reportById(ctx.db, ctx.principal, params.id);
  });
  route(app, deps, api.disputeFix, report, async (ctx, { params, body }) => {
    await judgeFix(ctx, params.id, 'dispute', body);
    return reportById(ctx.db, ctx.principal, params.id);
  });
  route(app, deps, api.acceptanceFeedback, report, async (ctx, { params, body }) => {
    await giveFeedback(ctx, params.id, body.remark);
    return mySupervision(ctx);
  });
}
