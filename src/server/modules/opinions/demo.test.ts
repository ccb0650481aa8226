/** The demo district's opinions: every state present, the summary's openOpinions counting the waiting ones. */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { opinionStatuses } from '../../../domain/opinions.js';
import { opinions, tickets } from '../../db/schema.js';
import { sessionAs, testApp } from '../../testing/app.js';

describe('demo opinions', () => {
  it('are in every state, and the summary counts the waiting ones', async () => {
    const t = await testApp();
    const rows = await t.database.db
      .select({ status: opinions.status, n: count() })
      .from(opinions)
      .groupBy(opinions.status);
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    for (const s of opinionStatuses) expect(by[s] ?? 0).toBeGreaterThan(0);
    const [fromOpinions] = await t.database.db
      .select({ n: count() })
      .from(tickets)
      .where(eq(tickets.source, 'opinion'));
    expect(fromOpinions?.n).toBe(by.ticket);
    const hq = await sessionAs(t, 'hq');
    const summary = (
      await t.app.inject({ method: 'GET', url: '/api/stats/summary', headers: hq.headers })
    ).json();
    expect(summary.openOpinions).toBe(by.received);
  }, 600_000);
});
