/**
 * `npm run bench`: every benchmark, each reported against a baseline measured in the same run.
 * PostgreSQL runs too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server; fresh
 * databases are made there and dropped afterwards. BENCH_SECONDS sets each side's load time (in three rounds);
 * BENCH_COMPOUNDS and BENCH_HOUSEHOLDS the import sheets' sizes, BENCH_RUNS how many times each
 * import scenario runs (the fastest counts; default 3).
 * BENCH_BACKUP_HOUSEHOLDS sets the household rows of the backup benchmark's database.
 * Arguments pick benchmarks by name: `npm run bench -- import` runs only the ledger import,
 * `npm run bench -- audit` only the audit list, `npm run bench -- backup` only backup and
 * restore, `npm run bench -- web` only cold page loads in Chromium (after `npm run build`;
 * BENCH_WEB_RUNS loads each, BENCH_PORT the server's port), `npm run bench -- stall` how long
 * other requests wait during a 100k-row import (BENCH_STALL_ROWS), `npm run bench -- scale`
 * statistics and list pages on the demo district and a synthetic province (BENCH_SCALE_COMPOUNDS on PGlite, and the
 * database BENCH_SCALE_URL names, seeded beforehand); no argument runs them all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { seedScale } from '../src/server/scale/seed.js';
import { benchAuditList, type Row } from './audit-list.js';
import { benchBackup } from './backup.js';
import { benchImport } from './import.js';
import { benchScale, type ScaleRow } from './scale.js';
import { benchStall, type StallRow } from './stall.js';
import { benchWeb } from './web.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 9);
const compoundRows = Number(process.env.BENCH_COMPOUNDS ?? 10_000);
const householdRows = Number(process.env.BENCH_HOUSEHOLDS ?? 500_000);
const importRuns = Number(process.env.BENCH_RUNS ?? 3);
const backupHouseholds = Number(process.env.BENCH_BACKUP_HOUSEHOLDS ?? 200_000);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-bench-'));
const pgDatabases: string[] = [];
const stallRows = Number(process.env.BENCH_STALL_ROWS ?? 100_000);
const benchmarks = ['audit', 'import', 'backup', 'web', 'stall', 'scale'] as const;
const picked = process.argv.slice(2);
for (const name of picked) {
  if (!(benchmarks as readonly string[]).includes(name)) {
    console.error(`unknown benchmark "${name}"; choose from: ${benchmarks.join(', ')}`);
    process.exit(2);
  }
}
const runs = (name: (typeof benchmarks)[number]) => picked.length === 0 || picked.includes(name);

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const dropDatabase = (name: string) => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

/** A new empty database on the benchmark's PostgreSQL server, dropped at the end. */
async function freshPostgres(): Promise<string> {
  const name = `jiugai_bench_${process.pid}_${pgDatabases.length}`;
  pgDatabases.push(name);
  await dropDatabase(name);
  await onServer(`CREATE DATABASE ${name}`);
  const target = new URL(pgUrl ?? '');
  target.pathname = `/${name}`;
  return target.toString();
}

const freshPglite = async () => fs.mkdtempSync(path.join(scratch, 'db-'));
const dropPglite = async (dir: string) => fs.rmSync(dir, { recursive: true, force: true });
const dropPostgres = (url: string) => dropDatabase(new URL(url).pathname.slice(1));

