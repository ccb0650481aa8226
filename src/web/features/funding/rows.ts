/** The funding table's rows: the amounts, the yearly sums the chart shows, the merged year cells. */
import type { FundingTotals } from '../../../contract/stats.js';

export const amounts = ['planned', 'received', 'spent'] as const;
export type Amount = (typeof amounts)[number];
export type FundingRow = FundingTotals['rows'][number];

/** Planned, received and spent per year, summed over subdistricts (to the cent, as the ledger rounds). */
export function byYear(rows: readonly FundingRow[]): ({ year: number } & Record<Amount, number>)[] {
  const years = new Map<number, Record<Amount, number>>();
  for (const row of rows) {
    const sum = years.get(row.year) ?? { planned: 0, received: 0, spent: 0 };
    for (const a of amounts) sum[a] = Math.round((sum[a] + row[a]) * 100) / 100;
    years.set(row.year, sum);
  }
  return [...years].sort(([a], [b]) => a - b).map(([year, sum]) => ({ year, ...sum }));
}

/** How many rows each row's year cell spans: the first row of a year spans its year, the rest 0. */
export function yearSpans(rows: readonly { year: number }[]): number[] {
  return rows.map((row, i) => {
    if (i > 0 && rows[i - 1]?.year === row.year) return 0;
    let span = 1;
    while (rows[i + span]?.year === row.year) span++;
    return span;
  });
}
