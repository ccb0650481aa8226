import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreateLedgerItemBody,
  CreateMeetingBody,
  LedgerItem,
  LedgerItemDetail,
  ProgressBody,
} from '../../../contract/ledger.js';
import type { LedgerDay } from '../../../domain/ledger.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import { cadreCanServe } from '../../../domain/projects.js';
import type { Tx } from '../../db/client.js';
import {
  cadres,
  ledgerItems,
  ledgerProgress,
  meetings,
  photos,
  taskForces,
  units,
  users,
} from '../../db/schema.js';
import { holds } from '../../platform/access.js';
import { type Audit, type Ctx, type Principal, write } from '../../platform/context.js';
import { AppError, conflict, found, notFound } from '../../platform/errors.js';
import { readUpload } from '../../platform/uploads.js';
import { notify } from '../notifications/service.js';
import { cadreRule } from '../organisation/access.js';
import { storePhoto } from '../photos/service.js';
import { loadProject } from '../projects/access.js';
import { loadLedgerItem } from './access.js';
import { ledgerItemById } from './queries.js';

/** The cadre who answers for a new item (and is told of it): its owner, or the owning unit's leader. */
async function resolveOwner(
  tx: Tx,
  principal: Principal,
  input: { ownerCadreId?: string; ownerUnitId?: string },
  field: string,
): Promise<{ cadre: typeof cadres.$inferSelect | null; unitId: string | null; cadreInScope: boolean }> {
  if (Boolean(input.ownerCadreId) === Boolean(input.ownerUnitId)) {
    throw new AppError('VALIDATION_FAILED', { [`${field}ownerCadreId`]: 'one_owner' });
  }
  if (input.ownerCadreId) {
    const [row] = await tx
      .select({ cadre: cadres, inScope: holds(cadreRule(principal, 'read')) })
      .from(cadres)
      .where(eq(cadres.id, input.ownerCadreId))
      .limit(1);
    if (!row) throw new AppError('VALIDATION_FAILED', { [`${field}ownerCadreId`]: 'cadre_outside_scope' });
    return { cadre: row.cadre, unitId: null, cadreInScope: row.inScope };
  }
  const [unit] = await tx
    .select({ id: units.id, leader: cadres })
    .from(units)
    .leftJoin(cadres, eq(cadres.id, units.leaderCadreId))
    .where(eq(units.id, input.ownerUnitId ?? ''))
    .limit(1);
  if (!unit) throw new AppError('VALIDATION_FAILED', { [`${field}ownerUnitId`]: 'not_found' });
  return { cadre: unit.leader, unitId: unit.id, cadreInScope: true };
}

/** Add one item inside an open write: checks the deadline, the owner's scope and the project. */
export async function addItem(
  tx: Tx,
  ctx: Ctx,
  audit: Audit,
  today: string,
  input: CreateLedgerItemBody & { meetingId?: string },
  field = '',
): Promise<string> {
  if (input.deadline < today)
    throw new AppError('VALIDATION_FAILED', { [`${field}deadline`]: 'deadline_past' });
  const { cadre, unitId, cadreInScope } = await resolveOwner(tx, ctx.principal, input, field);
  const project = input.projectId ? await loadProject(ctx, input.projectId, 'read', tx) : null;
  // A cadre must work where the item is; district units serve the whole district.
  if (cadre && !unitId) {
    const servesProject = project ? cadreCanServe(cadre.regionCode, project.regionCode) : true;
    if (!servesProject || !(cadreInScope || project)) {
      throw new AppError('VALIDATION_FAILED', { [`${field}ownerCadreId`]: 'cadre_outside_scope' });
    }
  }
  if (input.taskForceId) {
    const [force] = await tx
      .select({ id: taskForces.id })
      .from(taskForces)
      .where(eq(taskForces.id, input.taskForceId));
    if (!force) throw new AppError('VALIDATION_FAILED', { [`${field}taskForceId`]: 'not_found' });
  }
  const regionCode =
    project?.regionCode ??
    (unitId ? null : cadre?.regionCode) ??
    ctx.principal.scopeRegions[0] ??
    ctx.districtCode;
  const [row] = await tx
    .insert(ledgerItems)
    .values({
      title: input.title,
      ownerCadreId: unitId ? null : (cadre?.id ?? null),
      ownerUnitId: unitId,
      taskForceId: input.taskForceId ?? null,
      deadline: input.deadline,
      priority: input.priority,
      projectId: project?.id ?? null,
      meetingId: input.meetingId ?? null,
      regionCode,
      createdBy: ctx.principal.userId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({
    action: 'ledger.create',
    entityType: 'ledger_item',
    entityId: row.id,
    regionCode: row.regionCode,
    after: row,
  });
  await notify(tx, [cadre?.userId], {
    kind: 'assignment',
    title: row.title,
    link: '/ledger/mine',
    subject: `ledger:${row.id}:assigned`,
  });
  return row.id;
}

export async function createLedgerItem(
  ctx: Ctx,
  input: CreateLedgerItemBody,
  day: LedgerDay,
): Promise<LedgerItem> {
  const id = await write(ctx.db, ctx.actor, (tx, audit) => addItem(tx, ctx, audit, day.today, input));
  const item = await ledgerItemById(ctx.db, id, day);
  if (!item) throw notFound();
  return item;
}

/** A meeting and its decisions, each decision a ledger item, in one transaction. */
export async function createMeeting(ctx: Ctx, input: CreateMeetingBody, day: LedgerDay) {
  const { meetingId, ids } = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = input.projectId ? await loadProject(ctx, input.projectId, 'read', tx) : null;
    const [meeting] = await tx
      .insert(meetings)
      .values({
        kind: input.kind,
        title: input.title,
        heldOn: input.heldOn,
        attendees: input.attendees,
        problems: input.problems ?? null,
        projectId: project?.id ?? null,
        regionCode: project?.regionCode ?? ctx.principal.scopeRegions[0] ?? ctx.districtCode,
        createdBy: ctx.principal.userId,
      })
      .returning();
    if (!meeting) throw new Error('insert returned nothing');
    await audit({
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: meeting.id,
      regionCode: meeting.regionCode,
      after: meeting,
    });
    const ids: string[] = [];
    for (const [i, d] of input.decisions.entries()) {
      ids.push(
        await addItem(
          tx,
          ctx,
          audit,
          day.today,
          { ...d, projectId: project?.id, meetingId: meeting.id },
          `decisions.${i}.`,
        ),
      );
    }
    return { meetingId: meeting.id, ids };
  });
  const items = [];
  for (const id of ids) {
    const item = await ledgerItemById(ctx.db, id, day);
    if (item) items.push(item);
  }
  return {
    id: meetingId,
    kind: input.kind,
    title: input.title,
    heldOn: input.heldOn,
    attendees: input.attendees,
    problems: input.problems ?? null,
    items,
  };
}

