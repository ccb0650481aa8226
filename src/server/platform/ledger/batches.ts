/**
 * Checked import rows on their way to the database, in batches of a thousand: one statement a
 * batch, each written while the caller goes on reading the next (on PostgreSQL the server works
 * on the other core meanwhile). Row-by-row upserts into tables with several indexes and foreign
 * keys were an import's bottleneck; a batch is one statement's planning and one round trip.
 *
 * Rows travel as one array parameter per column: the same code on PGlite and PostgreSQL, no COPY
 * plumbing, and values typed by the column types given, exactly as parameters are.
 */
import { type SQL, sql } from 'drizzle-orm';

/** Column name → SQL type, in table order. */
export type Columns = Record<string, string>;

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * `SELECT * FROM` rows given as objects with the columns' names as keys, typed by `columns`: what
 * an `INSERT … SELECT` reads a batch from. Each column travels as one array parameter, unnested
 * by the database: cheaper for it to take apart than a JSON document of the same rows.
 */
export function recordset(columns: Columns): {
  /** The column names, for the `INSERT INTO t (…)` the rows go to. */
  names: SQL;
  select(rows: readonly Record<string, unknown>[]): SQL;
} {
  const entries = Object.entries(columns);
  for (const [n] of entries) if (!identifier.test(n)) throw new Error(`recordset: bad identifier ${n}`);
  const names = sql.raw(entries.map(([column]) => column).join(', '));
  return {
    names,
    select(rows) {
      const arrays = entries.map(([column, type]) => sql`${arrayLiteral(rows, column)}::${sql.raw(type)}[]`);
      return sql`SELECT * FROM unnest(${sql.join(arrays, sql`, `)}) AS x(${names})`;
    },
  };
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
