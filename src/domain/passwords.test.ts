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
    // Long enough and in no word list, but guessed at once: a repeated key, a sequence, a pattern.
    ['aaaaaaaaaa', undefined, 'weak'],
    ['abcabcabcabc', undefined, 'weak'],
    ['1234512345', undefined, 'weak'],
    ['P@ssw0rd2024', undefined, 'weak'],
    ['Jiugai-Batch-2025-Funds!', undefined, null],
    ['correct horse battery staple', undefined, null],
  ];
  it.each(cases)('%s (user %s) → %s', (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });
});
