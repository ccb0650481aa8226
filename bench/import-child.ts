/**
 * One measurement in a process of its own, so its peak RSS is its own:
 *   bare FILE              exceljs streaming read of every cell (the baseline)
 *   setup DB [KIND FILE …]  make the database DB: demo district, then these imports
 *   import KIND FILE DB    Jiugai's import of FILE into the existing database DB
 * DB is a PGlite data directory or a postgres:// URL.
 * A new data directory costs PGlite's initdb hundreds of MB that the process never gives back,
 * so the measured import opens a directory made by an earlier process, as a running server does.
 * Prints one JSON line: { rows, seconds, peakRssMb }.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { openDatabase } from '../src/server/db/client.js';
import { loadDemoDistrict } from '../src/server/demo/load.js';
import { importSheet } from '../src/server/modules/inventory/import.js';
import { systemActor } from '../src/server/platform/audit.js';

const [mode, ...args] = process.argv.slice(2);
// The baseline is exceljs as it comes; Jiugai's processes run V8 as the server does.
if (mode !== 'bare') await import('../src/server/runtime.js');

async function bare(file: string): Promise<number> {
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      row.eachCell(() => {
        cells++;
      });
    }
  }
  return cells > 0 ? rows : 0;
}

async function importFile(
  kinds: string[],
  files: string[],
  target: string,
  setup: boolean,
): Promise<number[]> {
  const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
  // As a server starts: migrations checked (and its first queries answered) before any import.
  await database.migrate();
  if (setup) await loadDemoDistrict(database);
  const seconds: number[] = [];
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const report = await importSheet(database.db, systemActor('bench'), kinds[i] as 'compounds', file, {
      dryRun: false,
      lang: 'en',
      prefixes: null,
      dbKind: database.kind,
    });
    if (report.problemCount > 0) throw new Error(`bench file has problems: ${report.problems[0]?.message}`);
    seconds.push((performance.now() - started) / 1000);
  }
  await database.close();
  return seconds;
}

const started = performance.now();
let result: Record<string, unknown>;
if (mode === 'bare') {
  const rows = await bare(args[0] ?? '');
  result = { rows, seconds: (performance.now() - started) / 1000 };
} else if (mode === 'setup') {
  const [dir = '', ...pairs] = args;
  await importFile(
    pairs.filter((_, i) => i % 2 === 0),
    pairs.filter((_, i) => i % 2 === 1),
    dir,
    true,
  );
  result = { seconds: (performance.now() - started) / 1000 };
} else {
  const [kind = '', file = '', dir = ''] = args;
  const [seconds] = await importFile([kind], [file], dir, false);
  result = { seconds };
}
/**
 * This process's peak resident set in MB. Linux's VmHWM belongs to the process's own memory map;
 * `resourceUsage().maxRSS` does not do here, since Linux carries it across fork and exec, so a child
 * would report at least the RSS its parent had when it was started.
 */
function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm?.[1]) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

console.log(JSON.stringify({ ...result, peakRssMb: peakRssMb() }));
