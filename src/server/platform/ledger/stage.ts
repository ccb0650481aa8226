/**
 * A staging table for an import: checked rows go into a temporary table as they are read, in
 * batches of a few thousand (one statement each), and the import then writes them to the real
 * tables in a few set-based statements. Row-by-row upserts into tables with several indexes and
 * foreign keys were the import's bottleneck; a temporary table has neither, and no WAL.
 *
 * Rows travel as one JSON parameter per batch (`json_to_recordset`): the same code on PGlite and
 * PostgreSQL, no COPY plumbing, and values typed by the table's column types, exactly as
 * parameters are. The table lives until the transaction ends (ON COMMIT DROP), so a rolled-back
 * import (a dry run, a file with problems) leaves nothing behind.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** Column name → SQL type, in table order. */
export type StageColumns = Record<string, string>;

export interface Stage<Row extends Record<string, unknown>> {
  /** The table, for the statements that read it. */
  readonly table: SQL;
  /** Rows staged so far. */
  readonly count: number;
  /** Stage a row. The batch it completes is written while the caller goes on reading. */
  push(row: Row): Promise<void>;
  /** Every row written (waits for the batch in flight); a failed batch fails here. */
  done(): Promise<void>;
}

const batchRows = 5000;
const identifier = /^[a-z_][a-z0-9_]*$/;

export async function createStage<Row extends Record<string, unknown>>(
  tx: Tx,
  name: string,
  columns: StageColumns,
): Promise<Stage<Row>> {
  for (const n of [name, ...Object.keys(columns)])
    if (!identifier.test(n)) throw new Error(`stage: bad identifier ${n}`);
  const definition = sql.raw(
    Object.entries(columns)
      .map(([column, type]) => `${column} ${type}`)
      .join(', '),
  );
  const table = sql.raw(name);
  await tx.execute(sql`CREATE TEMP TABLE ${table} (${definition}) ON COMMIT DROP`);
  // Awaited once here: a Drizzle query runs again each time it is awaited.
  const load = async (json: string) => {
    await tx.execute(
      sql`INSERT INTO ${table} SELECT * FROM json_to_recordset(${json}::json) AS x(${definition})`,
    );
  };

  let pending: Row[] = [];
  let count = 0;
  // One batch is written while the next is read: on PostgreSQL the server works on the other
  // core meanwhile. Batches stay in order; a failed one fails the next flush.
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    if (pending.length === 0) return;
    const json = JSON.stringify(pending);
    pending = [];
    await writing;
    writing = load(json);
    // Its failure is taken up by the next flush; until then it must not count as unhandled.
    writing.catch(() => {});
  };
  return {
    table,
    get count() {
      return count;
    },
    async push(row) {
      pending.push(row);
      count++;
      if (pending.length >= batchRows) await flush();
    },
    async done() {
      await flush();
      await writing;
    },
  };
}
