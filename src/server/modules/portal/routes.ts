import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '../../../contract/api.js';
import { PublicCompoundQuery } from '../../../contract/portal.js';
import { regions } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Deps, publicRoute, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { compoundRule, loadCompound } from '../inventory/access.js';
import { compoundPage, districtPage, notFoundPage, type PortalLang } from './pages.js';
import { type Poster, posterPdf } from './poster.js';
import { compoundsUnderWay, publicCompound, publicCompounds } from './queries.js';

/** A subdistrict's batch holds at most this many posters (one request, bounded work). */
const maxPosters = 150;
/** Public answers are the same for everyone: a cache may keep them a minute. */
const publicCache = 'public, max-age=60';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const langOfQuery = (req: FastifyRequest): PortalLang =>
  (req.query as Record<string, unknown> | undefined)?.lang === 'en' ? 'en' : 'zh';

/** Where residents reach the portal: the configured address, else the one this request came to. */
export function publicBaseUrl(deps: Deps, req: FastifyRequest): string {
  return deps.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
}

const sendPage = (reply: FastifyReply, status: number, page: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', publicCache).send(page);

export function portalRoutes(app: FastifyInstance, deps: Deps) {
  // Per client address (in memory, per instance): the portal is open to anyone.
  const rate = { rateLimit: { max: deps.config.publicRatePerMinute, timeWindow: 60_000 } };

  /* ---------- the public JSON (no session) ---------- */
  publicRoute(app, api.publicCompounds, rate, async (_ctx, { query, reply }) => {
    reply.header('cache-control', publicCache);
    return publicCompounds(deps.db, query);
  });
  publicRoute(app, api.publicCompound, rate, async (_ctx, { params, reply }) => {
    reply.header('cache-control', publicCache);
    return publicCompound(deps.db, params.id);
  });

  /* ---------- the pages (server-rendered HTML, no script) ---------- */
  app.get('/p', { config: rate }, async (req, reply) => {
    const lang = langOfQuery(req);
    // A query the page cannot use falls back to the defaults rather than failing: links get mangled.
    const parsed = PublicCompoundQuery.safeParse({ ...(req.query as object), pageSize: 50 });
    const query = parsed.success ? parsed.data : PublicCompoundQuery.parse({ pageSize: 50 });
    const subdistricts = await deps.db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(
        and(
          eq(regions.parentCode, deps.config.districtCode),
          inArray(regions.level, ['subdistrict', 'township']),
        ),
      )
      .orderBy(asc(regions.code));
    const page = await publicCompounds(deps.db, query);
    return sendPage(
      reply,
      200,
      districtPage({ lang, status: query.status, region: query.region, subdistricts, page }),
    );
  });
  app.get<{ Params: { compoundId: string } }>('/p/c/:compoundId', { config: rate }, async (req, reply) => {
    const lang = langOfQuery(req);
    if (!uuid.test(req.params.compoundId)) return sendPage(reply, 404, notFoundPage(lang));
    try {
      return sendPage(reply, 200, compoundPage(await publicCompound(deps.db, req.params.compoundId), lang));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND')
        return sendPage(reply, 404, notFoundPage(lang));
      throw err;
    }
  });

  /* ---------- posters (staff, in scope) ---------- */
  const read = { action: 'inventory.read' } as const;
  const pdf = (reply: FastifyReply, name: string, bytes: Buffer) =>
    reply.type('application/pdf').header('content-disposition', attachment(name)).send(bytes);
  const posterOf = async (req: FastifyRequest, id: string): Promise<Poster> => ({
    compound: await publicCompound(deps.db, id),
    url: `${publicBaseUrl(deps, req)}/p/c/${id}`,
  });
  route(app, deps, api.compoundPoster, read, async (ctx, { params, req, reply }) => {
    const compound = await loadCompound(ctx, params.id, 'read');
    const poster = await posterOf(req, compound.id);
    return pdf(
      reply,
      `${compound.name}-改造公示海报.pdf`,
      await posterPdf([poster], `${compound.name} 老旧小区改造`),
    );
  });
  route(app, deps, api.regionPosters, read, async (ctx, { params, req, reply }) => {
    const [region] = await ctx.db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(eq(regions.code, params.code), scopeWhere(ctx.principal, regions.code)))
      .limit(1);
    if (!region) throw notFound();
    const ids = await compoundsUnderWay(ctx.db, region.code, compoundRule(ctx.principal, 'read'), maxPosters);
    const posters: Poster[] = [];
    for (const { id } of ids) posters.push(await posterOf(req, id));
    return pdf(
      reply,
      `${region.name}-改造公示海报.pdf`,
      await posterPdf(posters, `${region.name} 老旧小区改造`),
    );
  });
}
