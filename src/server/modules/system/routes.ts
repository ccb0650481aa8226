import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, publicRoute, route } from '../../platform/http.js';
import { readSettings, updateSettings } from '../../platform/settings.js';
import { version } from '../../version.js';

export function systemRoutes(app: FastifyInstance, deps: Deps) {
  publicRoute(app, api.health, {}, async () => {
    await deps.db.execute(sql`SELECT 1`);
    return { status: 'ok' as const, database: deps.kind, version };
  });
  route(app, deps, api.settings, {}, async (ctx) => readSettings(ctx.db));
  route(app, deps, api.updateSettings, { action: 'settings.manage' }, async (ctx, { body }) =>
    updateSettings(ctx.db, ctx.actor, body),
  );
}
