/** The firms registry and a project's three units and their people. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddFirmPersonBody,
  CreateFirmBody,
  Firm,
  FirmListQuery,
  ProjectUnits,
  SetProjectUnitsBody,
  UpdateFirmBody,
} from '../../../contract/quality.js';
import { actsForFirm } from '../../../domain/access.js';
import { type FirmKind, firmKinds, isCreditCode } from '../../../domain/quality.js';
import type { Db, Tx } from '../../db/client.js';
import { firmPeople, firms, projectFirms, projectPeople, projects, users } from '../../db/schema.js';
import { holds } from '../../platform/access.js';
import { type Ctx, type Principal, write } from '../../platform/context.js';
import { AppError, conflict, found } from '../../platform/errors.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { loadProject, projectRule } from '../projects/access.js';
import { firmRule, loadFirm } from './access.js';
import { refusal } from './messages.js';

/** Firms the caller may see, each with its people and how many reachable projects name it. */
export async function listFirms(
  db: Db | Tx,
  principal: Principal,
  q: Partial<z.infer<typeof FirmListQuery>> & { id?: string },
) {
  const where = and(
    firmRule(principal, 'read'),
    q.q ? contains(firms.name, q.q) : undefined,
    q.id ? eq(firms.id, q.id) : undefined,
    q.kind
      ? sql`EXISTS (SELECT 1 FROM ${projectFirms} WHERE ${projectFirms.firmId} = ${firms.id} AND ${projectFirms.kind} = ${q.kind})`
      : undefined,
  );
  const page = await paged(
    db,
    db.select(anyRow).from(firms).where(where),
    (limit, offset) =>
      db
        .select({
          id: firms.id,
          name: firms.name,
          creditCode: firms.creditCode,
          qualification: firms.qualification,
          contactName: firms.contactName,
          contactPhone: firms.contactPhone,
          version: firms.version,
          projects: sql<number>`(SELECT count(*)::int FROM ${projectFirms} JOIN ${projects} ON ${projects.id} = ${projectFirms.projectId}
            WHERE ${projectFirms.firmId} = ${firms.id} AND ${holds(projectRule(principal, 'read'))})`,
        })
        .from(firms)
        .where(where)
        .orderBy(asc(firms.name), asc(firms.id))
        .limit(limit)
        .offset(offset),
    { page: q.page ?? 1, pageSize: q.pageSize ?? 20 },
  );
  const people = await peopleOf(
    db,
    page.items.map((f) => f.id),
  );
  return {
    ...page,
    items: page.items.map(
      (f): Firm => ({ ...f, people: people.filter((p) => p.firmId === f.id).map(person) }),
    ),
  };
}

async function peopleOf(db: Db | Tx, firmIds: string[]) {
  if (firmIds.length === 0) return [];
  return db
    .select({
      id: firmPeople.id,
      firmId: firmPeople.firmId,
      name: firmPeople.name,
      post: firmPeople.post,
      phone: firmPeople.phone,
      username: users.username,
    })
    .from(firmPeople)
    .leftJoin(users, eq(users.id, firmPeople.userId))
    .where(inArray(firmPeople.firmId, firmIds))
    .orderBy(asc(firmPeople.name), asc(firmPeople.id));
}

const person = ({ firmId: _f, ...p }: Awaited<ReturnType<typeof peopleOf>>[number]) => p;

async function firmById(db: Db | Tx, principal: Principal, id: string): Promise<Firm> {
  return found((await listFirms(db, principal, { id, page: 1, pageSize: 1 })).items[0]);
}

/** The credit code's check character, and that no other firm has it. */
async function checkCreditCode(tx: Tx, ctx: Ctx, code: string | undefined, self?: string) {
  if (code === undefined) return;
  if (!isCreditCode(code))
    throw new AppError('VALIDATION_FAILED', { creditCode: refusal('bad_credit_code', ctx.lang) });
  const [taken] = await tx.select({ id: firms.id }).from(firms).where(eq(firms.creditCode, code)).limit(1);
  if (taken && taken.id !== self)
    throw new AppError('VALIDATION_FAILED', { creditCode: refusal('credit_code_taken', ctx.lang) });
}

export async function createFirm(ctx: Ctx, input: CreateFirmBody): Promise<Firm> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    await checkCreditCode(tx, ctx, input.creditCode);
    const [row] = await tx.insert(firms).values(input).returning();
    const created = found(row);
    await audit({ action: 'firm.create', entityType: 'firm', entityId: created.id, after: created });
    return firmById(tx, ctx.principal, created.id);
  });
}

export async function updateFirm(ctx: Ctx, id: string, input: UpdateFirmBody): Promise<Firm> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadFirm(ctx, id, 'write', tx);
    const { version, ...changes } = input;
    await checkCreditCode(tx, ctx, changes.creditCode, id);
    const [after] = await tx
      .update(firms)
      .set({ ...changes, version: sql`${firms.version} + 1` })
      .where(and(eq(firms.id, id), eq(firms.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({ action: 'firm.update', entityType: 'firm', entityId: id, before, after });
    return firmById(tx, ctx.principal, id);
  });
}

