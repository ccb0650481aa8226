import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  AccountabilityBody,
  CreateBatchBody,
  FundingBody,
  ItemsBody,
} from '../../../contract/projects.js';
import { commonRegion } from '../../../domain/access.js';
import type { ProjectStatus } from '../../../domain/inventory.js';
import { cadreCanServe, transitionProblems } from '../../../domain/projects.js';
import type { Tx } from '../../db/client.js';
import {
  cadres,
  catalogueItems,
  compounds,
  partyBodies,
  projectBatches,
  projectFunding,
  projectItems,
  projectMembers,
  projects,
} from '../../db/schema.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, type FieldReason } from '../../platform/errors.js';
import { compoundRule } from '../inventory/access.js';
import { notify, usersOfCadres } from '../notifications/service.js';
import { partyBodyRule } from '../organisation/access.js';
import { loadProject } from './access.js';
import { unmetMessage } from './messages.js';
import { projectFacts } from './queries.js';

/** Bump a project's version, refusing a stale one: the caller holds an old copy. */
async function bump(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof projects.$inferInsert> = {},
) {
  const [row] = await tx
    .update(projects)
    .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning();
  if (!row) throw conflict();
  return row;
}

const link = (id: string) => `/projects/${id}`;

/** Start one project inside an open write; `field` names the input in errors (a batch's list). */
async function startProject(
  tx: Tx,
  ctx: Ctx,
  audit: Audit,
  input: { compoundId: string; year: number; batchId?: string },
  field = 'compoundId',
): Promise<typeof projects.$inferSelect> {
  const [compound] = await tx
    .select()
    .from(compounds)
    .where(and(eq(compounds.id, input.compoundId), compoundRule(ctx.principal, 'write')))
    .limit(1);
  if (!compound) throw new AppError('VALIDATION_FAILED', { [field]: { text: 'not found in your scope' } });
  const [taken] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.compoundId, compound.id), eq(projects.year, input.year)))
    .limit(1);
  if (taken) throw new AppError('VALIDATION_FAILED', { [input.batchId ? field : 'year']: 'taken' });
  const [row] = await tx
    .insert(projects)
    .values({
      compoundId: compound.id,
      regionCode: compound.regionCode,
      year: input.year,
      status: 'planned',
      batchId: input.batchId ?? null,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({
    action: 'project.create',
    entityType: 'project',
    entityId: row.id,
    regionCode: row.regionCode,
    after: row,
  });
  return row;
}

export async function createProject(ctx: Ctx, input: { compoundId: string; year: number }): Promise<string> {
  return write(ctx.db, ctx.actor, async (tx, audit) => (await startProject(tx, ctx, audit, input)).id);
}

/** A batch of compounds renovated together in one year: one project each, all or none. */
export async function createBatch(ctx: Ctx, input: CreateBatchBody): Promise<string> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const twice = input.compoundIds.findIndex((c, i) => input.compoundIds.indexOf(c) !== i);
    if (twice >= 0)
      throw new AppError('VALIDATION_FAILED', { [`compoundIds.${twice}`]: { text: 'listed twice' } });
    const [named] = await tx
      .select({ id: projectBatches.id })
      .from(projectBatches)
      .where(and(eq(projectBatches.year, input.year), eq(projectBatches.name, input.name)));
    if (named) throw new AppError('VALIDATION_FAILED', { name: 'taken' });
    const inScope = await tx
      .select({ id: compounds.id, regionCode: compounds.regionCode })
      .from(compounds)
      .where(and(inArray(compounds.id, input.compoundIds), compoundRule(ctx.principal, 'write')));
    const seen = new Set(inScope.map((c) => c.id));
    const missing = input.compoundIds.findIndex((id) => !seen.has(id));
    if (missing >= 0)
      throw new AppError('VALIDATION_FAILED', {
        [`compoundIds.${missing}`]: { text: 'not found in your scope' },
      });
    const [batch] = await tx
      .insert(projectBatches)
      .values({
        name: input.name,
        year: input.year,
        regionCode: commonRegion(inScope.map((c) => c.regionCode)) ?? '',
        createdBy: ctx.principal.userId,
      })
      .returning();
    if (!batch) throw new Error('insert returned nothing');
    await audit({
      action: 'batch.create',
      entityType: 'project_batch',
      entityId: batch.id,
      regionCode: batch.regionCode,
      after: batch,
    });
    for (const [i, compoundId] of input.compoundIds.entries()) {
      await startProject(
        tx,
        ctx,
        audit,
        { compoundId, year: input.year, batchId: batch.id },
        `compoundIds.${i}`,
      );
    }
    return batch.id;
  });
}

