import { z } from 'zod';
import { actions, roles } from '../domain/access.js';
import { passwordMaxLength } from '../domain/password-limits.js';
import { limits, text } from './common.js';

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
