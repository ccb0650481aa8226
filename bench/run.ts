/**
 * `npm run bench`: every benchmark, each reported against a baseline measured in the same run.
 * PostgreSQL runs too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server; a fresh
 * database is made there and dropped afterwards. BENCH_SECONDS sets each measurement's length.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { benchAuditList, type Row } from './audit-list.js';
import { benchImport } from './import.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);

async function withPglite<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  try {
    return await fn(database);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function withPostgres<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const name = `jiugai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  await database.migrate();
  try {
    return await fn(database);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function table(rows: Row[]): string {
  return grid(
    ['backend', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio'],
    rows.map((r) => [r.backend, r.scenario, r.rps.toFixed(0), String(r.p50), String(r.p99), r.ratio]),
  );
}

function grid(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const results: Row[] = [];
results.push(...(await withPglite((db) => benchAuditList(db, 'pglite', seconds))));
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (pgUrl) results.push(...(await withPostgres(pgUrl, (db) => benchAuditList(db, 'postgres', seconds))));
else console.log('(set BENCH_DATABASE_URL to also measure on PostgreSQL)');
console.log(table(results));
console.log('ratio = app req/s ÷ bare req/s in the same run; target ≥ 0.80');

const compoundRows = Number(process.env.BENCH_COMPOUNDS ?? 10_000);
const householdRows = Number(process.env.BENCH_HOUSEHOLDS ?? 500_000);
const imports = await benchImport(compoundRows, householdRows);
console.log(
  `\n${grid(
    ['sheet', 'scenario', 'rows/s', 'ratio', 'peak RSS MB'],
    imports.map((r) => [r.sheet, r.scenario, r.rowsPerSecond.toFixed(0), r.ratio, String(r.peakRssMb)]),
  )}`,
);
console.log(
  'ratio = rows/s ÷ the bare read’s rows/s of the same file in the same run; targets: import ≥ 0.50, peak < 600 MB',
);
