/**
 * The Jiugai command line: `npm start` runs `serve`; `npm run jiugai -- <command>` the rest.
 * Exit code 0 on success; otherwise non-zero with a one-line reason on stderr.
 */
import './runtime.js';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { ledgerKinds, sheetKinds } from '../contract/imports.js';
import { UpdateSettingsBody } from '../contract/settings.js';
import { roles } from '../domain/access.js';
import { rowRanges } from '../domain/row-ranges.js';
import { type Config, loadConfig } from './config.js';
import { backup, RestoreError, restore } from './db/backup.js';
import { type Database, openDatabase } from './db/client.js';
import { DirLockedError } from './db/lock.js';
import { loadDemoDistrict } from './demo/load.js';
import { exportSheet } from './modules/inventory/export.js';
import { importSheet } from './modules/inventory/import.js';
import { createUser } from './modules/users/commands.js';
import { recordAudit, systemActor, verifyAuditChain } from './platform/audit.js';
import type { Principal } from './platform/context.js';
import { AppError, type Lang } from './platform/errors.js';
import { generatePassword } from './platform/passwords.js';
import { oldCutoffYear, readSettings, updateSettings } from './platform/settings.js';
import { ScaleRefused, seedScale } from './scale/seed.js';

/**
 * An import's progress: one line rewritten in place on a terminal; in a log, a line when a phase
 * starts and one every ten seconds, rather than a stream of carriage returns.
 */
let lastPhase = '';
let lastLogged = 0;
function progressLine(phase: string, rows: number) {
  const line = `${phase} ${rows} rows`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else if (phase !== lastPhase || Date.now() - lastLogged >= 10_000) {
    process.stderr.write(`${line}\n`);
    lastLogged = Date.now();
  }
  lastPhase = phase;
}

const usage = `usage: jiugai <command>
  serve                          run the web app (what npm start does)
  migrate                        apply database migrations
  seed demo                      load the demo district
  seed scale --compounds N [--seed S]
                                 fill an empty database with a synthetic province of N compounds
  import KIND FILE [--dry-run]   import a ledger or survey sheet (KIND: compounds, buildings, households, structures)
  export KIND FILE [--include-personal] [--csv]
                                 write a ledger (owners' personal data only when asked)
  user add NAME --role ROLE [--display-name TEXT] [--scope CODE,CODE] [--password-stdin]
  settings [old-cutoff-year YEAR | escalation DUE_SOON_DAYS SERIOUS_AFTER_DAYS]
                                 show or set the year before which a compound counts as old
  audit verify                   check the audit hash chain
  backup FILE                    write the whole database to FILE
  restore FILE                   load FILE into an empty database`;

class UsageError extends Error {}

/** The operator at the command line: the whole district, as the system. */
const cliPrincipal: Principal = {
  userId: '',
  username: 'system:cli',
  displayName: 'system:cli',
  role: 'admin',
  scopeRegions: [],
  prefixes: null,
  sessionId: '',
  csrfToken: '',
};

const open = (config: Config) =>
  openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await open(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Show the district settings, or change one (audited, as from the web). */
async function settingsCommand(config: Config, args: string[]) {
  const [name, ...values] = args;
  const numbers = values.map(Number);
  const change =
    name === undefined
      ? null
      : name === 'old-cutoff-year' && values.length === 1
        ? { oldCutoffYear: numbers[0] }
        : name === 'escalation' && values.length === 2
          ? { escalation: { dueSoonDays: numbers[0], seriousAfterDays: numbers[1] } }
          : undefined;
  if (change === undefined) {
    throw new UsageError(
      'settings takes: [old-cutoff-year YEAR | escalation DUE_SOON_DAYS SERIOUS_AFTER_DAYS]',
    );
  }
  const input = change && UpdateSettingsBody.parse(change);
  return withDatabase(config, async (db) => {
    await db.migrate();
    const s = input ? await updateSettings(db.db, systemActor('cli'), input) : await readSettings(db.db);
    console.log(`old-cutoff-year: ${s.oldCutoffYear} (compounds built before it count as old)`);
    console.log(
      `escalation: due soon within ${s.escalation.dueSoonDays} days; seriously overdue after ${s.escalation.seriousAfterDays} days`,
    );
  });
}

async function userAdd(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'display-name': { type: 'string' },
      scope: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const username = positionals[0];
  if (!username || !values.role) throw new UsageError('user add needs NAME and --role');
  if (!(roles as readonly string[]).includes(values.role))
    throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  const password = values['password-stdin'] ? await readStdin() : generatePassword();
  await withDatabase(config, async (database) => {
    await database.migrate();
    const user = await createUser(database.db, systemActor('cli'), null, {
      username,
      displayName: values['display-name'] ?? username,
      role: values.role as (typeof roles)[number],
      scopeRegions: values.scope ? values.scope.split(',').map((s) => s.trim()) : [],
      password,
      // A generated password is printed here: the user replaces it at first login.
      mustChangePassword: !values['password-stdin'],
    });
    console.log(`created user ${user.username} (${user.role})`);
    if (!values['password-stdin']) console.log(`password: ${password}`);
  });
}

function sheetKind<K extends string>(value: string | undefined, kinds: readonly K[]): K {
  if (!value || !(kinds as readonly string[]).includes(value)) {
    throw new UsageError(`KIND must be one of ${kinds.join(', ')}`);
  }
  return value as K;
}

const cliLang = (): Lang =>
  (process.env.JIUGAI_LANG ?? process.env.LANG ?? '').startsWith('en') ? 'en' : 'zh-CN';

async function importCommand(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' } },
  });
  const kind = sheetKind(positionals[0], sheetKinds);
  const file = positionals[1];
  if (!file || !fs.existsSync(file))
    throw new UsageError(file ? `no such file: ${file}` : 'import needs KIND FILE');
  await withDatabase(config, async (database) => {
    await database.migrate();
    const report = await importSheet(database.db, systemActor('cli'), kind, path.resolve(file), {
      dryRun: values['dry-run'] === true,
      lang: cliLang(),
      prefixes: null,
      fileName: path.basename(file),
      dbKind: database.kind,
      onProgress: progressLine,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const p of report.problems) {
      // A problem of the whole file (damaged, no sheet) has no place to name.
      const rows =
        (p.count ?? 1) > 1 && p.rows
          ? `${p.count} rows (${rowRanges(p.rows, (p.count ?? 0) - p.rows.length)})`
          : p.row && `row ${p.row}`;
      const at = [p.sheet, rows, p.column, p.header].filter(Boolean).join(' ');
      console.log(at ? `${at}: ${p.message}` : p.message);
    }
    if (report.problemCount > 0) {
      throw new Error(`${report.problemCount} problem(s) in ${file}; nothing was written`);
    }
    console.log(
      report.dryRun
        ? `${file}: ${report.rows} rows, no problems (dry run: nothing written)`
        : `${file}: ${report.rows} rows, ${report.inserted} added, ${report.updated} updated, ${report.createdBuildings} new buildings`,
    );
  });
}

