import { z } from 'zod';
import { actions, roles } from '../domain/access.js';
import { passwordMaxLength } from '../domain/password-limits.js';
import { limits } from './common.js';

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
  csrfToken: z.string(),
  /** The largest file the server accepts for import. */
  uploadLimitBytes: z.number().int(),
});
export type Me = z.infer<typeof Me>;
