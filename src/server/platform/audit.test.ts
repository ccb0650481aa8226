import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { auditEvents } from '../db/schema.js';
import { freshDatabase } from '../testing/db.js';
import { recordAudit, systemActor, verifyAuditChain } from './audit.js';
import { write } from './context.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ seeded: false });
  for (let i = 0; i < 20; i++) {
    await recordAudit(database.db, systemActor('test'), {
      action: 'test.event',
      entityType: 'test.thing',
      entityId: String(i),
      after: { i, name: '顺河回族区', nested: { b: 1, a: [1, 2, { z: null }] } },
    });
  }
});

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(database.db, 7)).toEqual({ ok: true, count: 20 });
  });

  it('stays gapless when writes race', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        write(database.db, systemActor('race'), (_tx, audit) =>
          audit({ action: 'test.race', entityId: String(i) }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, count: 30 });
  });

  it('rolls the event back with the write it belongs to', async () => {
    await expect(
      write(database.db, systemActor('test'), async (_tx, audit) => {
        await audit({ action: 'test.doomed' });
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(
      await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'test.doomed')),
    ).toHaveLength(0);
  });

  it('refuses a write that records no event', async () => {
    await expect(write(database.db, systemActor('test'), async () => 1)).rejects.toThrow(/audit event/);
  });

  it('reports the first broken link after tampering with content', async () => {
    await database.db.execute(sql`UPDATE audit_events SET after = '{"i": 999}'::jsonb WHERE seq = 12`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 12, count: 11 });
  });

  it('reports a deleted event', async () => {
    await database.db.execute(sql`DELETE FROM audit_events WHERE seq = 5`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 5, reason: 'event missing' });
  });
});
