import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { actorOf, type Deps, publicRoute, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { loadVote } from './access.js';
import {
  addBallotScan,
  closeVote,
  correctBallot,
  createVote,
  enterPaperBallot,
  markOccupied,
  openVote,
} from './commands.js';
import { exportVote } from './export.js';
import { castOnline, checkCode, publicVote } from './public.js';
import { listVoters, listVotes, voteDetail, voteNotices } from './queries.js';

/** An owner's attempts at codes: enough for a family, too few to guess 10 characters. */
const codeRate = { max: 30, timeWindow: 60_000 };

export function votesRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'inventory.read' } as const;
  const manage = { action: 'vote.manage' } as const;
  route(app, deps, api.listVotes, read, async (ctx, { query }) => listVotes(ctx.db, ctx.principal, query));
  route(app, deps, api.createVote, manage, async (ctx, { body }) => createVote(ctx, body));
  route(app, deps, api.getVote, read, async (ctx, { params }) =>
    voteDetail(ctx.db, await loadVote(ctx, params.id, 'read')),
  );
  route(app, deps, api.openVote, manage, async (ctx, { params, body }) =>
    openVote(ctx, params.id, body.version),
  );
  route(app, deps, api.closeVote, manage, async (ctx, { params, body }) =>
    closeVote(ctx, params.id, body.version),
  );
  route(app, deps, api.listVoters, read, async (ctx, { params, query }) => {
    const vote = await loadVote(ctx, params.id, 'read');
    return listVoters(ctx.db, ctx.principal, vote.id, query);
  });
  // The codes are what an owner votes with: only for those who hand out the notices.
  route(app, deps, api.voteNotices, manage, async (ctx, { params }) => {
    const vote = await loadVote(ctx, params.id, 'write');
    return voteNotices(ctx.db, ctx.principal, vote.id);
  });
  route(app, deps, api.enterPaperBallot, manage, async (ctx, { params, body }) =>
    enterPaperBallot(ctx, params.id, body),
  );
  route(app, deps, api.correctBallot, manage, async (ctx, { params, body }) =>
    correctBallot(ctx, params.id, params.ballotId, body),
  );
  route(app, deps, api.markOccupied, manage, async (ctx, { params, body }) =>
    markOccupied(ctx, params.id, body),
  );
  route(app, deps, api.uploadBallotScan, manage, async (ctx, { params, query, req }) =>
    addBallotScan(ctx, params.id, params.ballotId, query.fileName, req.body),
  );
  route(app, deps, api.exportVote, read, async (ctx, { params, reply }) => {
    const vote = await loadVote(ctx, params.id, 'read');
    const stream = new PassThrough();
    void exportVote(ctx.db, ctx.principal, vote, stream).catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`业主表决-${vote.title.slice(0, 40)}.xlsx`))
      .send(stream);
  });

  publicRoute(app, api.publicVote, {}, async (_ctx, { params }) => publicVote(deps.db, params.id));
  publicRoute(app, api.publicCheckCode, { rateLimit: codeRate }, async (_ctx, { params, body }) =>
    checkCode(deps.db, params.id, body.code),
  );
  publicRoute(app, api.publicCastBallot, { rateLimit: codeRate }, async (_ctx, { params, body, req }) =>
    castOnline(deps.db, actorOf(req), params.id, body),
  );
}
