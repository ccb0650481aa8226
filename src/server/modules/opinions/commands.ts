/**
 * Staff's writes on an opinion: answer it (the answer is public through the receipt), close it,
 * or turn it into a rectification ticket (quality's one ticket flow, source `opinion`) or a
 * supervision-ledger item (the ledger's own creation). One transaction each, with its audit event.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { OpinionLedgerBody, OpinionTicketBody } from '../../../contract/opinions.js';
import { type OpinionAction, opinionStep } from '../../../domain/opinions.js';
import type { Tx } from '../../db/client.js';
import { opinions } from '../../db/schema.js';
import { authorize } from '../../platform/access.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, conflict } from '../../platform/errors.js';
import { addItem } from '../ledger/commands.js';
import { loadProject } from '../projects/access.js';
import { openTicketIn } from '../quality/commands.js';
import { loadOpinion } from './access.js';
import { refusal } from './messages.js';

type Row = typeof opinions.$inferSelect;

/**
 * Load the opinion for writing, check the step and the version, run `change` (which may add the
 * ticket or ledger item), then store the new status with what `change` returns, audited.
 */
async function step(
  ctx: Ctx,
  id: string,
  version: number,
  action: OpinionAction,
  change: (tx: Tx, audit: Audit, opinion: Row) => Promise<Partial<Row>>,
): Promise<Row> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const opinion = await loadOpinion(ctx, id, 'write', tx);
    if (opinion.version !== version) throw conflict();
    const next = opinionStep(opinion.status, action);
    if ('problem' in next)
      throw new AppError('VALIDATION_FAILED', { status: refusal(next.problem, ctx.lang) });
    const fields = await change(tx, audit, opinion);
    const [after] = await tx
      .update(opinions)
      .set({ ...fields, status: next.to, updatedAt: new Date(), version: sql`${opinions.version} + 1` })
      .where(and(eq(opinions.id, id), eq(opinions.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({
      action: `opinion.${action}`,
      entityType: 'opinion',
      entityId: id,
      regionCode: opinion.regionCode,
      before: { status: opinion.status, answer: opinion.answer },
      after: { status: after.status, ...fields },
    });
    return after;
  });
}

export async function answerOpinion(ctx: Ctx, id: string, input: { version: number; answer: string }) {
  return step(ctx, id, input.version, 'answer', async () => ({
    answer: input.answer,
    answeredAt: new Date(),
    answeredBy: ctx.principal.userId,
  }));
}

export async function closeOpinion(ctx: Ctx, id: string, input: { version: number }) {
  return step(ctx, id, input.version, 'close', async () => ({}));
}

/**
 * A rectification ticket on a project of the opinion's compound, opened as every ticket is (the
 * construction unit told, the deadline checked); it needs the right to open tickets.
 */
export async function opinionToTicket(ctx: Ctx, id: string, input: OpinionTicketBody, today: string) {
  await authorize(ctx, 'quality.inspect');
  return step(ctx, id, input.version, 'ticket', async (tx, audit, opinion) => {
    const project = await loadProject(ctx, input.projectId, 'read', tx);
    if (project.compoundId !== opinion.compoundId)
      throw new AppError('VALIDATION_FAILED', { projectId: refusal('project_not_in_compound', ctx.lang) });
    const ticketId = await openTicketIn(
      tx,
      ctx,
      audit,
      project,
      { title: input.title, deadline: input.deadline, source: 'opinion' },
      today,
      '',
    );
    return { ticketId };
  });
}

/** A supervision-ledger item, made by the ledger's own creation (owner, deadline and project checked). */
export async function opinionToLedger(ctx: Ctx, id: string, input: OpinionLedgerBody, today: string) {
  await authorize(ctx, 'ledger.write');
  const { version, ...item } = input;
  return step(ctx, id, version, 'ledger', async (tx, audit) => ({
    ledgerItemId: await addItem(tx, ctx, audit, today, item),
  }));
}
