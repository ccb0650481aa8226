import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './client.js';

/**
 * PostgreSQL checks a foreign key with a trigger and a query for every row written: measured on a
 * 500k-row household import, a quarter (PGlite) to a third (PostgreSQL) of the import. A bulk
 * writer that proves its references itself, set-wise, and locks the registered rows it refers to
 * `FOR KEY SHARE` as those triggers would, may turn them off for the rest of its transaction with
 * `session_replication_role = replica` (as pg_restore does). That takes a superuser or, from
 * PostgreSQL 15, the SET privilege on the parameter: PGlite's user is one, a production role may
 * not be, and then the triggers stay on and only speed differs.
 *
 * Returns how to turn them back on, or null where they stayed on. Unique indexes and check
 * constraints are not triggers: they hold either way.
 */
export async function suspendRowTriggers(tx: Tx): Promise<(() => Promise<void>) | null> {
  const [role] = await queryRows<{ superuser: boolean; version: number }>(
    tx,
    sql`SELECT current_setting('is_superuser') = 'on' AS superuser,
      current_setting('server_version_num')::int AS version`,
  );
  let may = role?.superuser === true;
  if (!may && (role?.version ?? 0) >= 150_000) {
    const [granted] = await queryRows<{ may: boolean }>(
      tx,
      sql`SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`,
    );
    may = granted?.may === true;
  }
  if (!may) return null;
  await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  return async () => {
    await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  };
}
