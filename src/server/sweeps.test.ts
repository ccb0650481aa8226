/**
 * The periodic sweep `serve` starts: a round at once (an overdue ticket reaches the ledger with
 * nobody looking), and stopping it waits for the round under way and ends the timer.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { districtToday } from '../domain/ledger.js';
import { addDays } from '../domain/quality.js';
import { ledgerItems, tickets } from './db/schema.js';
import { startSweeps } from './sweeps.js';
import { testApp } from './testing/app.js';
import { buildProject } from './testing/factories.js';

describe('startSweeps', () => {
  it('runs a round at once, and stop() waits for it', async () => {
    const t = await testApp({}, { seeded: false });
    const project = await buildProject(t.database, { status: 'under_construction', accountable: true });
    const [ticket] = await t.database.db
      .insert(tickets)
      .values({
        projectId: project.id,
        source: 'other',
        title: '围挡破损',
        deadline: addDays(districtToday(), -1),
      })
      .returning();
    const errors: unknown[] = [];
    const stop = startSweeps(t.database, (e) => errors.push(e), 24 * 3_600_000);
    await stop();
    expect(errors).toEqual([]);
    const [after] = await t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, ticket?.id ?? ''));
    const [item] = await t.database.db
      .select()
      .from(ledgerItems)
      .where(eq(ledgerItems.id, after?.ledgerItemId ?? crypto.randomUUID()));
    expect(item).toMatchObject({ title: '整改逾期：围挡破损', ownerCadreId: project.cadreInChargeId });
  });
});
