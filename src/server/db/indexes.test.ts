import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/db.js';
import { type Database, queryRows, type Tx } from './client.js';
import { deferIndexes } from './indexes.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ seeded: false });
});

const definitions = async (tx: Tx | Database['db']) =>
  (
    await queryRows<{ indexdef: string }>(
      tx,
      sql`SELECT indexdef FROM pg_indexes WHERE tablename = 'households' ORDER BY indexname`,
    )
  ).map((r) => r.indexdef);

const plain = ['households_compound_idx', 'households_owner_idx'];

/** Run `fn` in a transaction, rolled back if `rollBack`; the transaction's error, if any. */
const inTransaction = (fn: (tx: Tx) => Promise<void>, rollBack: boolean) =>
  database.db
    .transaction(async (tx) => {
      await fn(tx);
      if (rollBack) tx.rollback();
    })
    .then(
      () => null,
      (e: unknown) => e as Error,
    );

describe('deferIndexes', () => {
  it('drops plain indexes and builds them again exactly as they were', async () => {
    const before = await definitions(database.db);
    expect(before.join('\n')).toMatch(/households_compound_idx/);
    await inTransaction(async (tx) => {
      const rebuild = await deferIndexes(tx, plain);
      const during = await definitions(tx);
      expect(during).toHaveLength(before.length - 2);
      expect(during.join('\n')).not.toMatch(/households_(compound|owner)_idx/);
      await rebuild();
      expect(await definitions(tx)).toEqual(before);
    }, false);
    expect(await definitions(database.db)).toEqual(before);
  });

  it('leaves them in place when the transaction rolls back', async () => {
    const before = await definitions(database.db);
    await inTransaction(async (tx) => {
      await deferIndexes(tx, plain);
    }, true);
    expect(await definitions(database.db)).toEqual(before);
  });

  it('refuses a unique index, and a name that is no index, dropping nothing', async () => {
    const before = await definitions(database.db);
    for (const names of [[...plain, 'households_building_unit_room_uq'], ['households_no_such_idx']]) {
      const error = await inTransaction(async (tx) => {
        await deferIndexes(tx, names);
      }, false);
      expect(error?.message).toMatch(/is unique|no index/);
    }
    expect(await definitions(database.db)).toEqual(before);
  });
});
