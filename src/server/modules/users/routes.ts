import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { createUser, resetPassword, updateUser } from './commands.js';
import { cadreIdOf, listUsers, loadUser, presentUser } from './queries.js';

export function userRoutes(app: FastifyInstance, deps: Deps) {
  const manage = { action: 'user.manage' } as const;
  route(app, deps, api.listUsers, manage, async (ctx, { query }) => listUsers(ctx.db, ctx.principal, query));
  route(app, deps, api.getUser, manage, async (ctx, { params }) =>
    presentUser(await loadUser(ctx.db, ctx.principal, params.id), await cadreIdOf(ctx.db, params.id)),
  );
  route(app, deps, api.createUser, manage, async (ctx, { body }) => createUser(ctx.db, ctx.actor, ctx, body));
  route(app, deps, api.updateUser, manage, async (ctx, { params, body }) => updateUser(ctx, params.id, body));
  route(app, deps, api.resetPassword, manage, async (ctx, { params, body }) =>
    resetPassword(ctx, params.id, body),
  );
}
