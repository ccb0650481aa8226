/** Session and login-lockout policy: pure decisions over timestamps (milliseconds). */

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
export const defaultLockoutPolicy: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired';

export function sessionState(
  s: { createdAt: number; lastSeenAt: number },
  now: number,
  policy: SessionPolicy,
): SessionState {
  if (now - s.createdAt >= policy.absoluteMs) return 'absolute_expired';
  if (now - s.lastSeenAt >= policy.idleMs) return 'idle_expired';
  return 'active';
}

export interface FailureCounter {
  failedCount: number;
  firstFailedAt: number | null;
  lockedUntil: number | null;
}

export function isLocked(c: FailureCounter, now: number): boolean {
  return c.lockedUntil !== null && now < c.lockedUntil;
}

/** The counter after one more failed login at `now`: failures outside the window start a new count. */
export function afterFailure(c: FailureCounter, now: number, policy: LockoutPolicy): FailureCounter {
  const inWindow = c.firstFailedAt !== null && now - c.firstFailedAt < policy.windowMs;
  const failedCount = inWindow ? c.failedCount + 1 : 1;
  const firstFailedAt = inWindow ? c.firstFailedAt : now;
  const lockedUntil = failedCount >= policy.maxFailures ? now + policy.lockMs : c.lockedUntil;
  return { failedCount, firstFailedAt, lockedUntil };
}

export const clearedCounter: FailureCounter = { failedCount: 0, firstFailedAt: null, lockedUntil: null };
