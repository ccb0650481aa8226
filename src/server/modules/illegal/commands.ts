/**
 * Illegal structures' writes: register, measure, visit, notice, removal, clearing, photos and
 * cadres' assignments. Each is one audited write; the domain rules decide what may happen.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type {
  Assignment,
  ClearingBody,
  CreateAssignmentBody,
  CreateStructureBody,
  MeasurementBody,
  NoticeBody,
  RemovalBody,
  StructureDetail,
  VisitBody,
} from '../../../contract/illegal.js';
import { type Step, type StepProblem, statusOf, stepProblem, verify } from '../../../domain/illegal.js';
import { districtToday } from '../../../domain/ledger.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import { cadreCanServe } from '../../../domain/projects.js';
import type { Tx } from '../../db/client.js';
import {
  buildings,
  cadres,
  households,
  illegalAssignments,
  illegalMeasurements,
  illegalStructures,
  illegalVisits,
  photos,
} from '../../db/schema.js';
import { holds } from '../../platform/access.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, type FieldReason, found } from '../../platform/errors.js';
import { illegalSettings } from '../../platform/settings.js';
import { readUpload } from '../../platform/uploads.js';
import { loadCompound } from '../inventory/access.js';
import { cadreRule } from '../organisation/access.js';
import { storePhoto } from '../photos/service.js';
import { loadStructure } from './access.js';
import { structureDetail } from './queries.js';

const refuse = (field: string, reason: FieldReason) => new AppError('VALIDATION_FAILED', { [field]: reason });

function notAfterToday(field: string, date: string) {
  if (date > districtToday()) throw refuse(field, 'in_future');
}

/** Where in the compound a structure or an assignment is: its building, unit and household, checked. */
async function placeIn(
  tx: Tx,
  compoundId: string,
  input: { buildingId?: string; unit?: string; householdId?: string },
): Promise<{ buildingId: string | null; unit: string | null; householdId: string | null }> {
  if (input.householdId) {
    const [h] = await tx
      .select({ compoundId: households.compoundId, buildingId: households.buildingId, unit: households.unit })
      .from(households)
      .where(eq(households.id, input.householdId));
    if (!h || h.compoundId !== compoundId) throw refuse('householdId', 'not_in_compound');
    if (input.buildingId && input.buildingId !== h.buildingId) throw refuse('householdId', 'not_in_building');
    if (input.unit && input.unit !== h.unit) throw refuse('householdId', 'not_in_building');
    return { buildingId: h.buildingId, unit: h.unit, householdId: input.householdId };
  }
  if (input.buildingId) {
    const [b] = await tx
      .select({ compoundId: buildings.compoundId })
      .from(buildings)
      .where(eq(buildings.id, input.buildingId));
    if (!b || b.compoundId !== compoundId) throw refuse('buildingId', 'not_in_compound');
  } else if (input.unit) {
    throw refuse('buildingId', 'not_in_compound');
  }
  return { buildingId: input.buildingId ?? null, unit: input.unit ?? null, householdId: null };
}

async function detailOf(ctx: Ctx, id: string): Promise<StructureDetail> {
  return structureDetail(ctx.db, await loadStructure(ctx, id, 'read'));
}

