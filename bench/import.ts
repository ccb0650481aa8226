/**
 * Ledger import against a bare exceljs streaming read of the same file, in the same run:
 * a 10k-row compound sheet and a 500k-row household sheet, both made here.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const streets = [
  '清平街道',
  '铁塔街道',
  '曹门街道',
  '宋门街道',
  '工业街道',
  '苹果园街道',
  '东郊乡',
  '土柏岗乡',
];

async function writeSheet(
  file: string,
  header: string[],
  rows: (i: number) => (string | number)[],
  count: number,
) {
  // Text in a shared-strings table, as Excel and WPS save it (the reader then holds that table).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet('台账');
  ws.addRow(header).commit();
  for (let i = 0; i < count; i++) ws.addRow(rows(i)).commit();
  ws.commit();
  await wb.commit();
}

/** The two bench sheets, written into `dir`: compounds first, then households naming them. */
export async function writeSheets(dir: string, compoundRows: number, householdRows: number) {
  const compounds = path.join(dir, 'compounds.xlsx');
  const households = path.join(dir, 'households.xlsx');
  const name = (i: number) => `基准·小区${String(i).padStart(5, '0')}`;
  await writeSheet(
    compounds,
    ['街道（乡）', '小区名称', '建成年代', '楼栋数', '户数', '人口', '建筑面积（平方米）', '物业管理'],
    (i) => [
      streets[i % streets.length] ?? '',
      name(i),
      `${1960 + (i % 45)}年`,
      1 + (i % 12),
      50,
      140,
      `${(3500 + i).toLocaleString('en')}.5`,
      '自管',
    ],
    compoundRows,
  );
  const perCompound = Math.max(1, Math.ceil(householdRows / compoundRows));
  await writeSheet(
    households,
    ['街道（乡）', '小区名称', '楼栋', '单元', '房号', '产权人', '联系电话', '专有部分面积(㎡)', '面积依据'],
    (i) => {
      const c = Math.floor(i / perCompound);
      const k = i % perCompound;
      return [
        streets[c % streets.length] ?? '',
        name(c),
        `${1 + Math.floor(k / 24)}号楼`,
        `${1 + (Math.floor(k / 12) % 2)}单元`,
        `${1 + (Math.floor(k / 2) % 6)}0${1 + (k % 2)}`,
        `业主${i}`,
        `138${String(i).padStart(8, '0')}`,
        60 + (i % 40),
        i % 5 === 0 ? '测绘' : '不动产登记',
      ];
    },
    householdRows,
  );
  return { compounds, households };
}

/** One measurement by a bench script of its own process (import-child.ts unless named): its JSON line. */
export function child(
  args: string[],
  script = 'import-child.ts',
): Promise<{ rows?: number; seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join('bench', script), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench child failed (${code})`));
      const line = out.trim().split('\n').pop() ?? '{}';
      resolve(JSON.parse(line));
    });
  });
}

export interface ImportRow {
  sheet: string;
  scenario: string;
  rowsPerSecond: number;
  ratio: string;
  peakRssMb: number;
}

/**
 * `fresh()` gives each measurement an empty database: a PGlite directory or a PostgreSQL URL,
 * which `drop()` removes after it.
 * Only the import's own process is measured; with PostgreSQL the database's memory is the
 * server's, not the importer's. Each scenario runs `runs` times, reads and imports alike, in
 * rounds (the bare read, then each import), so a machine slower for a minute slows the baseline
 * as much as the imports: each scenario's fastest time counts (a slower one is the machine busy
 * elsewhere), and its highest peak.
 */
export async function benchImport(
  compoundRows: number,
  householdRows: number,
  backends: { name: string; fresh: () => Promise<string>; drop: (db: string) => Promise<void> }[],
  runs: number,
): Promise<ImportRow[]> {
  type Measured = { seconds: number; peakRssMb: number };
  /** Every scenario once a round, `runs` rounds; then each scenario's fastest time and highest peak. */
  const rounds = async (scenarios: (() => Promise<Measured>)[]) => {
    const all: Measured[][] = scenarios.map(() => []);
    for (let i = 0; i < runs; i++) {
      for (const [n, measure] of scenarios.entries()) all[n]?.push(await measure());
    }
    return all.map((measured) => ({
      seconds: Math.min(...measured.map((r) => r.seconds)),
      peakRssMb: Math.max(...measured.map((r) => r.peakRssMb)),
    }));
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-bench-import-'));
  try {
    const { compounds, households } = await writeSheets(dir, compoundRows, householdRows);
    const results: ImportRow[] = [];
    const measure = async (sheet: string, file: string, rows: number, setup: string[]) => {
      const label = `${sheet} (${rows.toLocaleString('en')} rows)`;
      const [bare = { seconds: 0, peakRssMb: 0 }, ...imports] = await rounds([
        () => child(['bare', file]),
        ...backends.map((backend) => async () => {
          const db = await backend.fresh();
          await child(['setup', db, ...setup]);
          const result = await child(['import', sheet, file, db]);
          await backend.drop(db);
          return result;
        }),
      ]);
      const row = (scenario: string, r: Measured) => ({
        sheet: label,
        scenario,
        rowsPerSecond: rows / r.seconds,
        ratio: (bare.seconds / r.seconds).toFixed(2),
        peakRssMb: r.peakRssMb,
      });
      results.push(row('bare exceljs streaming read', bare));
      for (const [i, backend] of backends.entries()) {
        const imported = imports[i];
        if (imported) results.push(row(`${backend.name}: import (one transaction)`, imported));
      }
    };
    await measure('compounds', compounds, compoundRows, []);
    await measure('households', households, householdRows, ['compounds', compounds]);
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
