import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { districtToday } from '../../../domain/ledger.js';
import type { Ctx } from '../../platform/context.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import {
  addCommitment,
  addInput,
  assignProposal,
  createProposal,
  detailOf,
  draftReply,
  escalateOverdueProposals,
  extendProposal,
  raiseGrade,
  recordFeedback,
  removeCommitment,
  returnProposal,
  reviewReply,
  saveTemplate,
  sendReply,
  signReply,
  updateReply,
} from './commands.js';
import { letterDocx } from './letter/docx.js';
import { letterMediaTypes } from './letter/letter.js';
import { letterPdf } from './letter/pdf.js';
import { listProposals, listTemplates } from './queries.js';
import { replyLetter } from './reply-letter.js';

/** Overdue proposals are raised to the supervision ledger whenever someone looks. */
async function looking(ctx: Ctx) {
  const today = districtToday();
  await escalateOverdueProposals(ctx, today);
  return today;
}

export function proposalRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'proposal.read' } as const;
  const handle = { action: 'proposal.handle' } as const;
  route(app, deps, api.listProposals, read, async (ctx, { query }) =>
    listProposals(ctx.db, ctx.principal, query, await looking(ctx)),
  );
  route(app, deps, api.createProposal, handle, async (ctx, { body }) => createProposal(ctx, body));
  route(app, deps, api.getProposal, read, async (ctx, { params }) => {
    await looking(ctx);
    return detailOf(ctx, params.id);
  });
  for (const [endpoint, kind, render] of [
    [api.replyDocx, 'docx', letterDocx],
    [api.replyPdf, 'pdf', letterPdf],
  ] as const) {
    route(app, deps, endpoint, read, async (ctx, { params, reply }) => {
      const { letter, fileName } = replyLetter(await detailOf(ctx, params.id));
      return reply
        .type(letterMediaTypes[kind])
        .header('content-disposition', attachment(`${fileName}.${kind}`))
        .send(await render(letter));
    });
  }
  route(app, deps, api.assignProposal, handle, async (ctx, { params, body }) =>
    assignProposal(ctx, params.id, body),
  );
  route(app, deps, api.returnProposal, handle, async (ctx, { params, body }) =>
    returnProposal(ctx, params.id, body.reason),
  );
  route(app, deps, api.extendProposal, handle, async (ctx, { params, body }) =>
    extendProposal(ctx, params.id, body),
  );
  route(app, deps, api.addProposalInput, handle, async (ctx, { params, body }) =>
    addInput(ctx, params.id, body),
  );
  route(app, deps, api.draftReply, handle, async (ctx, { params, body }) =>
    draftReply(ctx, params.id, body.templateId),
  );
  route(app, deps, api.updateReply, handle, async (ctx, { params, body }) =>
    updateReply(ctx, params.id, body),
  );
  route(app, deps, api.reviewReply, { action: 'proposal.review' }, async (ctx, { params, body }) =>
    reviewReply(ctx, params.id, body),
  );
  route(app, deps, api.signReply, { action: 'proposal.sign' }, async (ctx, { params, body }) =>
    signReply(ctx, params.id, body.signedOn),
  );
  route(app, deps, api.sendReply, handle, async (ctx, { params, body }) => sendReply(ctx, params.id, body));
  route(app, deps, api.recordFeedback, handle, async (ctx, { params, body }) =>
    recordFeedback(ctx, params.id, body),
  );
  route(app, deps, api.addCommitment, handle, async (ctx, { params, body }) =>
    addCommitment(ctx, params.id, body),
  );
  route(app, deps, api.removeCommitment, handle, async (ctx, { params }) =>
    removeCommitment(ctx, params.id, params.commitmentId),
  );
  route(app, deps, api.raiseGrade, handle, async (ctx, { params }) => raiseGrade(ctx, params.id));
  route(app, deps, api.listTemplates, read, async (ctx) => listTemplates(ctx.db));
  route(app, deps, api.createTemplate, handle, async (ctx, { body }) => saveTemplate(ctx, null, body));
  route(app, deps, api.updateTemplate, handle, async (ctx, { params, body }) =>
    saveTemplate(ctx, params.id, body),
  );
}
