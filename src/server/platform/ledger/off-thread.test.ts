import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readLedgerOffThread } from './off-thread.js';
import { type LedgerRead, type LedgerRow, readLedger } from './read.js';
import { encodeGbk, householdSpec, planSpec, tempDir, writePlanSheet } from './testing.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const now = new Date('2025-06-01T00:00:00Z');

/** Everything a caller sees of a read: rows, file problems, source, rows read, progress. */
async function seen(read: (onProgress: (n: number) => void) => LedgerRead) {
  const progress: number[] = [];
  const ledger = read((n) => progress.push(n));
  const batches: LedgerRow[][] = [];
  for await (const batch of ledger.batches()) batches.push(batch);
  return {
    rows: batches.flat(),
    problems: ledger.problems,
    source: ledger.source,
    rowsRead: ledger.rowsRead,
    progress,
    batches: batches.map((b) => b.length),
  };
}

const householdCsv = (rows: number) =>
  [
    '小区名称,楼栋,单元,房号,产权人,联系电话,专有部分面积(㎡),面积依据',
    ...Array.from({ length: rows }, (_, i) =>
      // Every 500th row has an area that is not a number: a cell problem to carry across.
      [
        `示例·小区${i % 7}`,
        `${1 + (i % 5)}号楼`,
        '1单元',
        `${i}`,
        `业主${i}`,
        '',
        i % 500 === 0 ? '约六十' : `${60 + (i % 9)}.5`,
        '测绘',
      ].join(','),
    ),
  ].join('\r\n');

describe('readLedgerOffThread', () => {
  it('reads a plan sheet exactly as readLedger does: rows, problems, grouped header, source', async () => {
    const file = tmp.file('plan.xlsx');
    await writePlanSheet(file);
    const here = await seen((onProgress) => readLedger(file, planSpec, { now, onProgress }));
    const there = await seen((onProgress) => readLedgerOffThread(file, planSpec, { now, onProgress }));
    expect(there.rows).toEqual(here.rows);
    expect(there.rows.length).toBeGreaterThan(0);
    expect(there.problems).toEqual(here.problems);
    expect(there.source).toEqual(here.source);
    expect(there.rowsRead).toBe(here.rowsRead);
  });

  it('hands a large GBK CSV over a thousand rows at a time, with its cell problems and progress', async () => {
    const file = tmp.file('households.csv');
    fs.writeFileSync(file, encodeGbk(householdCsv(4500)));
    const here = await seen((onProgress) => readLedger(file, householdSpec, { onProgress }));
    const there = await seen((onProgress) => readLedgerOffThread(file, householdSpec, { onProgress }));
    expect(there.rows).toHaveLength(4500);
    expect(there.rows).toEqual(here.rows);
    expect(there.rows.filter((r) => r.problems.length > 0)).toHaveLength(9);
    expect(there.source).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    // A thousand rows or more a message, not the parser's few dozen.
    expect(there.batches.length).toBeLessThanOrEqual(5);
    expect(there.batches.slice(0, -1).every((n) => n >= 1000)).toBe(true);
    expect(there.progress).toEqual(here.progress);
    expect(there.progress.at(-1)).toBe(4500);
  });

  it('reports file problems (a missing column, too many rows) the way readLedger does', async () => {
    const missing = tmp.file('missing.csv');
    fs.writeFileSync(missing, '楼栋,单元,房号\n1号楼,1单元,101\n');
    const tooMany = tmp.file('many.csv');
    fs.writeFileSync(tooMany, householdCsv(40));
    for (const [file, options] of [
      [missing, {}],
      [tooMany, { maxRows: 25 }],
    ] as const) {
      const here = await seen(() => readLedger(file, householdSpec, options));
      const there = await seen(() => readLedgerOffThread(file, householdSpec, options));
      expect(there.problems.length).toBeGreaterThan(0);
      expect({ ...there, batches: [] }).toEqual({ ...here, batches: [] });
    }
  });

  it('fails with the reader thread’s error, and stops the thread when the caller stops early', async () => {
    await expect(seen(() => readLedgerOffThread(tmp.file('absent.xlsx'), householdSpec))).rejects.toThrow(
      /ENOENT/,
    );
    const file = tmp.file('early.csv');
    fs.writeFileSync(file, householdCsv(3000));
    let taken = 0;
    for await (const row of readLedgerOffThread(file, householdSpec)) {
      taken++;
      if (row.row === 10) break;
    }
    expect(taken).toBe(9);
  });
});