/** Register a structure; one already registered at the same household with the same type is linked. */
export async function createStructure(ctx: Ctx, input: CreateStructureBody): Promise<StructureDetail> {
  notAfterToday('surveyOn', input.surveyOn);
  const { types } = await illegalSettings(ctx.db);
  if (!types.includes(input.type)) throw refuse('type', 'unknown_type');
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'write', tx);
    const place = await placeIn(tx, compound.id, input);
    const [earlier] = place.householdId
      ? await tx
          .select({ id: illegalStructures.id })
          .from(illegalStructures)
          .where(
            and(
              eq(illegalStructures.householdId, place.householdId),
              eq(illegalStructures.type, input.type),
              isNull(illegalStructures.duplicateOf),
            ),
          )
          .orderBy(asc(illegalStructures.createdAt))
          .limit(1)
      : [];
    const [row] = await tx
      .insert(illegalStructures)
      .values({
        compoundId: compound.id,
        ...place,
        regionCode: compound.regionCode,
        type: input.type,
        location: input.location ?? null,
        surveyOn: input.surveyOn,
        surveyor: input.surveyor,
        ownerPartyMember: input.ownerPartyMember,
        ownerPublicEmployee: input.ownerPublicEmployee,
        duplicateOf: earlier?.id ?? null,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const created = found(row);
    await audit({
      action: 'illegal.create',
      entityType: 'illegal_structure',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created.id;
  });
  return detailOf(ctx, id);
}

type Loaded = Awaited<ReturnType<typeof loadStructure>>;

function check(structure: Loaded, step: Step, field: string) {
  const problem: StepProblem | null = stepProblem(structure, step);
  if (problem) throw refuse(field, problem);
}

/** Record a measurement and decide the verified area again from every measurement taken. */
export async function addMeasurement(ctx: Ctx, id: string, input: MeasurementBody): Promise<StructureDetail> {
  notAfterToday('measuredOn', input.measuredOn);
  await loadStructure(ctx, id, 'write');
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const structure = await loadStructure(ctx, id, 'write', tx);
    check(structure, { kind: 'measure' }, 'measuredOn');
    if (input.measuredOn < structure.surveyOn) throw refuse('measuredOn', 'before_survey');
    await tx
      .insert(illegalMeasurements)
      .values({ structureId: id, ...input, createdBy: ctx.principal.userId });
    const all = await tx
      .select({ by: illegalMeasurements.measuredBy, area: illegalMeasurements.area })
      .from(illegalMeasurements)
      .where(eq(illegalMeasurements.structureId, id))
      .orderBy(
        asc(illegalMeasurements.measuredOn),
        asc(illegalMeasurements.createdAt),
        asc(illegalMeasurements.id),
      );
    const { tolerancePercent } = await illegalSettings(tx);
    const outcome = verify(all, tolerancePercent);
    const verifiedArea = outcome.state === 'verified' ? outcome.area : null;
    const status = statusOf({ ...structure, verifiedArea });
    await tx
      .update(illegalStructures)
      .set({ verifiedArea, status, version: sql`${illegalStructures.version} + 1` })
      .where(eq(illegalStructures.id, id));
    await audit({
      action: 'illegal.measure',
      entityType: 'illegal_structure',
      entityId: id,
      regionCode: structure.regionCode,
      before: { verifiedArea: structure.verifiedArea },
      after: { ...input, verification: outcome.state, verifiedArea },
    });
  });
  return detailOf(ctx, id);
}

/** The visiting cadre: the one named (in the caller's scope), or the caller's own cadre record. */
async function visitingCadre(tx: Tx, ctx: Ctx, cadreId: string | undefined) {
  if (cadreId) {
    const [row] = await tx
      .select({ id: cadres.id, inScope: holds(cadreRule(ctx.principal, 'read')), userId: cadres.userId })
      .from(cadres)
      .where(eq(cadres.id, cadreId));
    if (!row || !(row.inScope || row.userId === ctx.principal.userId)) {
      throw refuse('cadreId', 'cadre_outside_scope');
    }
    return row.id;
  }
  const [own] = await tx
    .select({ id: cadres.id })
    .from(cadres)
    .where(eq(cadres.userId, ctx.principal.userId));
  if (!own) throw refuse('cadreId', 'no_cadre');
  return own.id;
}

