import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { districtWideRoles, type Role } from '../../domain/access.js';
import { buildApp } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { seedCatalogue } from '../modules/projects/catalogue.js';
import { createUser } from '../modules/users/commands.js';
import { systemActor } from '../platform/audit.js';
import { atEnd, freshDatabase } from './db.js';
import { buildRegions } from './factories.js';
import { testConfig } from './seed.js';

export { adminPassword } from './seed.js';
export const strongPassword = 'Kaifeng-Shunhe-2023!';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
}

export interface TestAppOptions {
  /**
   * true (the default): the demo district and the admin, as `npm start` leaves an empty database.
   * false: for tests that build every row they rely on (`factories.ts`): the district's real
   * division tree and the default catalogue, but no demo rows, no settings and no users.
   */
  seeded?: boolean;
}

/**
 * The whole HTTP app over a fresh database: a copy of the run's seeded database, bootstrapped
 * like `npm start` does (it finds it done, as on a restart); or, with `seeded: false`, one that
 * holds only what every test needs (regions, catalogue).
 */
export async function testApp(
  overrides: Partial<Config> = {},
  { seeded = true }: TestAppOptions = {},
): Promise<TestApp> {
  const database = await freshDatabase({ seeded });
  const config = testConfig(overrides);
  if (seeded) await bootstrap(database, config, () => {});
  else {
    await buildRegions(database);
    await seedCatalogue(database);
  }
  const app = await buildApp(database, config);
  atEnd(() => app.close());
  return { app, database, config };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Log in through the API and return what a browser would hold afterwards. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'jiugai_sid');
  if (!c) throw new Error('no session cookie set');
  return `jiugai_sid=${c.value}`;
}

let counter = 0;

/** A user of the given role (and scope), created directly; returns its name and password. */
export async function buildUser(
  database: Database,
  role: Role,
  scopeRegions: string[] = districtWideRoles.includes(role) ? [] : ['410203002'],
) {
  counter++;
  const username = `${role.replace('_', '-')}-${counter}`;
  const user = await createUser(database.db, systemActor('test'), null, {
    username,
    displayName: `${role} ${counter}`,
    role,
    scopeRegions,
    password: strongPassword,
  });
  return { ...user, password: strongPassword };
}

/** A fresh user of `role` (and scope), logged in. */
export async function sessionAs(t: TestApp, role: Role, scopeRegions?: string[]): Promise<Session> {
  const u = await buildUser(t.database, role, scopeRegions);
  return login(t.app, u.username, u.password);
}

/** Requests as a session would send them (none: without a session). */
export function requests(t: TestApp) {
  return {
    get: (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers }),
    send: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload: unknown, s?: Session) =>
      t.app.inject({ method, url, payload: payload as object, headers: s?.headers }),
  };
}

/**
 * Poll until `done` holds of what `read` gives (a job finishing, say), and return that. No bound
 * of its own: how long a machine takes is no failure; the test's timeout ends a wait that never ends.
 */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A response's text with its record ids taken out. Ids are random UUIDs, and one whose first
 * group is all digits ("15336787-372a-…") reads as a mobile number with a separator, so a scan
 * for personal data looks at the text without them.
 */
export const withoutIds = (text: string): string =>
  text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');
