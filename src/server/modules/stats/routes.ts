import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import { type Deps, route } from '../../platform/http.js';
import { attachment } from '../../platform/uploads.js';
import { breakdown, catalogue, exportBreakdown } from './breakdown.js';
import { cachedFigures } from './cache.js';
import { fundingTotals } from './funding.js';
import { breakdownAreas } from './measures.js';
import { summary } from './summary.js';

export function statsRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'stats.read' } as const;
  route(app, deps, api.statsSummary, read, async (ctx, { query }) =>
    cachedFigures(ctx.db, ctx.principal, ['summary', query], () =>
      summary(ctx.db, ctx.principal, query, deps.config.districtCode),
    ),
  );
  route(app, deps, api.fundingTotals, read, async (ctx, { query }) =>
    fundingTotals(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.breakdownMeasures, read, async (ctx) => catalogue(breakdownAreas, ctx.principal.role));
  route(app, deps, api.statsBreakdown, read, async (ctx, { query }) =>
    cachedFigures(ctx.db, ctx.principal, ['breakdown', query], () =>
      breakdown(breakdownAreas, ctx.db, ctx.principal, query, deps.config.districtCode),
    ),
  );
  route(app, deps, api.statsBreakdownExport, read, async (ctx, { query, reply }) => {
    const stream = new PassThrough();
    // The figures are counted (and the request checked) before the download starts.
    const { file, written } = await exportBreakdown(
      breakdownAreas,
      ctx.db,
      ctx.principal,
      query,
      deps.config.districtCode,
      stream,
    );
    written.catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(file))
      .send(stream);
  });
}
