import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../platform/audit.js';
import { buildUser } from '../testing/app.js';
import { freshDatabase } from '../testing/db.js';
import { backup, RestoreError, restore } from './backup.js';
import type { Database } from './client.js';
import { catalogueItems, photos, projects } from './schema.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The backup's content without its creation time: equal content means equal databases. */
function body(file: string): string {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0] ?? '{}');
  delete header.createdAt;
  return [JSON.stringify(header), ...lines.slice(1)].join('\n');
}

/** An empty target (migrated, no rows) of the same kind as the tests run on. */
const emptyTarget = () => freshDatabase({ seeded: false });

let source: Database;
const first = path.join(dir, 'first.jiugai.gz');

beforeAll(async () => {
  // Bootstrapped: the demo district, the catalogue and the admin.
  source = await freshDatabase();
  for (const role of ['hq', 'subdistrict', 'community', 'viewer'] as const) await buildUser(source, role);
  // Photos are kept as bytes: more of them than one read batch, each bigger than a text row.
  const [project] = await source.db.select().from(projects).limit(1);
  const [item] = await source.db.select().from(catalogueItems).limit(1);
  if (!project || !item) throw new Error('the demo has projects and a catalogue');
  await source.db.insert(photos).values(
    Array.from({ length: 20 }, (_, i) => {
      const bytes = crypto.randomBytes(64 * 1024);
      return {
        projectId: project.id,
        catalogueItemId: item.id,
        regionCode: project.regionCode,
        fileName: `现场照片${i}.jpg`,
        contentType: 'image/jpeg',
        size: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
        bytes,
      };
    }),
  );
  await backup(source, first);
}, 600_000);

describe('backup and restore', () => {
  it('restoring into an empty database gives an identical database', { timeout: 600_000 }, async () => {
    const target = await emptyTarget();
    const { rows } = await restore(target, first);
    expect(rows).toBeGreaterThan(10);
    const second = path.join(dir, 'second.jiugai.gz');
    await backup(target, second);
    expect(body(second)).toBe(body(first));
    const restored = await target.db.select().from(photos);
    // The demo's own documents and photos of fixes, and the twenty big ones added above.
    expect(restored).toHaveLength((await source.db.select().from(photos)).length);
    expect(restored.filter((p) => p.fileName.startsWith('现场照片'))).toHaveLength(20);
    for (const p of restored)
      expect(crypto.createHash('sha256').update(p.bytes).digest('hex')).toBe(p.sha256);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
  });

  it('refuses to restore over existing data and leaves it untouched', { timeout: 300_000 }, async () => {
    const before = body(first);
    await expect(restore(source, first)).rejects.toThrow(RestoreError);
    const again = path.join(dir, 'again.jiugai.gz');
    await backup(source, again);
    expect(body(again)).toBe(before);
  });

  it('refuses a file that is not a backup', async () => {
    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(junk, zlib.gzipSync('hello\n'));
    const target = await emptyTarget();
    await expect(restore(target, junk)).rejects.toThrow(/not a Jiugai backup/);
  });
});
