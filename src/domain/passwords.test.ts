import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.js';

describe('passwordProblem', () => {
  const cases: [string, string | undefined, ReturnType<typeof passwordProblem>][] = [
    ['short', undefined, 'too_short'],
    ['123456789', undefined, 'too_short'],
    ['1234567890', undefined, 'common'],
    ['qwertyuiop', undefined, 'common'],
    ['QwertyUiop', undefined, 'common'],
    ['x'.repeat(257), undefined, 'too_long'],
    ['Kaifeng-Shunhe-2023!', undefined, null],
    ['Kaifeng-Shunhe-2023!', 'shunhe', 'contains_username'],
    ['旧改通密码足够长了吗是的', undefined, null],
    ['旧改通密码太短', undefined, 'too_short'],
  ];
  it.each(cases)('%s (user %s) → %s', (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });
});
