import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { resolveSession, sessionCookie } from './modules/auth/sessions.js';
import { consultationRoutes } from './modules/consultations/routes.js';
import { facilityRoutes } from './modules/facilities/routes.js';
import { illegalRoutes } from './modules/illegal/routes.js';
import { compoundRoutes } from './modules/inventory/routes.js';
import { sheetRoutes } from './modules/inventory/sheet-routes.js';
import { supervisionRoutes } from './modules/ledger/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { opinionRoutes } from './modules/opinions/routes.js';
import { organisationRoutes } from './modules/organisation/routes.js';
import { photoRoutes } from './modules/photos/routes.js';
import { portalRoutes } from './modules/portal/routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { proposalRoutes } from './modules/proposals/routes.js';
import { qualityRoutes } from './modules/quality/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { statsRoutes } from './modules/stats/routes.js';
import { supervisorRoutes } from './modules/supervisors/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { votesRoutes } from './modules/votes/routes.js';
import { withinShapeLimits } from './platform/body.js';
import { AppError } from './platform/errors.js';
import { type Deps, installErrorHandling, langOf } from './platform/http.js';
import { acceptUploads } from './platform/uploads.js';
import { version } from './version.js';

/** The areas of the product, in the seed document's order; each registers its own routes. */
const modules: ((app: FastifyInstance, deps: Deps & { kind: Database['kind'] }) => void)[] = [
  systemRoutes,
  authRoutes,
  regionRoutes,
  compoundRoutes,
  sheetRoutes,
  projectRoutes,
  organisationRoutes,
  photoRoutes,
  supervisionRoutes,
  qualityRoutes,
  illegalRoutes,
  supervisorRoutes,
  consultationRoutes,
  votesRoutes,
  opinionRoutes,
  proposalRoutes,
  facilityRoutes,
  portalRoutes,
  notificationRoutes,
  statsRoutes,
  userRoutes,
  auditRoutes,
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The origin of an XYZ tile URL template ("https://{s}.tiles.example/{z}/{x}/{y}.png" → "https://*.tiles.example"). */
function tileOrigin(template: string): string {
  const origin = new URL(template.replace('{s}', 'a').replace(/\{[a-z]\}/g, '0')).origin;
  return template.includes('{s}.') ? origin.replace('//a.', '//*.') : origin;
}

/** Build the HTTP app over an open database. */
/**
 * The build names every file in assets/ by its content's hash, so a browser may keep them for
 * good; index.html names the current ones and is asked for again each time.
 */
function webCacheControl(file: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildApp(database: Database, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // JSON only, and only valid UTF-8: a body in another encoding is refused, not mangled.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  acceptUploads(app);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    const buffer = body as Buffer;
    let text: string;
    try {
      text = utf8.decode(buffer);
    } catch {
      return done(new AppError('INVALID_ENCODING'), undefined);
    }
    if (text.trim() === '') return done(new AppError('BAD_JSON'), undefined);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(new AppError('BAD_JSON'), undefined);
    }
    if (!withinShapeLimits(value))
      return done(new AppError('VALIDATION_FAILED', { body: 'too_complex' }), undefined);
    done(null, value);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles come from the configured tile server, if any, and nowhere else.
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTileUrl ? [tileOrigin(config.mapTileUrl)] : [])],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Offices often serve plain http on their LAN; upgrading would break every asset there.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Jiugai 旧改通 API', version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      config.secureCookies ? header : header.replace(/upgrade-insecure-requests;?\s*/, ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[sessionCookie];
    if (!token) return;
    const resolved = await resolveSession(database.db, token, config.session);
    if (resolved && 'principal' in resolved) req.principal = resolved.principal;
    else if (resolved) req.sessionExpired = true;
  });

  // Answers of the API are one user's data (and a login's CSRF token): no cache, shared or the
  // browser's own, keeps them after a logout. A route that means otherwise says so itself.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  const deps = { db: database.db, config, kind: database.kind };
  for (const register of modules) register(app, deps);

  const indexHtml = path.join(config.webDir, 'index.html');
  const webBuilt = fs.existsSync(indexHtml);
  if (webBuilt)
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      // The build writes a brotli and a gzip copy beside each asset; the one the browser accepts is sent.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', webCacheControl(file)),
    });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !webBuilt || req.method !== 'GET') {
      return reply.status(404).send(new AppError('NOT_FOUND').render(langOf(req)));
    }
    // Client-side routes: the single-page app decides what to show.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
