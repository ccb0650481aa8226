/**
 * A user's own password and sessions: change the password (the current one checked, the policy
 * applied), see where one is signed in, sign out everywhere else. Each change is audited.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { ChangePasswordBody, SessionInfo } from '../../../contract/auth.js';
import { type SessionPolicy, sessionState } from '../../../domain/sessions.js';
import { sessions, users } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../../platform/passwords.js';

/** Set the caller's password; every other session of theirs ends, this one stays. */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordBody): Promise<void> {
  const id = ctx.principal.userId;
  const [user] = await ctx.db
    .select({ hash: users.passwordHash, username: users.username, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.hash, input.currentPassword))) {
    await recordAudit(ctx.db, ctx.actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: id,
      regionCode: user.regionCode,
      outcome: 'failed',
      after: { reason: 'wrong_password' },
    });
    throw new AppError('VALIDATION_FAILED', { currentPassword: 'wrong_password' });
  }
  if (input.newPassword === input.currentPassword)
    throw new AppError('VALIDATION_FAILED', { newPassword: 'same_password' });
  assertPasswordAcceptable(input.newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, id), ne(sessions.id, ctx.principal.sessionId)))
      .returning({ id: sessions.id });
    await audit({
      action: 'auth.password_change',
      entityType: 'user',
      entityId: id,
      regionCode: user.regionCode,
      after: { endedSessions: ended.length },
    });
  });
}

/** The caller's sessions that are still active, newest first, the current one marked. */
export async function listOwnSessions(ctx: Ctx, policy: SessionPolicy): Promise<SessionInfo[]> {
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, ctx.principal.userId))
    .orderBy(desc(sessions.lastSeenAt));
  const now = Date.now();
  return rows
    .filter(
      (r) =>
        sessionState(
          { createdAt: r.createdAt.getTime(), lastSeenAt: r.lastSeenAt.getTime() },
          now,
          policy,
        ) === 'active',
    )
    .map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      ip: r.ip,
      userAgent: r.userAgent,
      current: r.id === ctx.principal.sessionId,
    }));
}

/** End every session of the caller's but this one; returns how many ended. */
export async function revokeOtherSessions(ctx: Ctx): Promise<number> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, ctx.principal.userId), ne(sessions.id, ctx.principal.sessionId)))
      .returning({ id: sessions.id });
    await audit({
      action: 'auth.sessions_revoke',
      entityType: 'user',
      entityId: ctx.principal.userId,
      after: { ended: ended.length },
    });
    return ended.length;
  });
}
