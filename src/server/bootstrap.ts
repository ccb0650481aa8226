import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { regions, users } from './db/schema.js';
import { createUser } from './modules/users/commands.js';
import { systemActor } from './platform/audit.js';
import { write } from './platform/context.js';
import { generatePassword } from './platform/passwords.js';

/** Kaifeng's Shunhe Hui district and its township-level units, with their division codes. */
export const shunheRegions = [
  { code: '410000', name: '河南省', level: 'province', parentCode: null },
  { code: '410200', name: '开封市', level: 'city', parentCode: '410000' },
  { code: '410203', name: '顺河回族区', level: 'district', parentCode: '410200' },
  { code: '410203001', name: '清平街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203002', name: '铁塔街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203003', name: '曹门街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203004', name: '宋门街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203005', name: '工业街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203006', name: '苹果园街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203200', name: '东郊乡', level: 'township', parentCode: '410203' },
  { code: '410203201', name: '土柏岗乡', level: 'township', parentCode: '410203' },
] as const;

/** Load the district's region tree (idempotent: existing codes are left as they are). */
export async function seedRegions(database: Database): Promise<number> {
  return write(database.db, systemActor('seed'), async (tx, audit) => {
    const inserted = await tx
      .insert(regions)
      .values(shunheRegions.map((r) => ({ ...r })))
      .onConflictDoNothing()
      .returning({ code: regions.code });
    await audit({ action: 'seed.regions', entityType: 'region', after: { inserted: inserted.length } });
    return inserted.length;
  });
}

/**
 * Make an empty database usable: migrations, the region tree, and the first admin, whose
 * password comes from JIUGAI_ADMIN_PASSWORD or is generated, printed once and written to
 * DATA_DIR/admin-password.txt. Nothing happens to a database that already has users.
 */
export async function bootstrap(
  database: Database,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  await database.migrate();
  const [existing] = await database.db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return;
  const [regionCount] = await database.db.select({ n: count() }).from(regions);
  if ((regionCount?.n ?? 0) === 0) await seedRegions(database);

  const password = config.adminPassword ?? generatePassword();
  await createUser(database.db, systemActor('bootstrap'), null, {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    scopeRegions: [],
    password,
  });
  if (config.adminPassword) {
    log('created user "admin" with the password from JIUGAI_ADMIN_PASSWORD');
  } else {
    const file = path.join(config.dataDir, 'admin-password.txt');
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    log(`created user "admin" with password: ${password}`);
    log(`(also written to ${file}; change it after the first login)`);
  }
}