/** Name the accountable people; each must be of the right level and able to serve the project's area. */
export async function setAccountability(ctx: Ctx, id: string, input: AccountabilityBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, id, 'write', tx);
    const wanted = [input.liaisonCadreId, input.cadreInChargeId, ...input.workGroup].filter(
      (c): c is string => c !== null,
    );
    const found = wanted.length ? await tx.select().from(cadres).where(inArray(cadres.id, wanted)) : [];
    const check = (cid: string | null, field: string, level?: string) => {
      if (cid === null) return;
      const c = found.find((f) => f.id === cid);
      if (!c || !cadreCanServe(c.regionCode, project.regionCode)) {
        throw new AppError('VALIDATION_FAILED', { [field]: 'cadre_outside_scope' });
      }
      if (level && c.level !== level) {
        throw new AppError('VALIDATION_FAILED', {
          [field]: {
            text: unmetMessage(
              {
                reason:
                  level === 'county' ? 'liaison_cadre_not_county_level' : 'cadre_in_charge_not_section_level',
              },
              ctx.lang,
            ),
          },
        });
      }
    };
    check(input.liaisonCadreId, 'liaisonCadreId', 'county');
    check(input.cadreInChargeId, 'cadreInChargeId', 'section');
    input.workGroup.forEach((c, i) => {
      check(c, `workGroup.${i}`);
    });
    if (input.tempPartyOrgId) {
      const [org] = await tx
        .select()
        .from(partyBodies)
        .where(and(eq(partyBodies.id, input.tempPartyOrgId), partyBodyRule(ctx.principal, 'write')))
        .limit(1);
      const usable =
        org?.kind === 'temp_party_org' &&
        (org.projectId === null || org.projectId === id) &&
        cadreCanServe(org.regionCode.slice(0, 9), project.regionCode);
      if (!usable)
        throw new AppError('VALIDATION_FAILED', {
          tempPartyOrgId: { text: 'not a free temporary party organisation here' },
        });
      await tx.update(partyBodies).set({ projectId: id }).where(eq(partyBodies.id, input.tempPartyOrgId));
    }
    const before = {
      ...(await projectFacts(tx, project)),
      liaisonCadreId: project.liaisonCadreId,
      cadreInChargeId: project.cadreInChargeId,
    };
    const updated = await bump(tx, id, input.version, {
      liaisonCadreId: input.liaisonCadreId,
      cadreInChargeId: input.cadreInChargeId,
      tempPartyOrgId: input.tempPartyOrgId,
    });
    await tx.delete(projectMembers).where(eq(projectMembers.projectId, id));
    if (input.workGroup.length) {
      await tx
        .insert(projectMembers)
        .values([...new Set(input.workGroup)].map((cadreId) => ({ projectId: id, cadreId })));
    }
    await audit({
      action: 'project.accountability',
      entityType: 'project',
      entityId: id,
      regionCode: updated.regionCode,
      before,
      after: input,
    });
    await notify(tx, await usersOfCadres(tx, wanted), {
      kind: 'assignment',
      title: '您已被指定为改造项目责任人',
      link: link(id),
      subject: `project:${id}:accountability:${updated.version}`,
    });
  });
}

