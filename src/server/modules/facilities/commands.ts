/**
 * Facilities' writes: register, edit (version checked), delete, photos. Each is one audited write;
 * the domain decides what a record needs, against the district's type list.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CreateFacilityBody, FacilityDetail, UpdateFacilityBody } from '../../../contract/facilities.js';
import { facilityProblems, typeNamed } from '../../../domain/facilities.js';
import { districtToday } from '../../../domain/ledger.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import type { Tx } from '../../db/client.js';
import { buildings, facilities, photos, projects } from '../../db/schema.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, type FieldReason, found, notFound } from '../../platform/errors.js';
import { facilitySettings } from '../../platform/settings.js';
import { readUpload } from '../../platform/uploads.js';
import { loadCompound } from '../inventory/access.js';
import { storePhoto } from '../photos/service.js';
import { loadFacility } from './access.js';
import { facilityDetail } from './queries.js';

type Fields = Omit<UpdateFacilityBody, 'version'>;

/** The record's columns from a body, checked: type in the list, count, date, place, project of the compound. */
async function checked(tx: Tx, compoundId: string, input: Fields) {
  const { types } = await facilitySettings(tx);
  const problems: Record<string, FieldReason> = { ...facilityProblems(input, types, districtToday()) };
  if (input.projectId) {
    const [project] = await tx
      .select({ compoundId: projects.compoundId })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    if (!project || project.compoundId !== compoundId) problems.projectId = 'project_not_in_compound';
  }
  if (input.buildingId) {
    const [building] = await tx
      .select({ compoundId: buildings.compoundId })
      .from(buildings)
      .where(eq(buildings.id, input.buildingId));
    if (!building || building.compoundId !== compoundId) problems.buildingId = 'not_in_compound';
  }
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', problems);
  const type = found(typeNamed(types, input.type));
  return {
    projectId: input.projectId ?? null,
    type: type.name,
    typeGroup: type.group,
    count: input.count,
    action: input.action,
    completedOn: input.completedOn,
    buildingId: input.buildingId ?? null,
    unit: input.buildingId ? (input.unit ?? null) : null,
    remarks: input.remarks || null,
  };
}

/** Register a facility added or improved in a compound in the caller's scope. */
export async function createFacility(ctx: Ctx, input: CreateFacilityBody): Promise<FacilityDetail> {
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'write', tx);
    const values = await checked(tx, compound.id, input);
    const [row] = await tx
      .insert(facilities)
      .values({
        compoundId: compound.id,
        regionCode: compound.regionCode,
        ...values,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const created = found(row);
    await audit({
      action: 'facility.create',
      entityType: 'facility',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created.id;
  });
  return facilityDetail(ctx.db, ctx.principal, id);
}

/** Edit a facility; a stale version is refused (409). */
export async function updateFacility(
  ctx: Ctx,
  id: string,
  input: UpdateFacilityBody,
): Promise<FacilityDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadFacility(ctx, id, 'write', tx);
    if (before.version !== input.version) throw conflict();
    const values = await checked(tx, before.compoundId, input);
    const [row] = await tx
      .update(facilities)
      .set({ ...values, updatedAt: new Date(), version: sql`${facilities.version} + 1` })
      .where(and(eq(facilities.id, id), eq(facilities.version, input.version)))
      .returning();
    if (!row) throw conflict();
    await audit({
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      regionCode: row.regionCode,
      before,
      after: row,
    });
  });
  return facilityDetail(ctx.db, ctx.principal, id);
}

/** Delete a facility with its photos; a stale version is refused (409). */
export async function deleteFacility(ctx: Ctx, id: string, version: number) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadFacility(ctx, id, 'write', tx);
    if (before.version !== version) throw conflict();
    const [row] = await tx
      .delete(facilities)
      .where(and(eq(facilities.id, id), eq(facilities.version, version)))
      .returning({ id: facilities.id });
    if (!row) throw conflict();
    await audit({
      action: 'facility.delete',
      entityType: 'facility',
      entityId: id,
      regionCode: before.regionCode,
      before,
    });
  });
  return { ok: true as const };
}

export async function addFacilityPhoto(ctx: Ctx, id: string, fileName: string, body: unknown) {
  const facility = await loadFacility(ctx, id, 'write');
  // Taken in only once the caller may add it.
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(ctx, { facilityId: id, regionCode: facility.regionCode }, fileName, bytes, {
    entityType: 'facility',
    entityId: id,
  });
}

/** Remove one photo of a facility (reached through the facility). */
export async function deleteFacilityPhoto(ctx: Ctx, id: string, photoId: string) {
  const facility = await loadFacility(ctx, id, 'write');
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const [row] = await tx
      .delete(photos)
      .where(and(eq(photos.id, photoId), eq(photos.facilityId, id)))
      .returning({ id: photos.id, fileName: photos.fileName, sha256: photos.sha256 });
    if (!row) throw notFound();
    await audit({
      action: 'photo.remove',
      entityType: 'facility',
      entityId: id,
      regionCode: facility.regionCode,
      before: { photo: row.id, fileName: row.fileName, sha256: row.sha256 },
    });
  });
  return { ok: true as const };
}
