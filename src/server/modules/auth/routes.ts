import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '../../../contract/api.js';
import { permissions } from '../../../domain/access.js';
import type { Db } from '../../db/client.js';
import { cadres, users } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { type Deps, publicRoute, route } from '../../platform/http.js';
import { login } from './login.js';
import { changeOwnPassword, listOwnSessions, revokeOtherSessions } from './password.js';
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
      const [flag] = await deps.db
        .select({ mustChangePassword: users.mustChangePassword })
        .from(users)
        .where(eq(users.id, outcome.me.user.id));
      const cadreId = await linkedCadre(deps.db, outcome.me.user.id);
      return {
        ...outcome.me,
        cadreId,
        uploadLimitBytes: deps.config.uploadLimitBytes,
        mustChangePassword: flag?.mustChangePassword ?? false,
      };
    },
  );

  // Logging out, asking who one is and changing the password work before the password is changed.
  const early = { beforePasswordChange: true } as const;

  route(app, deps, api.logout, early, async (ctx, { req, reply }) => {
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

  const signedIn = async (ctx: Ctx, mustChangePassword: boolean) => {
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
      mustChangePassword,
    };
  };

  route(app, deps, api.me, early, async (ctx) => signedIn(ctx, ctx.principal.mustChangePassword ?? false));

  route(
    app,
    deps,
    api.changePassword,
    // Guessing the current password from a hijacked session is held to the login's pace.
    { ...early, rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
    async (ctx, { body }) => {
      await changeOwnPassword(ctx, body);
      return signedIn(ctx, false);
    },
  );

  route(app, deps, api.listSessions, {}, async (ctx) => ({
    items: await listOwnSessions(ctx, deps.config.session),
  }));

  route(app, deps, api.revokeOtherSessions, {}, async (ctx) => ({ ended: await revokeOtherSessions(ctx) }));
}
