import { z } from 'zod';
import { actions, roles } from '../domain/access.js';
import { passwordMaxLength } from '../domain/password-limits.js';
import { limits, Ok } from './common.js';
import { endpoint } from './endpoint.js';

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(limits.username.max),
  password: z.string().min(1).max(passwordMaxLength),
});

export const Me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    scopeRegions: z.array(z.string()),
  }),
  permissions: z.array(z.enum(actions)),
  /** The cadre record linked to this login, if any: such a user starts on "my ledger". */
  cadreId: z.string().nullable(),
  csrfToken: z.string(),
  /** The largest file the server accepts for import. */
  uploadLimitBytes: z.number().int(),
});
export type Me = z.infer<typeof Me>;

/** The auth area's endpoints; `api.ts` assembles every area's list. */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in; sets the session cookie',
    tag: 'auth',
    body: LoginBody,
    response: Me,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    response: Ok,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The current user, permissions and CSRF token',
    tag: 'auth',
    response: Me,
  }),
} as const;
