import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Role, scopePrefixes } from '../../../domain/access.js';
import { type SessionPolicy, sessionState } from '../../../domain/sessions.js';
import type { Db, Tx } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';

export const sessionCookie = 'jiugai_sid';
// Touching last_seen_at on every request would turn every read into a write; once a minute is
// precise enough for a 30-minute idle timeout.
const touchEveryMs = 60_000;

const idOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Start a session for `userId`; returns the cookie token (only its hash is stored). */
export async function createSession(
  tx: Tx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const now = new Date();
  await tx.insert(sessions).values({
    id: idOf(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export async function endSession(db: Db | Tx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, idOf(token)));
}

export async function endSessionsOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export type Resolved = { principal: Principal } | { expired: true } | null;

/** The principal behind a cookie token; an expired session is removed and reported as such. */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy): Promise<Resolved> {
  const id = idOf(token);
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      scopeRegions: users.scopeRegions,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  const state = sessionState(
    { createdAt: row.createdAt.getTime(), lastSeenAt: row.lastSeenAt.getTime() },
    now,
    policy,
  );
  if (state !== 'active' || row.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { expired: true };
  }
  if (now - row.lastSeenAt.getTime() > touchEveryMs) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  const role = row.role as Role;
  return {
    principal: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role,
      scopeRegions: row.scopeRegions,
      prefixes: scopePrefixes(role, row.scopeRegions),
      sessionId: id,
      csrfToken: row.csrfToken,
      mustChangePassword: row.mustChangePassword,
    },
  };
}
