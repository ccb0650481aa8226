import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { compounds, users } from './db/schema.js';
import { adminPassword } from './testing/app.js';
import { atEnd, freshPostgresUrl } from './testing/db.js';

// Several processes can share one database only on PostgreSQL; PGlite's directory lock lets one in.
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'instances starting together on one empty PostgreSQL (needs TEST_DATABASE_URL; PGlite has one process)',
  () => {
    it('both start; the demo district is loaded once and there is one admin', async () => {
      const url = (await freshPostgresUrl()) as string;
      const config = { ...loadConfig({ JIUGAI_ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'silent' }) };
      const a = await openDatabase({ url });
      const b = await openDatabase({ url });
      atEnd(() => a.close());
      atEnd(() => b.close());
      const started = await Promise.allSettled([
        bootstrap(a, config, () => {}),
        bootstrap(b, config, () => {}),
      ]);
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const [admins] = await a.db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
      expect(admins?.n).toBe(1);
      const [demo] = await a.db.select({ n: count() }).from(compounds);
      expect(demo?.n).toBe(212);
    }, 600_000);
  },
);
