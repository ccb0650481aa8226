import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import { badTextReason } from '../../contract/common.js';
import type { Endpoint } from '../../contract/endpoint.js';
import type { Action } from '../../domain/access.js';
import type { Config } from '../config.js';
import type { Db, DbKind } from '../db/client.js';
import { authorize } from './access.js';
import type { Actor } from './audit.js';
import { recordAudit } from './audit.js';
import type { Ctx, Principal } from './context.js';
import { AppError, type FieldReason, type Lang } from './errors.js';

/** How much of a validation failure an answer reports: the first few fields, each briefly. */
const maxFieldsReported = 10;
const maxFieldName = 100;
const maxFieldText = 200;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionExpired: boolean;
  }
}

export interface Deps {
  db: Db;
  kind: DbKind;
  config: Config;
}

export function langOf(req: FastifyRequest): Lang {
  const header = req.headers['accept-language'];
  return typeof header === 'string' && header.trim().toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    id: req.principal?.userId ?? null,
    name: req.principal?.username ?? 'anonymous',
    ip: req.ip ?? null,
  };
}

function ctxOf(req: FastifyRequest, deps: Deps): Ctx {
  if (!req.principal) throw new AppError('UNAUTHENTICATED');
  return {
    db: deps.db,
    principal: req.principal,
    actor: actorOf(req),
    lang: langOf(req),
    districtCode: deps.config.districtCode,
  };
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Input<E extends Endpoint, K extends 'params' | 'query' | 'body'> = E[K] extends z.ZodType
  ? z.output<E[K]>
  : undefined;

export interface Call<E extends Endpoint> {
  params: Input<E, 'params'>;
  query: Input<E, 'query'>;
  body: Input<E, 'body'>;
  req: FastifyRequest;
  reply: FastifyReply;
}

interface RouteOptions {
  /**
   * The role action this route needs; omitted only for routes any signed-in user may call. A
   * function picks it from the request as sent (before validation: one route serving sheets of
   * several areas, each with its own right).
   */
  action?: Action | ((req: FastifyRequest) => Action);
  rateLimit?: { max: number; timeWindow: number };
  /** Callable while the user must still change the password they were given (me, logout, the change). */
  beforePasswordChange?: true;
}

type Handler<E extends Endpoint, C> = (ctx: C, call: Call<E>) => Promise<z.input<E['response']>>;

/**
 * Register one contract endpoint for signed-in users. The pipeline every route shares:
 * session (401) → CSRF for writes (403) → own password set (403) → role (403, audited) → validation (400) → handler →
 * declared response shape.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  deps: Deps,
  endpoint: E,
  options: RouteOptions,
  handler: Handler<E, Ctx>,
): void {
  // A route that changes something names the write rule it enforces, never a read right.
  if (endpoint.method !== 'GET' && typeof options.action === 'string' && options.action.endsWith('.read')) {
    throw new Error(
      `${endpoint.method} ${endpoint.path} writes but declares the read right ${options.action}`,
    );
  }
  register(app, endpoint, options, handler, {
    onRequest: async (req) => {
      if (!req.principal) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      if (unsafe.has(req.method) && req.headers['x-csrf-token'] !== req.principal.csrfToken) {
        await recordAudit(deps.db, actorOf(req), {
          action: 'access.denied',
          outcome: 'denied',
          after: { reason: 'csrf', method: req.method, path: req.routeOptions.url },
        });
        throw new AppError('CSRF_INVALID');
      }
      if (req.principal.mustChangePassword && !options.beforePasswordChange)
        throw new AppError('PASSWORD_CHANGE_REQUIRED');
    },
    preValidation: async (req) => {
      const action = typeof options.action === 'function' ? options.action(req) : options.action;
      if (action) await authorize(ctxOf(req, deps), action);
    },
    ctx: (req) => ctxOf(req, deps),
  });
}

/** Register an endpoint that needs no session (health, login). */
export function publicRoute<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  options: RouteOptions,
  handler: Handler<E, null>,
): void {
  register(app, endpoint, options, handler, { ctx: () => null, public: true });
}

