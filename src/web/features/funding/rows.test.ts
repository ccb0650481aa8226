import { describe, expect, it } from 'vitest';
import { byYear, type FundingRow, yearSpans } from './rows.js';

const row = (year: number, planned: number, received: number, spent: number) =>
  ({ year, planned, received, spent }) as FundingRow;

describe('funding by year', () => {
  it('sums subdistricts per year, to the cent, in year order', () => {
    expect(byYear([row(2020, 1.1, 1, 0.5), row(2019, 3, 2, 1), row(2020, 2.2, 0.01, 0)])).toEqual([
      { year: 2019, planned: 3, received: 2, spent: 1 },
      { year: 2020, planned: 3.3, received: 1.01, spent: 0.5 },
    ]);
  });

  it('merges the year cells of consecutive rows of one year', () => {
    expect(
      yearSpans([{ year: 2019 }, { year: 2019 }, { year: 2020 }, { year: 2021 }, { year: 2021 }]),
    ).toEqual([2, 0, 1, 2, 0]);
    expect(yearSpans([])).toEqual([]);
  });
});