async function exportCommand(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'include-personal': { type: 'boolean' }, csv: { type: 'boolean' } },
  });
  const kind = sheetKind(positionals[0], ledgerKinds);
  const file = positionals[1];
  if (!file) throw new UsageError('export needs KIND FILE');
  await withDatabase(config, async (database) => {
    const includePersonal = values['include-personal'] === true;
    const actor = systemActor('cli');
    if (includePersonal)
      await recordAudit(database.db, actor, { action: 'export.personal', entityType: kind, after: { file } });
    const r = await exportSheet(database.db, cliPrincipal, kind, path.resolve(file), {
      filters: {},
      cutoff: await oldCutoffYear(database.db),
      format: values.csv ? 'csv' : 'xlsx',
      includePersonal,
    });
    console.log(`${r.rows} rows written to ${file}`);
  });
}

/** A synthetic province of N compounds in an empty database (progress on stderr). */
async function seedScaleCommand(config: Config, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { compounds: { type: 'string' }, seed: { type: 'string' } },
  });
  if (!values.compounds) throw new UsageError('seed scale needs --compounds N');
  const compounds = Number(values.compounds);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  return withDatabase(config, async (db) => {
    await db.migrate();
    const counts = await seedScale(db, {
      compounds,
      seed,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(
      `scale data loaded: ${counts.regions} regions, ${counts.compounds} compounds, ${counts.buildings} buildings, ${counts.households} households, ${counts.projects} projects, ${counts.ledgerItems} ledger items, ${counts.tickets} tickets, ${counts.illegalStructures} illegal structures, ${counts.facilities} facilities`,
    );
  });
}

async function run(argv: string[]): Promise<void> {
  const config = loadConfig();
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      // The web server's modules load only for it: a command line import stays that much smaller.
      return (await import('./serve.js')).serve(config, await open(config));
    case 'migrate':
      return withDatabase(config, async (db) => {
        await db.migrate();
        console.log('migrations applied');
      });
    case 'seed': {
      if (rest[0] === 'scale') return seedScaleCommand(config, rest.slice(1));
      if (rest[0] !== 'demo') throw new UsageError('seed takes: demo | scale --compounds N [--seed S]');
      return withDatabase(config, async (db) => {
        await db.migrate();
        if (!(await loadDemoDistrict(db)))
          throw new Error('the inventory is not empty; the demo district loads only into an empty one');
        console.log('demo district loaded');
      });
    }
    case 'import':
      return importCommand(config, rest);
    case 'export':
      return exportCommand(config, rest);
    case 'user':
      if (rest[0] !== 'add') throw new UsageError('user takes: add');
      return userAdd(config, rest.slice(1));
    case 'settings':
      return settingsCommand(config, rest);
    case 'audit': {
      if (rest[0] !== 'verify') throw new UsageError('audit takes: verify');
      return withDatabase(config, async (db) => {
        const report = await verifyAuditChain(db.db);
        if (report.ok) {
          console.log(`audit chain intact: ${report.count} events`);
          return;
        }
        throw new Error(
          `audit chain broken at event ${report.seq}: ${report.reason} (${report.count} events before it are intact)`,
        );
      });
    }
    case 'backup': {
      const file = rest[0];
      if (!file) throw new UsageError('backup needs FILE');
      return withDatabase(config, async (db) => {
        const r = await backup(db, path.resolve(file));
        console.log(`backup written to ${file}: ${r.tables} tables, ${r.rows} rows`);
      });
    }
    case 'restore': {
      const file = rest[0];
      if (!file) throw new UsageError('restore needs FILE');
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      return withDatabase(config, async (db) => {
        const r = await restore(db, path.resolve(file));
        console.log(`restored ${r.rows} rows from ${file}`);
      });
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  }
}

/** One line a person can act on, whatever went wrong. */
function reason(err: unknown): string {
  if (err instanceof AppError) {
    const fields = err.render('en').error.fields;
    return fields
      ? Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')
      : err.render('en').error.message;
  }
  if (err instanceof ZodError) return err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (err instanceof UsageError) return `${err.message}\n${usage}`;
  if (err instanceof DirLockedError || err instanceof RestoreError || err instanceof ScaleRefused)
    return err.message;
  return err instanceof Error ? err.message : String(err);
}

run(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`jiugai: ${reason(err)}`);
  if (process.env.JIUGAI_DEBUG) console.error(err);
  process.exit(1);
});