function register<E extends Endpoint, C>(
  app: FastifyInstance,
  endpoint: E,
  options: RouteOptions,
  handler: Handler<E, C>,
  hooks: {
    onRequest?: (req: FastifyRequest) => Promise<void>;
    preValidation?: (req: FastifyRequest) => Promise<void>;
    ctx: (req: FastifyRequest) => C;
    public?: boolean;
  },
): void {
  const status = endpoint.status ?? 200;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      ...(endpoint.upload ? { consumes: ['application/octet-stream'] } : {}),
      // A download streams a file; its shape is not JSON to validate.
      ...(endpoint.download
        ? { produces: ['application/octet-stream'] }
        : { response: { [status]: endpoint.response } }),
      ...(hooks.public ? {} : { security: [{ session: [] }] }),
    },
    config: options.rateLimit ? { rateLimit: options.rateLimit } : {},
    ...(hooks.onRequest ? { onRequest: hooks.onRequest } : {}),
    ...(hooks.preValidation ? { preValidation: hooks.preValidation } : {}),
    handler: async (req, reply) => {
      const result = await handler(hooks.ctx(req), {
        params: req.params as Input<E, 'params'>,
        query: req.query as Input<E, 'query'>,
        body: req.body as Input<E, 'body'>,
        req,
        reply,
      });
      if (endpoint.download) return reply;
      reply.status(status);
      return result;
    },
  });
}

/** Map every failure to `{ error: { code, message, fields? } }` in the caller's language. */
export function installErrorHandling(app: FastifyInstance): void {
  const locales = { 'zh-CN': zhCN().localeError, en: en().localeError };
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req);
    let appError: AppError;
    if (err instanceof AppError) {
      appError = err;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      // A body may be wrong in thousands of places; the answer names the first few, briefly.
      const fields: Record<string, FieldReason | { text: string }> = {};
      let named = 0;
      const name = (field: string, reason: FieldReason | { text: string }) => {
        const key = clip(field, maxFieldName);
        if (key in fields || named >= maxFieldsReported) return;
        fields[key] = typeof reason === 'string' ? reason : { text: clip(reason.text, maxFieldText) };
        named++;
      };
      // Text that can never be stored (NUL, a lone surrogate) is named first: past the cap, a body
      // missing many fields would otherwise hide it.
      const isBadText = (v: (typeof err.validation)[number]) =>
        v.keyword === 'custom' &&
        (v.params as { params?: { reason?: string } }).params?.reason === badTextReason;
      const issues = [...err.validation].sort((a, b) => Number(isBadText(b)) - Number(isBadText(a)));
      for (const v of issues) {
        if (named >= maxFieldsReported) break;
        const path =
          v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (err.validationContext ?? 'body');
        const keys = (v.params as { keys?: string[] }).keys;
        // Unknown fields are named one by one, so the form (or the API user) sees which.
        if (v.keyword === 'unrecognized_keys' && keys) {
          for (const k of keys.slice(0, maxFieldsReported)) name(k, 'unknown_field');
          continue;
        }
        if (isBadText(v)) {
          name(path, 'bad_text');
          continue;
        }
        const issue = {
          ...v.params,
          code: v.keyword,
          message: v.message,
          path: path.split('.'),
        } as Parameters<typeof locales.en>[0];
        const localized = locales[lang](issue);
        const text = typeof localized === 'string' ? localized : (localized?.message ?? v.message ?? '');
        name(path, { text });
      }
      appError = new AppError('VALIDATION_FAILED', fields);
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE');
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE');
    } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      appError = new AppError('BAD_JSON');
    } else if (err.statusCode === 429) {
      appError = new AppError('RATE_LIMITED');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ err }, 'client error');
      appError = new AppError(err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
    } else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL');
    }
    reply.status(appError.status).send(appError.render(lang));
  });
}
