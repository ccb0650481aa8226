import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { passwordMaxLength, passwordMinLength } from './password-limits.js';

export { passwordMaxLength, passwordMinLength };

const common = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * zxcvbn's estimate of how many guesses a password takes, over the common-password list, names
 * and keyboard patterns: a long password of one repeated key, a keyboard row or a word with
 * digits is refused though no word list holds it. Score 3 is "safely unguessable" against an
 * online attack slowed down (zxcvbn's reading: under 10^10 guesses is a score of at most 2).
 */
const estimator = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
export const minimumPasswordScore = 3;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username' | 'weak';

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'too_short';
  if (length > passwordMaxLength) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  if (estimator.check(password, username ? [username] : []).score < minimumPasswordScore) return 'weak';
  return null;
}