/** One item with its meeting, every progress report and the evidence attached to each. */
export async function ledgerItemDetail(ctx: Ctx, id: string, day: LedgerDay): Promise<LedgerItemDetail> {
  const { canReport } = await loadLedgerItem(ctx, id, 'read');
  const item = found(await ledgerItemById(ctx.db, id, day));
  const [meeting] = item.meetingId
    ? await ctx.db
        .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
        .from(meetings)
        .where(eq(meetings.id, item.meetingId))
    : [];
  const progress = await ctx.db
    .select({
      id: ledgerProgress.id,
      note: ledgerProgress.note,
      evidence: ledgerProgress.evidence,
      by: users.displayName,
      at: ledgerProgress.createdAt,
    })
    .from(ledgerProgress)
    .leftJoin(users, eq(users.id, ledgerProgress.createdBy))
    .where(eq(ledgerProgress.itemId, id))
    .orderBy(desc(ledgerProgress.createdAt), desc(ledgerProgress.id));
  const evidence = progress.length
    ? await ctx.db
        .select({
          id: photos.id,
          progressId: photos.progressId,
          fileName: photos.fileName,
          size: photos.size,
          createdAt: photos.createdAt,
        })
        .from(photos)
        .where(
          inArray(
            photos.progressId,
            progress.map((p) => p.id),
          ),
        )
        .orderBy(asc(photos.createdAt))
    : [];
  return {
    ...item,
    meeting: meeting ?? null,
    canReport,
    progress: progress.map((p) => ({
      ...p,
      at: p.at.toISOString(),
      photos: evidence
        .filter((e) => e.progressId === p.id)
        .map(({ progressId: _, createdAt, ...e }) => ({ ...e, createdAt: createdAt.toISOString() })),
    })),
  };
}

/** Attach an evidence photo to one of the item's progress reports (same rights as reporting). */
export async function addEvidence(ctx: Ctx, id: string, progressId: string, fileName: string, body: unknown) {
  const item = await loadLedgerItem(ctx, id, 'write');
  const [report] = await ctx.db
    .select({ id: ledgerProgress.id })
    .from(ledgerProgress)
    .where(and(eq(ledgerProgress.id, progressId), eq(ledgerProgress.itemId, item.id)));
  if (!report) throw notFound();
  // Taken in only once the caller may add it.
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(ctx, { progressId, regionCode: item.regionCode }, fileName, bytes, {
    entityType: 'ledger_item',
    entityId: item.id,
  });
}

/** The owner (or supervising staff in scope) reports progress; a stale version is refused. */
export async function reportProgress(
  ctx: Ctx,
  id: string,
  input: ProgressBody,
  day: LedgerDay,
): Promise<LedgerItemDetail> {
  const item = await loadLedgerItem(ctx, id, 'write');
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const closing = input.status === 'done' && item.status !== 'done';
    const [updated] = await tx
      .update(ledgerItems)
      .set({
        version: sql`${ledgerItems.version} + 1`,
        ...(input.status ? { status: input.status } : {}),
        ...(closing ? { closedAt: new Date() } : {}),
      })
      .where(and(eq(ledgerItems.id, id), eq(ledgerItems.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    await tx.insert(ledgerProgress).values({
      itemId: id,
      note: input.note,
      evidence: input.evidence ?? null,
      createdBy: ctx.principal.userId,
    });
    await audit({
      action: closing ? 'ledger.close' : 'ledger.progress',
      entityType: 'ledger_item',
      entityId: id,
      regionCode: updated.regionCode,
      before: { status: item.status, version: item.version },
      after: { status: updated.status, version: updated.version, note: input.note },
    });
  });
  return ledgerItemDetail(ctx, id, day);
}
