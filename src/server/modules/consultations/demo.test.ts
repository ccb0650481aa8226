import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let hq: Session;

beforeAll(async () => {
  t = await testApp();
  hq = await sessionAs(t, 'hq');
  // A copy of the seeded district: slow on a busy machine.
}, 600_000);

describe('the demo district (residents decide)', () => {
  it('has a council for every renovated compound, and consultations at every stage', async () => {
    const [renovated] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(DISTINCT compound_id)::int AS n FROM projects WHERE status IN ('accepted', 'handed_over')`,
    );
    const [councils] = await queryRows<{ n: number; members: number }>(
      t.database.db,
      sql`SELECT count(DISTINCT c.id)::int AS n, count(m.id)::int AS members FROM councils c JOIN council_members m ON m.council_id = c.id`,
    );
    expect(councils?.n).toBe(renovated?.n);
    expect(councils?.members).toBe((renovated?.n ?? 0) * 5);
    const statuses = await queryRows<{ status: string }>(
      t.database.db,
      sql`SELECT DISTINCT status FROM consultations`,
    );
    expect(statuses.map((s) => s.status).sort()).toEqual(['completed', 'failed', 'in_progress', 'resolved']);
    const open = await queryRows<{ position: number }>(
      t.database.db,
      sql`SELECT DISTINCT s.position FROM consultation_stages s JOIN consultations c ON c.id = s.consultation_id
        WHERE c.status = 'in_progress' AND s.completed_on IS NULL
          AND s.position = (SELECT min(position) FROM consultation_stages x WHERE x.consultation_id = c.id AND x.completed_on IS NULL)`,
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    // No project has left "consulting residents" without its resolution passed and disclosed.
    const [stray] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM projects p WHERE p.status NOT IN ('planned', 'consulting')
        AND NOT EXISTS (SELECT 1 FROM consultations c WHERE c.project_id = p.id AND c.status IN ('resolved', 'completed'))`,
    );
    expect(stray?.n).toBe(0);
    // Answers only from the register; the summary counts the consultations.
    const [answers] = await queryRows<{ n: number; assisted: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE assisted)::int AS assisted FROM consultation_answers`,
    );
    expect(answers?.n).toBeGreaterThan(0);
    expect(answers?.assisted).toBeGreaterThan(0);
    const [all] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM consultations`,
    );
    const summary = (await requests(t).get('/api/stats/summary', hq)).json();
    expect(summary.consultations).toBe(all?.n);
  });
});
