import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody, User } from '../../../contract/users.js';
import { commonRegion, inScope, type Role, scopeProblem } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, loginFailures, regions, users } from '../../db/schema.js';
import type { Actor } from '../../platform/audit.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict } from '../../platform/errors.js';
import { assertPasswordAcceptable, hashPassword } from '../../platform/passwords.js';
import { endSessionsOf } from '../auth/sessions.js';
import { cadreIdOf, loadUser, presentUser } from './queries.js';

async function assertScope(tx: Tx, ctx: Pick<Ctx, 'principal'> | null, role: Role, scope: string[]) {
  const problem = scopeProblem(role, scope);
  if (problem) throw new AppError('VALIDATION_FAILED', { scopeRegions: problem });
  if (scope.length === 0) return;
  const found = await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, scope));
  const outside = scope.some(
    (c) => !found.some((f) => f.code === c) || (ctx && !inScope(ctx.principal.prefixes, c)),
  );
  if (outside) throw new AppError('VALIDATION_FAILED', { scopeRegions: 'unknown_region' });
}

async function assertUsernameFree(tx: Tx, username: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  if (taken) throw new AppError('VALIDATION_FAILED', { username: 'taken' });
}

/**
 * Create a user. `ctx` is null for the system itself (first admin, CLI), which acts without a
 * session but is still recorded as the actor.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  ctx: Ctx | null,
  input: CreateUserBody,
): Promise<User> {
  assertPasswordAcceptable(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return write(db, actor, async (tx, audit) => {
    await assertUsernameFree(tx, input.username);
    await assertScope(tx, ctx, input.role, input.scopeRegions);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        scopeRegions: input.scopeRegions,
        regionCode: commonRegion(input.scopeRegions),
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const user = presentUser(row);
    await audit({
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      regionCode: row.regionCode,
      after: user,
    });
    return user;
  });
}

/** Make `cadreId` (or nobody) the cadre record of user `id`; a cadre belongs to one login at most. */
async function linkCadre(tx: Tx, ctx: Ctx, id: string, cadreId: string | null) {
  await tx.update(cadres).set({ userId: null }).where(eq(cadres.userId, id));
  if (cadreId === null) return;
  const [cadre] = await tx.select().from(cadres).where(eq(cadres.id, cadreId)).limit(1);
  if (!cadre || !inScope(ctx.principal.prefixes, cadre.regionCode)) {
    throw new AppError('VALIDATION_FAILED', { cadreId: 'cadre_outside_scope' });
  }
  if (cadre.userId !== null && cadre.userId !== id)
    throw new AppError('VALIDATION_FAILED', { cadreId: 'taken' });
  await tx.update(cadres).set({ userId: id }).where(eq(cadres.id, cadreId));
}

/** Versioned update: a stale `version` is refused with CONFLICT, never silently overwritten. */
async function updateVersioned(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof users.$inferInsert>,
): Promise<typeof users.$inferSelect> {
  const [row] = await tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  if (!row) throw conflict();
  return row;
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserBody): Promise<User> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const current = await loadUser(tx, ctx.principal, id);
    if (current.version !== input.version) throw conflict();
    const role = input.role ?? (current.role as Role);
    const scope = input.scopeRegions ?? (input.role ? [] : current.scopeRegions);
    if (id === ctx.principal.userId && (input.disabled || (input.role && input.role !== current.role))) {
      throw new AppError('VALIDATION_FAILED', { [input.disabled ? 'disabled' : 'role']: 'self_lockout' });
    }
    if (input.role !== undefined || input.scopeRegions !== undefined) await assertScope(tx, ctx, role, scope);
    const row = await updateVersioned(tx, id, input.version, {
      displayName: input.displayName ?? current.displayName,
      role,
      scopeRegions: scope,
      regionCode: commonRegion(scope),
      disabled: input.disabled ?? current.disabled,
    });
    // A disabled user is out at once: every session of theirs ends in this transaction.
    if (row.disabled) await endSessionsOf(tx, id);
    const cadreBefore = await cadreIdOf(tx, id);
    if (input.cadreId !== undefined && input.cadreId !== cadreBefore) {
      await linkCadre(tx, ctx, id, input.cadreId);
    }
    const user = presentUser(row, input.cadreId === undefined ? cadreBefore : input.cadreId);
    await audit({
      action:
        input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      entityType: 'user',
      entityId: id,
      regionCode: row.regionCode,
      before: presentUser(current, cadreBefore),
      after: user,
    });
    return user;
  });
}

export async function resetPassword(ctx: Ctx, id: string, input: ResetPasswordBody): Promise<User> {
  const target = await loadUser(ctx.db, ctx.principal, id);
  assertPasswordAcceptable(input.password, target.username);
  const passwordHash = await hashPassword(input.password);
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const row = await updateVersioned(tx, id, input.version, {
      passwordHash,
      failedCount: 0,
      firstFailedAt: null,
      lockedUntil: null,
      // Someone else now knows it: the user sets their own at their next login.
      mustChangePassword: id !== ctx.principal.userId,
    });
    await endSessionsOf(tx, id);
    await tx.delete(loginFailures).where(eq(loginFailures.userId, id));
    await audit({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      regionCode: row.regionCode,
    });
    return presentUser(row);
  });
}