/** A person of the firm; a login named must be a contractor or supervisor not yet acting for anyone. */
export async function addFirmPerson(ctx: Ctx, firmId: string, input: AddFirmPersonBody): Promise<Firm> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    await loadFirm(ctx, firmId, 'write', tx);
    let userId: string | null = null;
    if (input.username) {
      const [user] = await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(eq(users.username, input.username))
        .limit(1);
      if (!user || !actsForFirm(user.role as Principal['role']))
        throw new AppError('VALIDATION_FAILED', { username: refusal('no_such_login', ctx.lang) });
      const [taken] = await tx
        .select({ id: firmPeople.id })
        .from(firmPeople)
        .where(eq(firmPeople.userId, user.id))
        .limit(1);
      if (taken) throw new AppError('VALIDATION_FAILED', { username: refusal('login_taken', ctx.lang) });
      userId = user.id;
    }
    const [row] = await tx
      .insert(firmPeople)
      .values({ firmId, name: input.name, post: input.post, phone: input.phone, userId })
      .returning();
    await audit({ action: 'firm.person_add', entityType: 'firm', entityId: firmId, after: found(row) });
    return firmById(tx, ctx.principal, firmId);
  });
}

/** A project's units and the people of each named on it, in the order construction, supervision, design. */
export async function projectUnits(ctx: Ctx, projectId: string, db: Db | Tx = ctx.db): Promise<ProjectUnits> {
  const project = await loadProject(ctx, projectId, 'read', db);
  const rows = await db
    .select({
      kind: projectFirms.kind,
      id: firms.id,
      name: firms.name,
      creditCode: firms.creditCode,
      qualification: firms.qualification,
    })
    .from(projectFirms)
    .innerJoin(firms, eq(firms.id, projectFirms.firmId))
    .where(eq(projectFirms.projectId, project.id));
  const named = await db
    .select({ kind: projectPeople.kind, personId: projectPeople.personId })
    .from(projectPeople)
    .where(eq(projectPeople.projectId, project.id));
  const people = await peopleOf(
    db,
    rows.map((r) => r.id),
  );
  const units = firmKinds.flatMap((kind) => {
    const r = rows.find((x) => x.kind === kind);
    if (!r) return [];
    const ids = new Set(named.filter((n) => n.kind === kind).map((n) => n.personId));
    const { kind: _k, ...firm } = r;
    return [{ kind, firm, people: people.filter((p) => p.firmId === r.id && ids.has(p.id)).map(person) }];
  });
  return { projectId: project.id, units };
}

/** Name a project's units and their people (replacing what was named); each person of their unit's firm. */
export async function setProjectUnits(
  ctx: Ctx,
  projectId: string,
  input: SetProjectUnitsBody,
): Promise<ProjectUnits> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const before = await projectUnits(ctx, projectId, tx);
    const kinds = input.units.map((u) => u.kind);
    const twice = kinds.findIndex((k, i) => kinds.indexOf(k) !== i);
    if (twice >= 0)
      throw new AppError('VALIDATION_FAILED', { [`units.${twice}.kind`]: refusal('unit_twice', ctx.lang) });
    const firmIds = input.units.map((u) => u.firmId);
    const known = firmIds.length
      ? await tx.select({ id: firms.id }).from(firms).where(inArray(firms.id, firmIds))
      : [];
    const personIds = input.units.flatMap((u) => u.people);
    const persons = personIds.length
      ? await tx
          .select({ id: firmPeople.id, firmId: firmPeople.firmId })
          .from(firmPeople)
          .where(inArray(firmPeople.id, personIds))
      : [];
    for (const [i, unit] of input.units.entries()) {
      if (!known.some((k) => k.id === unit.firmId))
        throw new AppError('VALIDATION_FAILED', { [`units.${i}.firmId`]: 'not_found' });
      unit.people.forEach((pid, j) => {
        if (persons.find((p) => p.id === pid)?.firmId !== unit.firmId)
          throw new AppError('VALIDATION_FAILED', {
            [`units.${i}.people.${j}`]: refusal('person_not_of_firm', ctx.lang),
          });
      });
    }
    await tx.delete(projectPeople).where(eq(projectPeople.projectId, project.id));
    await tx.delete(projectFirms).where(eq(projectFirms.projectId, project.id));
    if (input.units.length) {
      await tx
        .insert(projectFirms)
        .values(
          input.units.map((u) => ({ projectId: project.id, kind: u.kind as FirmKind, firmId: u.firmId })),
        );
      const people = input.units.flatMap((u) =>
        [...new Set(u.people)].map((personId) => ({ projectId: project.id, kind: u.kind, personId })),
      );
      if (people.length) await tx.insert(projectPeople).values(people).onConflictDoNothing();
    }
    const after = await projectUnits(ctx, projectId, tx);
    await audit({
      action: 'project.units',
      entityType: 'project',
      entityId: project.id,
      regionCode: project.regionCode,
      before,
      after,
    });
    return after;
  });
}
