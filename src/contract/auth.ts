import { z } from 'zod';
import { actions, roles } from '../domain/access.js';
import { passwordMaxLength } from '../domain/password-limits.js';
import { limits, Ok, text } from './common.js';
import { endpoint } from './endpoint.js';

export const LoginBody = z.strictObject({
  username: text().min(1).max(limits.username.max),
  password: text().min(1).max(passwordMaxLength),
});

export const Me = z.object({
  user: z.object({
    id: text(),
    username: text(),
    displayName: text(),
    role: z.enum(roles),
    scopeRegions: z.array(text()),
  }),
  permissions: z.array(z.enum(actions)),
  csrfToken: text(),
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
