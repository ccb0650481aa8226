import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  clearedCounter,
  type FailureCounter,
  defaultLoginLimits as limits,
  loginLocked,
} from './sessions.js';

const min = 60_000;

/** `times` failures `step` apart from 0 under `policy`. */
function failures(times: number, step: number, policy: (typeof limits)['perAddress']): FailureCounter {
  let c = clearedCounter;
  for (let i = 0; i < times; i++) c = afterFailure(c, i * step, policy);
  return c;
}

describe('login limits: per account and address (5 in 15 min lock 15 min), per account (100 in an hour lock an hour)', () => {
  const cases: [string, number, number, number, number, boolean][] = [
    // name, failures from this address, failures across addresses, step, checked at, refused
    ['nothing failed', 0, 0, 0, 0, false],
    ['4 failures from this address', 4, 4, 0, 1, false],
    ['5 failures from this address lock it', 5, 5, 0, 1, true],
    ['… for 15 minutes', 5, 5, 0, 15 * min, false],
    ['5 failures spread over more than the window lock nothing', 5, 5, 4 * min, 17 * min, false],
    ['99 failures across addresses, none here', 0, 99, 0, 1, false],
    ['100 failures across addresses lock every address', 0, 100, 0, 1, true],
    ['… for an hour', 0, 100, 0, 60 * min, false],
    ['100 failures spread over more than an hour lock nothing', 0, 100, 40_000, 67 * min, false],
  ];
  it.each(cases)('%s', (_name, here, all, step, at, refused) => {
    const pair = failures(here, step, limits.perAddress);
    const account = failures(all, step, limits.perAccount);
    expect(loginLocked(pair, account, at)).toBe(refused);
  });

  it('the account-wide threshold is far above the per-address one, and within ASVS 2.2.1 (≤ 100 an hour)', () => {
    expect(limits.perAccount.maxFailures).toBeGreaterThanOrEqual(10 * limits.perAddress.maxFailures);
    expect(limits.perAccount.maxFailures / (limits.perAccount.windowMs / (60 * min))).toBeLessThanOrEqual(
      100,
    );
  });
});
