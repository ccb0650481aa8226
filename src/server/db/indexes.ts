import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './client.js';

/**
 * Drop plain (non-unique) indexes for the rest of a bulk load and build them again at its end:
 * one sort of the whole table instead of an index insertion per row. Measured on PGlite, 200k
 * households without their compound and owner indexes took 5.0 s to copy in plus 0.6 s to index,
 * against 6.6–7.1 s with them.
 *
 * Dropping an index locks its table against every reader until the transaction ends, so this
 * is for PGlite, whose one session holds every other query until then anyway; a PostgreSQL
 * server's other sessions must go on reading. Unique indexes are refused: rows are checked
 * against them as they go in, and an upsert needs them.
 *
 * Returns how to build them again, from the definitions they had (in the same transaction: if
 * it rolls back, they were never dropped).
 */
export async function deferIndexes(tx: Tx, names: readonly string[]): Promise<() => Promise<void>> {
  const found = await queryRows<{ name: string; definition: string; unique: boolean }>(
    tx,
    sql`SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS unique
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relname = ANY(${`{${names.join(',')}}`}::text[]) AND pg_table_is_visible(c.oid)`,
  );
  for (const name of names) {
    const index = found.find((f) => f.name === name);
    if (!index) throw new Error(`deferIndexes: no index ${name}`);
    if (index.unique) throw new Error(`deferIndexes: ${name} is unique`);
  }
  for (const { name } of found) await tx.execute(sql`DROP INDEX ${sql.identifier(name)}`);
  return async () => {
    for (const { definition } of found) await tx.execute(sql.raw(definition));
  };
}
