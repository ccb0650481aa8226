import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '../../../contract/api.js';
import { permissions } from '../../../domain/access.js';
import type { Db } from '../../db/client.js';
import { cadres } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { type Deps, publicRoute, route } from '../../platform/http.js';
import { login } from './login.js';
import { endSession, sessionCookie } from './sessions.js';

/** The cadre record linked to a login (`cadres.user_id`), if any. */
async function linkedCadre(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: cadres.id }).from(cadres).where(eq(cadres.userId, userId)).limit(1);
  return row?.id ?? null;
}

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      maxAge: Math.floor(deps.config.session.absoluteMs / 1000),
    });

  publicRoute(
    app,
    api.login,
    { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
    async (_ctx, { body, req, reply }) => {
      // A new id at every login: whatever session the browser had before is ended.
      const previous = req.cookies[sessionCookie];
      if (previous) await endSession(deps.db, previous);
      const outcome = await login(deps.db, deps.config.lockout, {
        ...body,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      if (!outcome.ok) throw outcome.error;
      setCookie(reply, outcome.token);
      const cadreId = await linkedCadre(deps.db, outcome.me.user.id);
      return { ...outcome.me, cadreId, uploadLimitBytes: deps.config.uploadLimitBytes };
    },
  );

  route(app, deps, api.logout, {}, async (ctx, { req, reply }) => {
    const token = req.cookies[sessionCookie];
    if (token) await endSession(deps.db, token);
    await recordAudit(ctx.db, ctx.actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.principal.userId,
    });
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true as const };
  });

  route(app, deps, api.me, {}, async (ctx) => {
    const p = ctx.principal;
    return {
      user: {
        id: p.userId,
        username: p.username,
        displayName: p.displayName,
        role: p.role,
        scopeRegions: p.scopeRegions,
      },
      permissions: [...permissions[p.role]],
      cadreId: await linkedCadre(ctx.db, p.userId),
      csrfToken: p.csrfToken,
      uploadLimitBytes: deps.config.uploadLimitBytes,
    };
  });
}
