import { z } from 'zod';
import { roles } from '../domain/access.js';
import { passwordMaxLength, passwordMinLength } from '../domain/password-limits.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

export const User = z.object({
  id: text(),
  username: text(),
  displayName: text(),
  role: z.enum(roles),
  scopeRegions: z.array(text()),
  disabled: z.boolean(),
  lockedUntil: text().nullable(),
  lastLoginAt: text().nullable(),
  createdAt: text(),
  version: z.number().int(),
  /** The cadre record this login belongs to ("my ledger" lists that cadre's items). */
  cadreId: text().nullable(),
});
export type User = z.infer<typeof User>;

const username = text()
  .min(limits.username.min)
  .max(limits.username.max)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only');
const displayName = text().trim().min(1).max(limits.displayName.max);
const password = text().min(passwordMinLength).max(passwordMaxLength);
const scopeRegions = z.array(regionCode).max(50);

export const CreateUserBody = z.strictObject({
  username,
  displayName,
  role: z.enum(roles),
  scopeRegions: scopeRegions.default([]),
  password,
  /** The user must set a password of their own at first login (an admin's or a generated one is temporary). */
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.strictObject({
  version: z.number().int(),
  displayName: displayName.optional(),
  role: z.enum(roles).optional(),
  scopeRegions: scopeRegions.optional(),
  disabled: z.boolean().optional(),
  cadreId: z.uuid().nullable().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.strictObject({ version: z.number().int(), password });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const UserListQuery = PageQuery.extend({
  q: text().max(limits.search.max).optional(),
  role: z.enum(roles).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  sort: z
    .enum(['username', '-username', 'createdAt', '-createdAt', 'lastLoginAt', '-lastLoginAt'])
    .default('username'),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserPage = pageOf(User);
export const UserId = z.object({ id: z.uuid() });

/** The users area's endpoints; `api.ts` assembles every area's list. */
export const usersEndpoints = {
  listUsers: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: 'List users (paged, filtered)',
    tag: 'users',
    query: UserListQuery,
    response: UserPage,
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    summary: 'One user',
    tag: 'users',
    params: UserId,
    response: User,
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user',
    tag: 'users',
    body: CreateUserBody,
    response: User,
    status: 201,
  }),
  updateUser: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change role, scope, name or disable',
    tag: 'users',
    params: UserId,
    body: UpdateUserBody,
    response: User,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/password',
    summary: 'Set a new password; ends the user’s sessions',
    tag: 'users',
    params: UserId,
    body: ResetPasswordBody,
    response: User,
  }),
} as const;
