/**
 * Importing a household register (xlsx) through readLedger against a bare exceljs streaming
 * read of the same file that only touches every cell: what header detection, the zip checks,
 * the UTF-8-safe re-streaming and per-cell parsing cost. Each measurement runs in its own
 * process so that its peak RSS is its own.
 *
 * Standalone: `npx tsx bench/ledger-read.ts 100000 500000` (BENCH_RUNS runs of each, default 3).
 */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { LedgerSpec } from '../src/server/platform/ledger/columns.js';
import { readLedger } from '../src/server/platform/ledger/read.js';

const headers = ['小区名称', '楼栋', '单元', '房号', '产权人', '联系电话', '专有部分面积(㎡)', '面积依据'];
const bases = ['不动产登记', '测绘', '合同'];

const spec: LedgerSpec = {
  kind: 'households',
  sheetName: '住户',
  columns: [
    { key: 'compound', header: '小区名称', type: 'text', required: true, maxLength: 100 },
    { key: 'building', header: '楼栋', type: 'text', required: true, maxLength: 20 },
    { key: 'unit', header: '单元', type: 'text', maxLength: 20 },
    { key: 'room', header: '房号', type: 'text', required: true, maxLength: 20 },
    { key: 'owner', header: '产权人', type: 'text', required: true, maxLength: 100 },
    { key: 'phone', header: '联系电话', type: 'text', maxLength: 40 },
    { key: 'area', header: '专有部分面积（㎡）', type: 'decimal', required: true, min: 0 },
    {
      key: 'basis',
      header: '面积依据',
      type: 'enum',
      options: { 不动产登记: 'registered', 测绘: 'surveyed', 合同: 'contract' },
    },
  ],
};

export interface Measure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** RSS once the modules are loaded, before reading. */
  baseRssMb: number;
  peakRssMb: number;
}

export interface LedgerReadBench {
  rows: number;
  fileMb: number;
  bare: Measure;
  ledger: Measure;
  /** readLedger rows/s ÷ bare exceljs rows/s. */
  ratio: number;
}

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

/** An xlsx like an office's household register, shared strings and all (as Excel writes it). */
async function writeRegister(file: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = book.addWorksheet('住户');
  sheet.addRow(headers).commit();
  for (let i = 0; i < rows; i++) {
    const building = 1 + Math.floor(i / 60);
    sheet
      .addRow([
        `示例·曹门里${1 + Math.floor(i / 1200)}号院`,
        `${building}号楼`,
        `${1 + (Math.floor(i / 20) % 3)}单元`,
        String(101 + (i % 20)),
        `${surnames[i % surnames.length]}某${i}`,
        String(13800000000 + i),
        Math.round((50 + ((i * 37) % 900) / 10) * 100) / 100,
        bases[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0],
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

/** Run one measurement in a fresh process: `mode` is 'bare' or 'ledger'. */
function measureInChild(mode: 'bare' | 'ledger', file: string): Promise<Measure> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--measure', mode, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${mode} measurement exited with ${code}`));
      else resolve(JSON.parse(out) as Measure);
    });
  });
}

/** The faster of several runs (other work on the machine only ever slows a run down). */
function best(runs: Measure[]): Measure {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

/**
 * Generate a register of `rows` households and read it both ways, `runs` times each,
 * alternating; figures are from each way's fastest run, peak RSS the highest seen.
 */
export async function benchLedgerRead(rows: number, runs = 3): Promise<LedgerReadBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-bench-ledger-'));
  try {
    const file = path.join(dir, 'households.xlsx');
    await writeRegister(file, rows);
    const bareRuns: Measure[] = [];
    const ledgerRuns: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      bareRuns.push(await measureInChild('bare', file));
      ledgerRuns.push(await measureInChild('ledger', file));
    }
    for (const m of [...bareRuns, ...ledgerRuns]) {
      if (m.rows !== rows) throw new Error(`read ${m.rows} rows, expected ${rows}`);
    }
    const peak = (ms: Measure[]) => Math.max(...ms.map((m) => m.peakRssMb));
    const bare = { ...best(bareRuns), peakRssMb: peak(bareRuns) };
    const ledger = { ...best(ledgerRuns), peakRssMb: peak(ledgerRuns) };
    return {
      rows,
      fileMb: fs.statSync(file).size / 1024 ** 2,
      bare,
      ledger,
      ratio: ledger.rowsPerSecond / bare.rowsPerSecond,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// In the child process

async function readBare(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  let touched = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values;
      if (Array.isArray(values)) {
        for (const value of values) {
          if (typeof value === 'string') touched += value.length;
          else if (value !== undefined && value !== null) touched++;
        }
      }
      rows++;
    }
  }
  if (touched === 0) throw new Error('nothing read');
  return rows - 1; // the header row
}

async function readWithLedger(file: string): Promise<number> {
  const read = readLedger(file, spec);
  let rows = 0;
  for await (const row of read) {
    if (row.problems.length > 0) throw new Error(JSON.stringify(row.problems[0]));
    rows++;
  }
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  return rows;
}

async function measure(mode: string, file: string): Promise<Measure> {
  const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const rows = mode === 'bare' ? await readBare(file) : await readWithLedger(file);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rows, seconds, rowsPerSecond: rows / seconds, baseRssMb: mb(baseRss), peakRssMb: mb(peak) };
}

function report(result: LedgerReadBench): string {
  const line = (name: string, m: Measure) =>
    `  ${name.padEnd(22)} ${m.rowsPerSecond.toFixed(0).padStart(8)} rows/s  ${m.seconds.toFixed(2).padStart(6)} s  ` +
    `peak RSS ${String(m.peakRssMb).padStart(4)} MB (base ${m.baseRssMb} MB)`;
  return [
    `${result.rows.toLocaleString('en-US')} rows, ${result.fileMb.toFixed(1)} MB xlsx`,
    line('bare exceljs stream', result.bare),
    line('readLedger', result.ledger),
    `  ratio (readLedger ÷ bare rows/s): ${result.ratio.toFixed(2)}`,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    const [, mode = '', file = ''] = args;
    process.stdout.write(JSON.stringify(await measure(mode, file)));
  } else {
    const sizes = args.length > 0 ? args.map(Number) : [100_000];
    for (const rows of sizes) {
      if (!Number.isInteger(rows) || rows <= 0) throw new Error(`not a row count: ${rows}`);
      console.log(report(await benchLedgerRead(rows, Number(process.env.BENCH_RUNS ?? 3))));
    }
  }
}