/** Log a door-to-door visit: the assigned cadre, or staff in scope for any cadre of theirs. */
export async function addVisit(ctx: Ctx, id: string, input: VisitBody): Promise<StructureDetail> {
  notAfterToday('visitedOn', input.visitedOn);
  await loadStructure(ctx, id, 'write');
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const structure = await loadStructure(ctx, id, 'write', tx);
    if (input.visitedOn < structure.surveyOn) throw refuse('visitedOn', 'before_survey');
    const cadreId = await visitingCadre(tx, ctx, input.cadreId);
    const [row] = await tx
      .insert(illegalVisits)
      .values({
        structureId: id,
        cadreId,
        visitedOn: input.visitedOn,
        outcome: input.outcome,
        notes: input.notes ?? null,
        createdBy: ctx.principal.userId,
      })
      .returning();
    await audit({
      action: 'illegal.visit',
      entityType: 'illegal_structure',
      entityId: id,
      regionCode: structure.regionCode,
      after: found(row),
    });
  });
  return detailOf(ctx, id);
}

/** One of the removal steps: checked by the domain, stale versions refused, audited. */
async function step(
  ctx: Ctx,
  id: string,
  version: number,
  action: 'illegal.notice' | 'illegal.remove' | 'illegal.clear',
  decide: (
    tx: Tx,
    structure: Loaded,
  ) =>
    | Promise<Partial<typeof illegalStructures.$inferInsert>>
    | Partial<typeof illegalStructures.$inferInsert>,
): Promise<StructureDetail> {
  // A refusal is recorded outside the write, which it would otherwise roll back with it.
  await loadStructure(ctx, id, 'write');
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const structure = await loadStructure(ctx, id, 'write', tx);
    const changes = await decide(tx, structure);
    if (structure.version !== version) throw conflict();
    const status = statusOf({ ...structure, ...changes } as Loaded);
    const [row] = await tx
      .update(illegalStructures)
      .set({ ...changes, status, version: sql`${illegalStructures.version} + 1` })
      .where(and(eq(illegalStructures.id, id), eq(illegalStructures.version, version)))
      .returning();
    if (!row) throw conflict();
    await audit({
      action,
      entityType: 'illegal_structure',
      entityId: id,
      regionCode: structure.regionCode,
      before: { status: structure.status },
      after: { ...changes, status },
    });
  });
  return detailOf(ctx, id);
}

export function recordNotice(ctx: Ctx, id: string, input: NoticeBody) {
  notAfterToday('noticeOn', input.noticeOn);
  return step(ctx, id, input.version, 'illegal.notice', (_tx, structure) => {
    check(structure, { kind: 'notice', on: input.noticeOn, deadline: input.deadline }, 'noticeOn');
    return { noticeOn: input.noticeOn, noticeDeadline: input.deadline };
  });
}

export function recordRemoval(ctx: Ctx, id: string, input: RemovalBody) {
  notAfterToday('removedOn', input.removedOn);
  return step(ctx, id, input.version, 'illegal.remove', (_tx, structure) => {
    const problem = stepProblem(structure, {
      kind: 'remove',
      on: input.removedOn,
      by: input.removedBy,
      legalBasis: input.legalBasis,
    });
    if (problem) throw refuse(problem === 'legal_basis_required' ? 'legalBasis' : 'removedOn', problem);
    return {
      removedOn: input.removedOn,
      removedBy: input.removedBy,
      legalBasis: input.removedBy === 'enforcement' ? (input.legalBasis ?? null) : null,
    };
  });
}

/** The site cleared (即拆即清), confirmed by a photo already attached to this structure. */
export function recordClearing(ctx: Ctx, id: string, input: ClearingBody) {
  notAfterToday('clearedOn', input.clearedOn);
  return step(ctx, id, input.version, 'illegal.clear', async (tx, structure) => {
    check(structure, { kind: 'clear', on: input.clearedOn }, 'clearedOn');
    const [photo] = await tx
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.id, input.photoId), eq(photos.structureId, id)));
    if (!photo) throw refuse('photoId', 'not_found');
    return { clearedOn: input.clearedOn, clearedPhotoId: photo.id };
  });
}

