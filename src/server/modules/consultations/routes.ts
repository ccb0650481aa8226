import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { can } from '../../../domain/access.js';
import { actorOf, type Deps, publicRoute, route } from '../../platform/http.js';
import { loadConsultation } from './access.js';
import {
  addAssistedAnswer,
  addCouncilMeeting,
  addCouncilMember,
  completeStage,
  correctAnswer,
  createConsultation,
  createCouncil,
  issueNotices,
  publicAnswer,
  publicQuestionnaire,
  setQuestionnaire,
} from './commands.js';
import { consultationDetail, listAnswers, listConsultations, listCouncils } from './queries.js';

export function consultationRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'consultation.read' } as const;
  const writeAction = { action: 'consultation.write' } as const;
  route(app, deps, api.listCouncils, read, async (ctx, { query }) =>
    listCouncils(ctx.db, ctx.principal, query.compoundId),
  );
  route(app, deps, api.createCouncil, writeAction, async (ctx, { body }) => createCouncil(ctx, body));
  route(app, deps, api.addCouncilMember, writeAction, async (ctx, { params, body }) =>
    addCouncilMember(ctx, params.id, body),
  );
  route(app, deps, api.addCouncilMeeting, writeAction, async (ctx, { params, body }) =>
    addCouncilMeeting(ctx, params.id, body),
  );
  route(app, deps, api.listConsultations, read, async (ctx, { query }) =>
    listConsultations(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.createConsultation, writeAction, async (ctx, { body }) =>
    createConsultation(ctx, body),
  );
  route(app, deps, api.getConsultation, read, async (ctx, { params }) =>
    consultationDetail(
      ctx.db,
      await loadConsultation(ctx, params.id, 'read'),
      can(ctx.principal.role, 'consultation.write'),
    ),
  );
  route(app, deps, api.setQuestionnaire, writeAction, async (ctx, { params, body }) =>
    setQuestionnaire(ctx, params.id, body),
  );
  route(app, deps, api.issueNotices, writeAction, async (ctx, { params, body }) =>
    issueNotices(ctx, params.id, body.buildingId),
  );
  route(app, deps, api.addAssistedAnswer, writeAction, async (ctx, { params, body }) =>
    addAssistedAnswer(ctx, params.id, body),
  );
  route(app, deps, api.listAnswers, read, async (ctx, { params, query }) => {
    const c = await loadConsultation(ctx, params.id, 'read');
    return listAnswers(ctx.db, c.id, query);
  });
  route(app, deps, api.correctAnswer, writeAction, async (ctx, { params, body }) =>
    correctAnswer(ctx, params.id, params.answerId, body),
  );
  route(app, deps, api.completeStage, writeAction, async (ctx, { params, body }) =>
    completeStage(ctx, params.id, params.key, body),
  );
  // Residents, without an account: the household proves itself with its notice's code.
  const guessing = { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } };
  publicRoute(app, api.publicQuestionnaire, {}, async (_ctx, { params }) =>
    publicQuestionnaire(deps.db, params.compoundId),
  );
  publicRoute(app, api.publicAnswer, guessing, async (_ctx, { params, body, req }) =>
    publicAnswer(deps.db, actorOf(req), params.compoundId, body),
  );
}
