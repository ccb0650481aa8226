/**
 * One backup or restore in a process of its own, as `jiugai backup` / `jiugai restore` run:
 *   backup DB FILE    write DB to FILE
 *   restore DB FILE   load FILE into the empty database DB
 * DB is a PGlite data directory or a postgres:// URL. Only the backup or restore itself is timed
 * (not opening the database, nor a new PGlite directory's initdb).
 * Prints one JSON line: { rows, seconds, peakRssMb }.
 */
import fs from 'node:fs';
import { backup, restore } from '../src/server/db/backup.js';
import { openDatabase } from '../src/server/db/client.js';

await import('../src/server/runtime.js');
const [mode, target = '', file = ''] = process.argv.slice(2);
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await database.migrate();
const started = performance.now();
const { rows } = mode === 'backup' ? await backup(database, file) : await restore(database, file);
const seconds = (performance.now() - started) / 1000;
await database.close();
const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ rows, seconds, peakRssMb: Math.round(Number(hwm?.[1] ?? 0) / 1024) }));
