import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { passwordProblem } from '../../domain/passwords.js';
import { AppError } from './errors.js';

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a login well under 100 ms on two cores.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, options);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Throw a field error unless the password passes the policy. */
export function assertPasswordAcceptable(password: string, username?: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('VALIDATION_FAILED', { [field]: problem });
}

/** A random password that satisfies the policy, for first admins and CLI-created users. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
