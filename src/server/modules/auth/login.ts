import { eq, sql } from 'drizzle-orm';
import type { Me } from '../../../contract/auth.js';
import { permissions, type Role } from '../../../domain/access.js';
import {
  afterFailure,
  clearedCounter,
  type FailureCounter,
  isLocked,
  type LockoutPolicy,
} from '../../../domain/sessions.js';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
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

/** Check the credentials and start a session; every attempt is audited, success or not. */
export async function login(db: Db, lockout: LockoutPolicy, input: LoginInput): Promise<Outcome> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()))
    .limit(1);
  const actor = { id: user?.id ?? null, name: user?.username ?? input.username.slice(0, 64), ip: input.ip };
  const fail = (reason: string, code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED', counter?: FailureCounter) =>
    write(db, actor, async (tx, audit) => {
      if (user && counter) {
        await tx
          .update(users)
          .set({
            failedCount: counter.failedCount,
            firstFailedAt: counter.firstFailedAt === null ? null : new Date(counter.firstFailedAt),
            lockedUntil: counter.lockedUntil === null ? null : new Date(counter.lockedUntil),
          })
          .where(eq(users.id, user.id));
      }
      await audit({
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id,
        outcome: 'failed',
        after: { reason },
      });
      return { ok: false as const, error: new AppError(code) };
    });

  if (!user) {
    await verifyPassword(await dummyHash, input.password);
    return fail('unknown_user', 'INVALID_CREDENTIALS');
  }
  const now = Date.now();
  const counter: FailureCounter = {
    failedCount: user.failedCount,
    firstFailedAt: user.firstFailedAt?.getTime() ?? null,
    lockedUntil: user.lockedUntil?.getTime() ?? null,
  };
  if (isLocked(counter, now)) return fail('locked', 'ACCOUNT_LOCKED');
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || user.disabled) {
    if (!passwordOk) {
      const next = afterFailure(counter, now, lockout);
      return fail('wrong_password', isLocked(next, now) ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS', next);
    }
    return fail('disabled', 'INVALID_CREDENTIALS');
  }

  return write(db, actor, async (tx, audit) => {
    await tx
      .update(users)
      .set({
        failedCount: clearedCounter.failedCount,
        firstFailedAt: null,
        lockedUntil: null,
        lastLoginAt: new Date(now),
      })
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