/** One step forward, if the domain rules allow it now. */
export async function transitionProject(
  ctx: Ctx,
  id: string,
  input: { version: number; to: ProjectStatus },
): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, id, 'write', tx);
    const problems = transitionProblems(project.status, input.to, await projectFacts(tx, project, input.to));
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        to: { text: problems.map((p) => unmetMessage(p, ctx.lang)).join('；') },
      });
    }
    const updated = await bump(tx, id, input.version, { status: input.to });
    await audit({
      action: 'project.transition',
      entityType: 'project',
      entityId: id,
      regionCode: updated.regionCode,
      before: { status: project.status },
      after: { status: updated.status },
    });
    const members = await tx
      .select({ cadreId: projectMembers.cadreId })
      .from(projectMembers)
      .where(eq(projectMembers.projectId, id));
    await notify(
      tx,
      await usersOfCadres(tx, [
        project.liaisonCadreId,
        project.cadreInChargeId,
        ...members.map((m) => m.cadreId),
      ]),
      {
        kind: 'status_change',
        title: `改造项目进入新阶段：${input.to}`,
        link: link(id),
        subject: `project:${id}:status:${input.to}`,
      },
    );
  });
}

/** Replace the project's items; a waived mandatory item must say why. */
export async function setProjectItems(ctx: Ctx, id: string, input: ItemsBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, id, 'write', tx);
    const codes = input.items.map((i) => i.catalogueCode);
    const catalogue = codes.length
      ? await tx.select().from(catalogueItems).where(inArray(catalogueItems.code, codes))
      : [];
    const kept = await tx
      .select({ id: projectItems.catalogueItemId })
      .from(projectItems)
      .where(eq(projectItems.projectId, id));
    const fields: Record<string, FieldReason | { text: string }> = {};
    input.items.forEach((item, i) => {
      const entry = catalogue.find((c) => c.code === item.catalogueCode);
      if (!entry) fields[`items.${i}.catalogueCode`] = { text: 'not in the catalogue' };
      // A retired item stays on projects that chose it, but is offered to no new one.
      else if (!entry.active && !kept.some((k) => k.id === entry.id))
        fields[`items.${i}.catalogueCode`] = 'item_retired';
      if (codes.indexOf(item.catalogueCode) !== i)
        fields[`items.${i}.catalogueCode`] = { text: 'listed twice' };
      if (item.status === 'waived' && !item.waiverReason)
        fields[`items.${i}.waiverReason`] = { text: 'a waived item needs a reason' };
    });
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', fields);
    const updated = await bump(tx, id, input.version);
    await tx.delete(projectItems).where(eq(projectItems.projectId, id));
    if (input.items.length) {
      await tx.insert(projectItems).values(
        input.items.map((item) => ({
          projectId: id,
          catalogueItemId: catalogue.find((c) => c.code === item.catalogueCode)?.id ?? '',
          quantity: item.quantity,
          budget: item.budget,
          progress: item.progress,
          status: item.status,
          waiverReason: item.waiverReason,
        })),
      );
    }
    await audit({
      action: 'project.items',
      entityType: 'project',
      entityId: id,
      regionCode: project.regionCode,
      after: input.items,
    });
    return updated;
  });
}

/** Replace the project's funding rows (万元 per source). */
export async function setProjectFunding(ctx: Ctx, id: string, input: FundingBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, id, 'write', tx);
    const sources = input.rows.map((r) => r.source);
    const twice = sources.findIndex((s, i) => sources.indexOf(s) !== i);
    if (twice >= 0)
      throw new AppError('VALIDATION_FAILED', { [`rows.${twice}.source`]: { text: 'listed twice' } });
    await bump(tx, id, input.version);
    await tx.delete(projectFunding).where(eq(projectFunding.projectId, id));
    if (input.rows.length)
      await tx.insert(projectFunding).values(input.rows.map((r) => ({ ...r, projectId: id })));
    await audit({
      action: 'project.funding',
      entityType: 'project',
      entityId: id,
      regionCode: project.regionCode,
      after: input.rows,
    });
  });
}
