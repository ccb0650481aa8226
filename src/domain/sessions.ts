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

/**
 * Two counts of failed logins. Per account and client address: a few failures lock that
 * address out of that account for a while, so guessing from one place stops, and nobody else
 * is locked out by it. Per account across all addresses: a much higher threshold over a
 * longer window, bounding guesses from many addresses (OWASP ASVS 2.2.1: at most 100 per hour),
 * high enough that locking someone out takes a great many addresses.
 */
export interface LoginLimits {
  perAddress: LockoutPolicy;
  perAccount: LockoutPolicy;
}

export const defaultSessionPolicy: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };
export const defaultLockoutPolicy: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export const defaultLoginLimits: LoginLimits = {
  perAddress: defaultLockoutPolicy,
  perAccount: { maxFailures: 100, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
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

/** Whether a login is refused before its password counts: its address, or the whole account, is locked. */
export function loginLocked(pair: FailureCounter, account: FailureCounter, now: number): boolean {
  return isLocked(pair, now) || isLocked(account, now);
}

export const clearedCounter: FailureCounter = { failedCount: 0, firstFailedAt: null, lockedUntil: null };
