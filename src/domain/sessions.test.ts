import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  clearedCounter,
  type FailureCounter,
  isLocked,
  defaultLockoutPolicy as lockout,
  defaultSessionPolicy as policy,
  sessionState,
} from './sessions.js';

const min = 60_000;
const hour = 60 * min;

describe('sessionState (idle 30 min, absolute 12 h)', () => {
  const cases: [string, number, number, number, ReturnType<typeof sessionState>][] = [
    ['fresh', 0, 0, 1, 'active'],
    ['used a minute ago', 0, 60 * min, 61 * min, 'active'],
    ['idle 29:59', 0, 0, 30 * min - 1, 'active'],
    ['idle exactly 30 min', 0, 0, 30 * min, 'idle_expired'],
    ['busy but 12 h old', 0, 12 * hour - 1, 12 * hour, 'absolute_expired'],
    ['just under 12 h, active', 0, 12 * hour - 2, 12 * hour - 1, 'active'],
  ];
  it.each(cases)('%s', (_name, createdAt, lastSeenAt, now, expected) => {
    expect(sessionState({ createdAt, lastSeenAt }, now, policy)).toBe(expected);
  });
});

describe('login lockout (5 failures in 15 min lock for 15 min)', () => {
  const fail = (times: number, start: number, step: number): FailureCounter => {
    let c = clearedCounter;
    for (let i = 0; i < times; i++) c = afterFailure(c, start + i * step, lockout);
    return c;
  };
  const cases: [string, number, number, number, boolean][] = [
    ['4 quick failures', 4, min, 4 * min, false],
    ['5 quick failures', 5, min, 4 * min, true],
    ['5 failures spread over more than 15 min', 5, 4 * min, 16 * min + 1, false],
    ['locked: still locked 14 min later', 5, 0, 14 * min, true],
    ['locked: free after 15 min', 5, 0, 15 * min, false],
  ];
  it.each(cases)('%s', (_name, times, step, checkAt, locked) => {
    expect(isLocked(fail(times, 0, step), checkAt)).toBe(locked);
  });

  it('a failure outside the window starts a new count', () => {
    const c = afterFailure({ failedCount: 4, firstFailedAt: 0, lockedUntil: null }, 15 * min, lockout);
    expect(c).toEqual({ failedCount: 1, firstFailedAt: 15 * min, lockedUntil: null });
  });
});
