import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreateCadreBody,
  CreatePartyBodyBody,
  UpdateCadreBody,
  UpdateUnitBody,
} from '../../../contract/organisation.js';
import { createsCycle } from '../../../domain/ledger.js';
import { queryRows, type Tx } from '../../db/client.js';
import { cadres, firstSecretaries, partyBodies, regions, units } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, found, notFound } from '../../platform/errors.js';
import { loadProject } from '../projects/access.js';
import { loadCadre, loadUnit } from './access.js';
import { cadreById, listFirstSecretaries, listUnits, partyBodyById } from './queries.js';

/** The region exists and lies in the caller's scope. */
async function assertRegion(tx: Tx, ctx: Ctx, code: string, field = 'regionCode') {
  const [found] = await tx
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), scopeWhere(ctx.principal, regions.code)))
    .limit(1);
  if (!found) {
    throw new AppError('VALIDATION_FAILED', { [field]: 'unknown_region' });
  }
}

async function assertExists(
  tx: Tx,
  table: typeof units | typeof cadres,
  id: string | null | undefined,
  field: string,
) {
  if (!id) return;
  const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
  if (!row) throw new AppError('VALIDATION_FAILED', { [field]: 'not_found' });
}

/** Refuse a superior that would make the chain a loop (a cadre their own superior, directly or not). */
async function assertNoCycle(tx: Tx, cadreId: string, superiorId: string | null | undefined) {
  if (!superiorId) return;
  const chain = await queryRows<{ id: string; superior_id: string | null }>(
    tx,
    sql`
    WITH RECURSIVE up(id, superior_id, depth) AS (
      SELECT id, superior_id, 0 FROM ${cadres} WHERE id = ${superiorId}
      UNION ALL
      SELECT c.id, c.superior_id, up.depth + 1 FROM ${cadres} c JOIN up ON c.id = up.superior_id
      WHERE up.depth < 1000
    ) SELECT id, superior_id FROM up`,
  );
  const superiorOf = new Map(chain.map((r) => [r.id, r.superior_id]));
  if (createsCycle(superiorOf, cadreId, superiorId)) {
    throw new AppError('VALIDATION_FAILED', { superiorId: 'superior_cycle' });
  }
}

export async function createCadre(ctx: Ctx, input: CreateCadreBody) {
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    await assertRegion(tx, ctx, input.regionCode);
    await assertExists(tx, units, input.unitId, 'unitId');
    await assertExists(tx, cadres, input.superiorId, 'superiorId');
    const [row] = await tx.insert(cadres).values(input).returning();
    if (!row) throw new Error('insert returned nothing');
    await audit({
      action: 'cadre.create',
      entityType: 'cadre',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return found(await cadreById(ctx.db, ctx.principal, id));
}

/** Edit a cadre; a stale version is a conflict, a superior closing a loop is refused. */
export async function updateCadre(ctx: Ctx, id: string, input: UpdateCadreBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadCadre(ctx, id, 'write', tx);
    const { version, ...changes } = input;
    if (changes.regionCode) await assertRegion(tx, ctx, changes.regionCode);
    await assertExists(tx, units, changes.unitId, 'unitId');
    if (changes.superiorId === id) throw new AppError('VALIDATION_FAILED', { superiorId: 'superior_cycle' });
    await assertExists(tx, cadres, changes.superiorId, 'superiorId');
    await assertNoCycle(tx, id, changes.superiorId);
    const [after] = await tx
      .update(cadres)
      .set({ ...changes, version: sql`${cadres.version} + 1` })
      .where(and(eq(cadres.id, id), eq(cadres.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({
      action: 'cadre.update',
      entityType: 'cadre',
      entityId: id,
      regionCode: after.regionCode,
      before,
      after,
    });
  });
  return found(await cadreById(ctx.db, ctx.principal, id));
}

async function unitById(tx: Tx, id: string) {
  const page = await listUnits(tx, { id, page: 1, pageSize: 1 });
  return found(page.items[0]);
}

export async function createUnit(ctx: Ctx, input: { name: string; leaderCadreId: string | null }) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    await assertExists(tx, cadres, input.leaderCadreId, 'leaderCadreId');
    const [row] = await tx.insert(units).values(input).returning();
    if (!row) throw new Error('insert returned nothing');
    await audit({ action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
    return unitById(tx, row.id);
  });
}

export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitBody) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadUnit(ctx, id, 'write', tx);
    const { version, ...changes } = input;
    await assertExists(tx, cadres, changes.leaderCadreId, 'leaderCadreId');
    const [after] = await tx
      .update(units)
      .set({ ...changes, version: sql`${units.version} + 1` })
      .where(and(eq(units.id, id), eq(units.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({ action: 'unit.update', entityType: 'unit', entityId: id, before, after });
    return unitById(tx, id);
  });
}

/** A subdistrict's first secretary is a district leader: a county-level cadre. */
export async function setFirstSecretary(ctx: Ctx, regionCode: string, cadreId: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const [region] = await tx
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, regionCode), inArray(regions.level, ['subdistrict', 'township'])))
      .limit(1);
    if (!region) throw notFound();
    const [cadre] = await tx.select().from(cadres).where(eq(cadres.id, cadreId)).limit(1);
    if (!cadre) throw new AppError('VALIDATION_FAILED', { cadreId: 'not_found' });
    if (cadre.level !== 'county') throw new AppError('VALIDATION_FAILED', { cadreId: 'not_county_level' });
    const [before] = await tx
      .select()
      .from(firstSecretaries)
      .where(eq(firstSecretaries.regionCode, regionCode));
    await tx
      .insert(firstSecretaries)
      .values({ regionCode, cadreId })
      .onConflictDoUpdate({ target: firstSecretaries.regionCode, set: { cadreId } });
    await audit({
      action: 'first_secretary.set',
      entityType: 'region',
      entityId: regionCode,
      regionCode,
      before: before ?? null,
      after: { regionCode, cadreId },
    });
    return { items: await listFirstSecretaries(tx, ctx.principal) };
  });
}

/** Form a party body in a region of the caller's scope; attached to a project, it sits in the project's area. */
export async function createPartyBody(ctx: Ctx, input: CreatePartyBodyBody) {
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    await assertRegion(tx, ctx, input.regionCode);
    if (input.projectId) {
      const project = await loadProject(ctx, input.projectId, 'write', tx);
      if (!project.regionCode.startsWith(input.regionCode)) {
        throw new AppError('VALIDATION_FAILED', { regionCode: 'unknown_region' });
      }
    }
    const [row] = await tx.insert(partyBodies).values(input).returning();
    if (!row) throw new Error('insert returned nothing');
    await audit({
      action: 'party_body.create',
      entityType: 'party_body',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return found(await partyBodyById(ctx.db, id));
}