export async function addStructurePhoto(ctx: Ctx, id: string, fileName: string, body: unknown) {
  const structure = await loadStructure(ctx, id, 'write');
  // Taken in only once the caller may add it.
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(ctx, { structureId: id, regionCode: structure.regionCode }, fileName, bytes, {
    entityType: 'illegal_structure',
    entityId: id,
  });
}

const assignmentColumns = {
  id: illegalAssignments.id,
  cadreId: illegalAssignments.cadreId,
  cadreName: cadres.name,
  level: illegalAssignments.level,
  buildingId: illegalAssignments.buildingId,
  buildingNumber: buildings.number,
  unit: illegalAssignments.unit,
  householdId: illegalAssignments.householdId,
  room: households.room,
};

/** A compound's assignments (the compound in the caller's scope). */
export async function listAssignments(ctx: Ctx, compoundId: string): Promise<Assignment[]> {
  const compound = await loadCompound(ctx, compoundId, 'read');
  return ctx.db
    .select(assignmentColumns)
    .from(illegalAssignments)
    .innerJoin(cadres, eq(cadres.id, illegalAssignments.cadreId))
    .innerJoin(buildings, eq(buildings.id, illegalAssignments.buildingId))
    .leftJoin(households, eq(households.id, illegalAssignments.householdId))
    .where(eq(illegalAssignments.compoundId, compound.id))
    .orderBy(asc(buildings.number), asc(illegalAssignments.unit), asc(households.room), asc(cadres.name));
}

/** Assign a cadre of the caller's scope, who may serve there, to a building, unit or household. */
export async function createAssignment(ctx: Ctx, input: CreateAssignmentBody): Promise<Assignment> {
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const [cadre] = await tx
      .select({
        id: cadres.id,
        regionCode: cadres.regionCode,
        inScope: holds(cadreRule(ctx.principal, 'read')),
      })
      .from(cadres)
      .where(eq(cadres.id, input.cadreId));
    if (!cadre?.inScope) throw refuse('cadreId', 'cadre_outside_scope');
    let buildingId = input.buildingId;
    if (input.householdId) {
      const [h] = await tx
        .select({ buildingId: households.buildingId })
        .from(households)
        .where(eq(households.id, input.householdId));
      if (!h) throw refuse('householdId', 'not_found');
      buildingId = h.buildingId;
    }
    if (!buildingId) throw refuse('buildingId', 'not_found');
    const [building] = await tx
      .select({ compoundId: buildings.compoundId })
      .from(buildings)
      .where(eq(buildings.id, buildingId));
    if (!building) throw refuse('buildingId', 'not_found');
    const compound = await loadCompound(ctx, building.compoundId, 'write', tx);
    if (!cadreCanServe(cadre.regionCode, compound.regionCode)) throw refuse('cadreId', 'cadre_outside_scope');
    const place = await placeIn(tx, compound.id, { ...input, buildingId });
    if (input.level === 'household' && !place.householdId) throw refuse('householdId', 'not_found');
    if (input.level === 'unit' && !place.unit) throw refuse('unit', 'not_found');
    const [row] = await tx
      .insert(illegalAssignments)
      .values({
        cadreId: cadre.id,
        level: input.level,
        compoundId: compound.id,
        buildingId,
        unit: input.level === 'building' ? null : place.unit,
        householdId: input.level === 'household' ? place.householdId : null,
        regionCode: compound.regionCode,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const created = found(row);
    await audit({
      action: 'illegal.assign',
      entityType: 'illegal_assignment',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created.id;
  });
  const [row] = await ctx.db
    .select(assignmentColumns)
    .from(illegalAssignments)
    .innerJoin(cadres, eq(cadres.id, illegalAssignments.cadreId))
    .innerJoin(buildings, eq(buildings.id, illegalAssignments.buildingId))
    .leftJoin(households, eq(households.id, illegalAssignments.householdId))
    .where(eq(illegalAssignments.id, id));
  return found(row);
}
