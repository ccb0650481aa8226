/**
 * Checked import rows on their way to the database, in batches of a thousand, each sent while the
 * caller goes on reading the next (the database works on another core meanwhile: PostgreSQL's
 * server, or PGlite's thread). Row-by-row upserts into tables with several indexes and foreign
 * keys were an import's bottleneck; a batch is one statement's planning and one round trip.
 *
 * Rows travel as one array parameter per column (`recordset`), typed by the column types given,
 * exactly as parameters are; plain inserts into PGlite go by COPY instead (`insertRows`).
 */
import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { copyIntoPglite, type DbKind, type Tx } from '../../db/client.js';

/** Column name → SQL type, in table order. */
export type Columns = Record<string, string>;

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * `SELECT * FROM` rows given as objects with the columns' names as keys, typed by `columns`: what
 * an `INSERT … SELECT` reads a batch from. Each column travels as one array parameter, unnested
 * by the database: cheaper for it to take apart than a JSON document of the same rows.
 */
export interface Recordset {
  columns: readonly string[];
  /** The column names, for the `INSERT INTO t (…)` the rows go to. */
  names: SQL;
  select(rows: readonly Record<string, unknown>[]): SQL;
  /** The rows in COPY's text format, a line each. */
  copyText(rows: readonly Record<string, unknown>[]): string;
}

export function recordset(columns: Columns): Recordset {
  const entries = Object.entries(columns);
  for (const [n] of entries) if (!identifier.test(n)) throw new Error(`recordset: bad identifier ${n}`);
  const keys = entries.map(([column]) => column);
  const names = sql.raw(keys.join(', '));
  return {
    columns: keys,
    names,
    select(rows) {
      const arrays = entries.map(([column, type]) => sql`${arrayLiteral(rows, column)}::${sql.raw(type)}[]`);
      return sql`SELECT * FROM unnest(${sql.join(arrays, sql`, `)}) AS x(${names})`;
    },
    copyText(rows) {
      const lines = new Array<string>(rows.length + 1);
      const cells = new Array<string>(keys.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] ?? {};
        for (let k = 0; k < keys.length; k++) cells[k] = copyValue(row[keys[k] as string]);
        lines[i] = cells.join('\t');
      }
      lines[rows.length] = '';
      return lines.join('\n');
    },
  };
}

const copyEscapable = /[\\\t\n\r]/;
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for null, a backslash before what would end it. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return copyEscapable.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] ?? c) : text;
}

/**
 * Insert `rows` into `table` (the columns of `set`). On PGlite by COPY: measured on 500k households
 * and their owners, about a quarter less of the database's time than an INSERT of unnested arrays,
 * which is what PostgreSQL gets (COPY there needs a stream driver). Sent at once; the promise
 * settles when the database has done it.
 */
export function insertRows(
  tx: Tx,
  kind: DbKind,
  table: PgTable,
  set: Recordset,
  rows: readonly Record<string, unknown>[],
): Promise<unknown> {
  if (rows.length === 0) return Promise.resolve();
  if (kind === 'pglite') return copyIntoPglite(tx, getTableName(table), set.columns, set.copyText(rows));
  return (async () => tx.execute(sql`INSERT INTO ${table} (${set.names}) ${set.select(rows)}`))();
}

const needsEscape = /["\\]/;
const escapable = /["\\]/g;

/** One column of the rows as a PostgreSQL array literal: `{1,NULL,"a \"quoted\" text"}`. */
function arrayLiteral(rows: readonly Record<string, unknown>[], column: string): string {
  const items = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i]?.[column];
    if (value === null || value === undefined) items[i] = 'NULL';
    else if (typeof value === 'number') items[i] = String(value);
    else if (typeof value === 'boolean') items[i] = value ? 't' : 'f';
    else {
      const text = String(value);
      items[i] = `"${needsEscape.test(text) ? text.replace(escapable, '\\$&') : text}"`;
    }
  }
  return `{${items.join(',')}}`;
}

export const batchRows = 1000;

export interface Batches<Row> {
  /** Rows pushed so far. */
  readonly count: number;
  /**
   * Add a row. The batch it completes is written while the caller goes on; only then is there
   * something to await (the batch before it being written).
   */
  push(row: Row): Promise<void> | undefined;
  /** Every row written (waits for the batch in flight); a failed batch fails here. */
  done(): Promise<void>;
  /** No more rows: wait for the batch in flight, whatever becomes of it (the import is failing). */
  settle(): Promise<void>;
}

/**
 * Rows gathered into batches for `write`, one batch in flight at a time, in order. A batch's
 * failure is raised by the next push that completes a batch, or by `done`.
 */
export function batches<Row>(write: (rows: Row[]) => Promise<unknown>, size = batchRows): Batches<Row> {
  let pending: Row[] = [];
  let count = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await writing;
    // Awaited once, inside: a Drizzle query is a thenable that runs again each time it is awaited.
    writing = (async () => {
      await write(rows);
    })();
    // Its failure is taken up by the next flush; until then it must not count as unhandled.
    writing.catch(() => {});
  };
  return {
    get count() {
      return count;
    },
    push(row) {
      pending.push(row);
      count++;
      return pending.length >= size ? flush() : undefined;
    },
    async done() {
      await flush();
      await writing;
    },
    async settle() {
      pending = [];
      await writing.catch(() => {});
    },
  };
}

/**
 * Statements sent and not yet answered, oldest first, at most `limit` of them: the database works
 * through them in order while the caller reads and checks the next rows. PGlite's thread queues
 * them itself, so they go at once and it never waits on this thread; PostgreSQL's client takes
 * one query at a time, so there each starts as the one before is answered. A failure is raised
 * by the `send` or `done` that comes to it.
 */
export function inFlight(kind: DbKind, limit = 8) {
  const sent: Promise<unknown>[] = [];
  let last: Promise<unknown> = Promise.resolve();
  const start = <T>(statement: () => Promise<T>): Promise<T> => {
    if (kind === 'pglite') return statement();
    // After the one before, whatever became of it (a failure there fails this one too).
    const started = last.then(statement, statement);
    last = started.catch(() => {});
    return started;
  };
  return {
    /** A statement whose answer the caller awaits, in its turn. */
    ask: start,
    async send(statement: () => Promise<unknown>) {
      const answer = start(statement);
      // Its failure is taken up when it is awaited; until then it must not count as unhandled.
      answer.catch(() => {});
      sent.push(answer);
      while (sent.length > limit) await sent.shift();
    },
    async done() {
      while (sent.length > 0) await sent.shift();
    },
    /** Whatever becomes of them (the import is failing anyway). */
    async settle() {
      await Promise.allSettled(sent.splice(0));
    },
  };
}

export type InFlight = ReturnType<typeof inFlight>;
