import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { users } from './db/schema.js';
import { loadDemoDistrict } from './demo/load.js';
import { seedCatalogue } from './modules/projects/catalogue.js';
import { seedCalendar } from './modules/quality/calendar.js';
import { createUser } from './modules/users/commands.js';
import { systemActor } from './platform/audit.js';
import { generatePassword } from './platform/passwords.js';

/**
 * Make an empty database usable: migrations, the demo district, and the first admin, whose
 * password comes from JIUGAI_ADMIN_PASSWORD or is generated, printed once and written to
 * DATA_DIR/admin-password.txt. Nothing happens to a database that already has users.
 */
export async function bootstrap(
  database: Database,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  // Instances starting together on one empty PostgreSQL: one does this, the others then find users.
  await database.exclusively(() => firstStart(database, config, log));
}

async function firstStart(database: Database, config: Config, log: (line: string) => void): Promise<void> {
  await database.migrate();
  await seedCatalogue(database);
  await seedCalendar(database);
  const [existing] = await database.db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return;
  await loadDemoDistrict(database);

  const password = config.adminPassword ?? generatePassword();
  await createUser(database.db, systemActor('bootstrap'), null, {
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    scopeRegions: [],
    password,
    // A generated password was printed and written to a file: the admin replaces it at first login.
    mustChangePassword: !config.adminPassword,
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
