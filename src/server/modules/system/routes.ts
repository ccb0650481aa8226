import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { DbKind } from '../../db/client.js';
import { type Deps, publicRoute } from '../../platform/http.js';
import { version } from '../../version.js';

export function systemRoutes(app: FastifyInstance, deps: Deps & { kind: DbKind }) {
  publicRoute(app, api.health, {}, async () => {
    await deps.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const, database: deps.kind, version };
  });
}
