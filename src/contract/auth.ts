import { z } from 'zod';
import { actions, roles } from '../domain/access.js';
import { passwordMaxLength, passwordMinLength } from '../domain/password-limits.js';
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
  /** The cadre record linked to this login, if any: such a user starts on "my ledger". */
  cadreId: text().nullable(),
  csrfToken: text(),
  /** The largest file the server accepts for import. */
  uploadLimitBytes: z.number().int(),
});
export type Me = z.infer<typeof Me>;

/** Who is signed in, as login, me and a password change answer: `Me` and whether the password must change first. */
export const SignedIn = Me.extend({
  /** True until the user replaces a password someone else chose; every other call answers 403 till then. */
  mustChangePassword: z.boolean(),
});
export type SignedIn = z.infer<typeof SignedIn>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: text().min(1).max(passwordMaxLength),
  newPassword: text().min(passwordMinLength).max(passwordMaxLength),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** One of the caller's own sessions (a signed-in browser or device). */
export const SessionInfo = z.object({
  /** Opaque; the session's stored key (a hash), never the cookie's token. */
  id: text(),
  createdAt: text(),
  lastSeenAt: text(),
  ip: text().nullable(),
  userAgent: text().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ items: z.array(SessionInfo) });
export const RevokedSessions = z.object({ ended: z.number().int() });

/** The auth area's endpoints; `api.ts` assembles every area's list. */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in; sets the session cookie',
    tag: 'auth',
    body: LoginBody,
    response: SignedIn,
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
    response: SignedIn,
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change one’s own password; ends one’s other sessions, keeps this one',
    tag: 'auth',
    body: ChangePasswordBody,
    response: SignedIn,
  }),
  listSessions: endpoint({
    method: 'GET',
    path: '/api/auth/sessions',
    summary: 'One’s own active sessions, the current one marked',
    tag: 'auth',
    response: SessionList,
  }),
  revokeOtherSessions: endpoint({
    method: 'POST',
    path: '/api/auth/sessions/revoke-others',
    summary: 'Sign out everywhere else: end every session of one’s own but this one',
    tag: 'auth',
    response: RevokedSessions,
  }),
} as const;
