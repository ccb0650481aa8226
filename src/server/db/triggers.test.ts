import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/db.js';
import { type Database, queryRows, type Tx } from './client.js';
import { suspendRowTriggers } from './triggers.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ seeded: false });
});

/** Run `fn` in a transaction that is then rolled back, role and all. */
async function rolledBack(fn: (tx: Tx) => Promise<void>): Promise<void> {
  const undo = new Error('undo');
  await database.db
    .transaction(async (tx) => {
      await fn(tx);
      throw undo;
    })
    .catch((error: unknown) => {
      if (error !== undo) throw error;
    });
}

const role = async (tx: Tx) =>
  (await queryRows<{ r: string }>(tx, sql`SELECT current_setting('session_replication_role') AS r`))[0]?.r;

/** An owner of a compound that does not exist: what the owners → compounds foreign key refuses. */
const orphanOwner = (tx: Tx) =>
  tx.execute(
    sql`INSERT INTO owners (compound_id, region_code, name) VALUES (${randomUUID()}, '410203', '无主')`,
  );

/** The owner refused by its foreign key (in a savepoint, so the transaction goes on). */
async function refused(tx: Tx): Promise<void> {
  const error = await tx.transaction(orphanOwner).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(String(error?.cause?.message ?? error?.message)).toMatch(/foreign key/);
}

describe('suspendRowTriggers', () => {
  it('turns foreign-key triggers off for the transaction where the role may, and back on', async () => {
    await rolledBack(async (tx) => {
      const resume = await suspendRowTriggers(tx);
      expect(resume).not.toBeNull();
      expect(await role(tx)).toBe('replica');
      await orphanOwner(tx);
      await resume?.();
      expect(await role(tx)).toBe('origin');
      await refused(tx);
    });
  });

  it('leaves them on, and the transaction usable, for a role without the privilege', async () => {
    await rolledBack(async (tx) => {
      const plain = `jiugai_plain_${randomBytes(4).toString('hex')}`;
      await tx.execute(sql.raw(`CREATE ROLE ${plain} NOLOGIN`));
      await tx.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${plain}`));
      await tx.execute(sql.raw(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${plain}`));
      await tx.execute(sql.raw(`SET LOCAL ROLE ${plain}`));
      expect(await suspendRowTriggers(tx)).toBeNull();
      expect(await role(tx)).toBe('origin');
      await refused(tx);
    });
  });
});
