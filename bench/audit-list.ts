/**
 * An authenticated, paged, filtered list endpoint (GET /api/audit over 100k events) against a
 * bare Fastify route running the same SQL on the same database: what the platform's pipeline
 * (session, role, validation, serialisation) costs.
 */
import { count, desc, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';
import { auditEvents } from '../src/server/db/schema.js';
import { auditWhere } from '../src/server/modules/audit/queries.js';
import { type LoadResult, load } from './load.js';

const median = (runs: LoadResult[]) =>
  [...runs].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond)[
    Math.floor(runs.length / 2)
  ] as LoadResult;

const rows = 100_000;
const password = 'Bench-Root-Passw0rd';
const query = { page: 50, pageSize: 20, action: 'user.create' } as const;

export interface Row {
  backend: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  ratio: string;
}

export async function benchAuditList(database: Database, backend: string, seconds: number): Promise<Row[]> {
  const config = {
    ...loadConfig({ JIUGAI_ADMIN_PASSWORD: password, LOG_LEVEL: 'silent' }),
    loginRatePerMinute: 1000,
  };
  await bootstrap(database, config, () => {});
  // Bench rows are inserted in bulk with placeholder hashes: this throwaway chain is not valid.
  await database.db.execute(sql`
    INSERT INTO audit_events (seq, at, actor_name, action, entity_type, entity_id, region_code, outcome, ip, prev_hash, hash)
    SELECT s + 1000, now() - make_interval(secs => s), 'bench',
           (ARRAY['user.create', 'user.update', 'auth.login'])[1 + s % 3], 'user', s::text,
           '41020300' || (1 + s % 6), 'ok', '127.0.0.1', 'x', 'x'
    FROM generate_series(1, ${rows}) AS s`);
  await database.db.execute(sql`ANALYZE audit_events`);

  const app = await buildApp(database, config);
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password },
  });
  const cookie = `jiugai_sid=${login.cookies.find((c) => c.name === 'jiugai_sid')?.value}`;

  const bare = Fastify();
  const where = auditWhere({ prefixes: null }, { ...query });
  bare.get('/bare', async () => {
    const [total] = await database.db.select({ n: count() }).from(auditEvents).where(where);
    const items = await database.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { items, total: total?.n ?? 0 };
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const qs = `page=${query.page}&pageSize=${query.pageSize}&action=${query.action}`;
  const check = await fetch(`${appUrl}/api/audit?${qs}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`app route answered ${check.status}`);

  await load(`${bareUrl}/bare`, {}, 1); // warm-up for both
  await load(`${appUrl}/api/audit?${qs}`, { cookie }, 1);
  // Alternate short rounds and keep each side's median, so a machine that gets busier or
  // quieter during the run shifts both sides alike.
  const rounds = 3;
  const bareRuns: LoadResult[] = [];
  const appRuns: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    bareRuns.push(await load(`${bareUrl}/bare`, {}, seconds / rounds));
    appRuns.push(await load(`${appUrl}/api/audit?${qs}`, { cookie }, seconds / rounds));
  }
  await app.close();
  await bare.close();
  if ([...bareRuns, ...appRuns].some((r) => r.non2xx + r.errors > 0))
    throw new Error('errors during the benchmark run');
  const b = median(bareRuns);
  const a = median(appRuns);
  return [
    {
      backend,
      scenario: `bare route, same SQL (${rows / 1000}k rows)`,
      rps: b.requestsPerSecond,
      p50: b.p50,
      p99: b.p99,
      ratio: '1.00',
    },
    {
      backend,
      scenario: 'GET /api/audit (session, role, scope, zod)',
      rps: a.requestsPerSecond,
      p50: a.p50,
      p99: a.p99,
      ratio: (a.requestsPerSecond / b.requestsPerSecond).toFixed(2),
    },
  ];
}
