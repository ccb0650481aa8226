import { z } from 'zod';
import { text } from './common.js';
import { endpoint } from './endpoint.js';

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: text(),
});

/** The system area's endpoints; `api.ts` assembles every area's list. */
export const systemEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database kind',
    tag: 'system',
    response: Health,
  }),
} as const;
