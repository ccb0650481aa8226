import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Me } from '../../../contract/auth.js';
import { permissions, type Role } from '../../../domain/access.js';
import {
  afterFailure,
  type FailureCounter,
  isLocked,
  type LoginLimits,
  loginLocked,
} from '../../../domain/sessions.js';
import type { Db, Tx } from '../../db/client.js';
import { loginFailures, users } from '../../db/schema.js';
import { write } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { createSession } from './sessions.js';

// Verified against when the username is unknown, so both answers take as long.
const dummyHash = hashPassword('jiugai-timing-equaliser');

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

type Outcome =
  | { ok: true; token: string; me: Omit<Me, 'uploadLimitBytes' | 'cadreId'> }
  | { ok: false; error: AppError };

type CounterColumns = { failedCount: number; firstFailedAt: Date | null; lockedUntil: Date | null };
const counterOf = (row: CounterColumns | undefined): FailureCounter => ({
  failedCount: row?.failedCount ?? 0,
  firstFailedAt: row?.firstFailedAt?.getTime() ?? null,
  lockedUntil: row?.lockedUntil?.getTime() ?? null,
});
const columnsOf = (c: FailureCounter): CounterColumns => ({
  failedCount: c.failedCount,
  firstFailedAt: c.firstFailedAt === null ? null : new Date(c.firstFailedAt),
  lockedUntil: c.lockedUntil === null ? null : new Date(c.lockedUntil),
});

/** Count one more failure for the account and for the account from this address, from their current values. */
async function countFailure(tx: Tx, userId: string, ip: string, now: number, limits: LoginLimits) {
  const [account] = await tx
    .select({
      failedCount: users.failedCount,
      firstFailedAt: users.firstFailedAt,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  await tx
    .update(users)
    .set(columnsOf(afterFailure(counterOf(account), now, limits.perAccount)))
    .where(eq(users.id, userId));
  // Addresses whose count has run out and that are not locked are forgotten.
  await tx
    .delete(loginFailures)
    .where(
      and(
        eq(loginFailures.userId, userId),
        lt(loginFailures.firstFailedAt, new Date(now - limits.perAddress.windowMs)),
        or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, new Date(now))),
      ),
    );
  await tx.insert(loginFailures).values({ userId, ip }).onConflictDoNothing();
  const where = and(eq(loginFailures.userId, userId), eq(loginFailures.ip, ip));
  const [pair] = await tx.select().from(loginFailures).where(where).for('update');
  await tx
    .update(loginFailures)
    .set(columnsOf(afterFailure(counterOf(pair), now, limits.perAddress)))
    .where(where);
}

/**
 * Check the credentials and start a session; every attempt is audited, success or not. Every
 * refusal is the same answer after the same work (a password verification): an unknown user,
 * a wrong password, a disabled or a locked account cannot be told apart.
 */
export async function login(db: Db, limits: LoginLimits, input: LoginInput): Promise<Outcome> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
    .limit(1);
  const ip = input.ip ?? '';
  const now = Date.now();
  const actor = { id: user?.id ?? null, name: user?.username ?? input.username.slice(0, 64), ip: input.ip };
  const fail = (reason: string, count = false) =>
    write(db, actor, async (tx, audit) => {
      if (user && count) await countFailure(tx, user.id, ip, now, limits);
      await audit({
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id,
        outcome: 'failed',
        after: { reason },
      });
      return { ok: false as const, error: new AppError('INVALID_CREDENTIALS') };
    });

  if (!user) {
    await verifyPassword(await dummyHash, input.password);
    return fail('unknown_user');
  }
  const [pairRow] = await db
    .select()
    .from(loginFailures)
    .where(and(eq(loginFailures.userId, user.id), eq(loginFailures.ip, ip)))
    .limit(1);
  const pair = counterOf(pairRow);
  const account = counterOf(user);
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (loginLocked(pair, account, now)) return fail(isLocked(pair, now) ? 'locked_address' : 'locked_account');
  if (!passwordOk) return fail('wrong_password', true);
  if (user.disabled) return fail('disabled');

  return write(db, actor, async (tx, audit) => {
    // The address's own count ends with a success; the account-wide one runs out by itself.
    await tx.delete(loginFailures).where(and(eq(loginFailures.userId, user.id), eq(loginFailures.ip, ip)));
    await tx
      .update(users)
      .set({ lastLoginAt: new Date(now) })
      .where(eq(users.id, user.id));
    const { token, csrfToken } = await createSession(tx, user.id, input);
    await audit({ action: 'auth.login', entityType: 'user', entityId: user.id, regionCode: user.regionCode });
    const role = user.role as Role;
    return {
      ok: true as const,
      token,
      me: {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role,
          scopeRegions: user.scopeRegions,
        },
        permissions: [...permissions[role]],
        csrfToken,
      },
    };
  });
}