async function withDatabase<T>(target: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  await database.migrate();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function grid(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

try {
  if (!pgUrl) console.log('(set BENCH_DATABASE_URL to also measure on PostgreSQL)\n');
  if (runs('audit')) await auditList();
  if (runs('import')) await imports();
  if (runs('backup')) await backups();
  if (runs('web')) await web();
  if (runs('stall')) await stalls();
  if (runs('scale')) await scale();
} finally {
  for (const name of pgDatabases) await dropDatabase(name);
  fs.rmSync(scratch, { recursive: true, force: true });
}

async function auditList() {
  const lists: Row[] = [];
  lists.push(...(await withDatabase(await freshPglite(), (db) => benchAuditList(db, 'pglite', seconds))));
  if (pgUrl)
    lists.push(
      ...(await withDatabase(await freshPostgres(), (db) => benchAuditList(db, 'postgres', seconds))),
    );
  console.log(
    grid(
      ['backend', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio'],
      lists.map((r) => [r.backend, r.scenario, r.rps.toFixed(0), String(r.p50), String(r.p99), r.ratio]),
    ),
  );
  console.log('ratio = app req/s ÷ bare req/s in the same run; target ≥ 0.80\n');
}

async function imports() {
  const imports = await benchImport(
    compoundRows,
    householdRows,
    [
      { name: 'pglite', fresh: freshPglite, drop: dropPglite },
      ...(pgUrl ? [{ name: 'postgres', fresh: freshPostgres, drop: dropPostgres }] : []),
    ],
    importRuns,
  );
  console.log(
    grid(
      ['sheet', 'scenario', 'rows/s', 'ratio', 'peak RSS MB'],
      imports.map((r) => [r.sheet, r.scenario, r.rowsPerSecond.toFixed(0), r.ratio, String(r.peakRssMb)]),
    ),
  );
  console.log(
    `ratio = rows/s ÷ the bare read’s rows/s of the same file in the same run (fastest of ${importRuns} runs each, highest peak); targets: import ≥ 0.50, peak < 600 MB`,
  );
}

async function backups() {
  const rows = await benchBackup(Math.ceil(backupHouseholds / 50), backupHouseholds, [
    { name: 'pglite', fresh: freshPglite, drop: dropPglite },
    ...(pgUrl ? [{ name: 'postgres', fresh: freshPostgres, drop: dropPostgres }] : []),
  ]);
  console.log(
    grid(
      ['backend', 'rows', 'file MB', 'backup s', 'restore s', 'backup/restore'],
      rows.map((r) => [
        r.backend,
        r.rows.toLocaleString('en'),
        r.fileMb.toFixed(1),
        r.backupSeconds.toFixed(1),
        r.restoreSeconds.toFixed(1),
        (r.backupSeconds / r.restoreSeconds).toFixed(2),
      ]),
    ),
  );
  console.log('backup/restore = backup time ÷ restore time of the same file in the same run; target ≤ 2\n');
}

async function web() {
  const rows = await withDatabase(await freshPglite(), (db) =>
    benchWeb(db, Number(process.env.BENCH_WEB_RUNS ?? 5), Number(process.env.BENCH_PORT ?? 0)),
  );
  console.log(
    grid(
      ['scenario', 'ms', 'KB transferred', 'of it JS KB', 'ratio'],
      rows.map((r) => [r.scenario, r.ms.toFixed(0), r.kb.toFixed(0), r.jsKb?.toFixed(0) ?? '', r.ratio]),
    ),
  );
  console.log(
    'ratio = cold load time ÷ that of a static page fetching a script of the same byte count from the same server (medians)\n',
  );
}

async function stalls() {
  const rows: StallRow[] = [];
  rows.push(...(await withDatabase(await freshPglite(), (db) => benchStall(db, 'pglite', stallRows))));
  if (pgUrl)
    rows.push(...(await withDatabase(await freshPostgres(), (db) => benchStall(db, 'postgres', stallRows))));
  console.log(
    grid(
      ['backend', 'phase', 'seconds', 'worst stall ms', 'p99 ms', 'health requests', 'progress values seen'],
      rows.map((r) => [
        r.backend,
        r.phase,
        r.seconds.toFixed(1),
        String(r.worstMs),
        String(r.p99Ms),
        String(r.healthRequests),
        String(r.progressSeen),
      ]),
    ),
  );
  console.log(
    `${stallRows} households uploaded (check) then confirmed (write) through the API while /api/health is asked every ~50 ms; target on PGlite: the check's worst stall small, the write's bounded by the write phase itself\n`,
  );
}

async function scale() {
  const compounds = Number(process.env.BENCH_SCALE_COMPOUNDS ?? 10_000);
  const rows: ScaleRow[] = await withDatabase(await freshPglite(), async (db) => {
    await bootstrap(
      db,
      loadConfig({ JIUGAI_ADMIN_PASSWORD: 'Bench-Root-Passw0rd', LOG_LEVEL: 'silent' }),
      () => {},
    );
    return benchScale(db, 'pglite demo');
  });
  rows.push(
    ...(await withDatabase(await freshPglite(), async (db) => {
      await seedScale(db, { compounds });
      return benchScale(db, `pglite ${compounds}`);
    })),
  );
  const scaleUrl = process.env.BENCH_SCALE_URL;
  if (scaleUrl) rows.push(...(await withDatabase(scaleUrl, (db) => benchScale(db, 'postgres'))));
  else console.log('(set BENCH_SCALE_URL to a database seeded with `seed scale` to measure PostgreSQL)');
  console.log(
    grid(
      ['backend', 'scope', 'what', 'ms', 'ratio'],
      rows.map((r) => [r.backend, r.scope, r.what, r.ms.toFixed(2), (r.ms / r.baselineMs).toFixed(3)]),
    ),
  );
  console.log(
    "ratio = time ÷ the baseline of its scope in the same run (fastest of 5 runs, of 25 for list pages): statistics against a raw GROUP BY of the compounds, list pages against their rows' statements sent bare; targets ≤ 0.25 and < 2\n",
  );
}
