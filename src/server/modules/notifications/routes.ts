import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { ledgerDay } from '../ledger/queries.js';
import { listNotifications, markRead } from './service.js';

export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  route(app, deps, api.notifications, {}, async (ctx) =>
    listNotifications(ctx.db, ctx.principal.userId, await ledgerDay(ctx.db)),
  );
  route(app, deps, api.markNotificationsRead, {}, async (ctx, { body }) => {
    await markRead(ctx.db, ctx.principal.userId, body.all ? 'all' : (body.ids ?? []));
    return listNotifications(ctx.db, ctx.principal.userId, await ledgerDay(ctx.db));
  });
}
