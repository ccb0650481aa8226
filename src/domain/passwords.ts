import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordMaxLength, passwordMinLength } from './password-limits.js';

export { passwordMaxLength, passwordMinLength };

const common = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_username';

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'too_short';
  if (length > passwordMaxLength) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains_username';
  return null;
}
