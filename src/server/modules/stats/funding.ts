import { aliasedTable, and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FundingTotals, FundingTotalsQuery } from '../../../contract/stats.js';
import { type FundingSource, fundingSources } from '../../../domain/projects.js';
import type { Db } from '../../db/client.js';
import { projectFunding, projects, regions } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { projectRule } from '../projects/access.js';

type Money = { planned: number; received: number; spent: number };
const zero = (): Money => ({ planned: 0, received: 0, spent: 0 });
const bySource = () =>
  Object.fromEntries(fundingSources.map((s) => [s, zero()])) as Record<FundingSource, Money>;
const add = (into: Money, m: Money) => {
  into.planned += m.planned;
  into.received += m.received;
  into.spent += m.spent;
};
/** Money in 万元 to two decimals, so sums of many rows print as the ledger does. */
const round = (m: Money): Money => ({
  planned: Math.round(m.planned * 100) / 100,
  received: Math.round(m.received * 100) / 100,
  spent: Math.round(m.spent * 100) / 100,
});

const subdistrict = aliasedTable(regions, 'subdistrict');

/** Funding integration (资金整合): planned / received / spent by year × subdistrict and source. */
export async function fundingTotals(
  db: Db,
  principal: Principal,
  q: z.infer<typeof FundingTotalsQuery>,
): Promise<FundingTotals> {
  const street = sql<string>`left(${projects.regionCode}, 9)`;
  const where = and(
    projectRule(principal, 'read'),
    q.from ? gte(projects.year, q.from) : undefined,
    q.to ? lte(projects.year, q.to) : undefined,
    q.region ? sql`${projects.regionCode} LIKE ${`${q.region}%`}` : undefined,
  );
  const money = await db
    .select({
      year: projects.year,
      regionCode: street,
      source: projectFunding.source,
      planned: sql<number>`sum(${projectFunding.planned})::float8`,
      received: sql<number>`sum(${projectFunding.received})::float8`,
      spent: sql<number>`sum(${projectFunding.spent})::float8`,
    })
    .from(projectFunding)
    .innerJoin(projects, eq(projects.id, projectFunding.projectId))
    .where(where)
    .groupBy(projects.year, street, projectFunding.source);
  const groups = await db
    .select({
      year: projects.year,
      regionCode: street,
      name: sql<string>`coalesce(max(${subdistrict.name}), ${street})`,
      projects: count(),
    })
    .from(projects)
    .leftJoin(subdistrict, eq(subdistrict.code, street))
    .where(where)
    .groupBy(projects.year, street)
    .orderBy(asc(projects.year), asc(street));
  const total = { ...zero(), projects: 0, sources: bySource() };
  const rows = groups.map((g) => {
    const row = { ...g, ...zero(), sources: bySource() };
    for (const m of money.filter((m) => m.year === g.year && m.regionCode === g.regionCode)) {
      const source = m.source as FundingSource;
      add(row.sources[source], m);
      add(row, m);
      add(total.sources[source], m);
      add(total, m);
    }
    total.projects += g.projects;
    return row;
  });
  const tidy = <R extends Money & { sources: Record<FundingSource, Money> }>(r: R) => ({
    ...r,
    ...round(r),
    sources: Object.fromEntries(fundingSources.map((s) => [s, round(r.sources[s])])) as Record<
      FundingSource,
      Money
    >,
  });
  return { rows: rows.map(tidy), total: tidy(total) };
}
