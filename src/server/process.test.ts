/**
 * The embedded database as an operator meets it: a real server process, killed with SIGKILL,
 * a second process on the same data directory, and the CLI's audit verification.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from './db/client.js';
import { adminPassword } from './testing/seed.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-proc-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  // The seeded database's admin password, and the one a server seeding its own would give.
  JIUGAI_ADMIN_PASSWORD: adminPassword,
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
  // No web app: CI builds dist/web while this runs, and these tests only call the API.
  JIUGAI_WEB_DIR: path.join(dataDir, 'no-web'),
};
const children: ChildProcess[] = [];
// The data directory starts as the run's seeded database (the demo district, the admin), as a
// server leaves an empty one after its first start: loading the demo in the server took 17 of
// the first test's 30 s, and the journeys start every server on an empty directory.
beforeAll(async () => {
  const snapshots = inject('databases');
  if (snapshots?.kind !== 'pglite') return;
  const seeded = await openDatabase({
    dataDir,
    loadDataDir: new Uint8Array(fs.readFileSync(snapshots.seeded)),
  });
  await seeded.close();
}, 120_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...env, ...extra },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function startServer(): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const p = cli(['serve']);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${p.err()}`)), 300_000);
    p.child.stdout?.on('data', () => {
      const m = /listening on (http:\/\/[\d.:]+)/.exec(p.out());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void p.exited.then((code) => reject(new Error(`server exited with ${code}: ${p.err()}`)));
  });
  return { url, child: p.child, exited: p.exited };
}

async function loginTo(url: string, username: string, pass: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: pass }),
  });
  expect(res.status).toBe(200);
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
}

describe.skipIf(process.env.TEST_DATABASE_URL)('embedded database in a real process', () => {
  it('keeps what was committed before a SIGKILL, and refuses a second process meanwhile', async () => {
    const first = await startServer();

    const second = cli(['serve']);
    expect(await second.exited).not.toBe(0);
    expect(second.err()).toMatch(/in use by another Jiugai process/);

    const headers = await loginTo(first.url, 'admin', adminPassword);
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        username: 'durable-user',
        displayName: '掉电测试',
        role: 'subdistrict',
        scopeRegions: ['410203001'],
        password: 'Survives-Kill-9-Test',
      }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await first.exited;

    const restarted = await startServer();
    const again = await loginTo(restarted.url, 'durable-user', 'Survives-Kill-9-Test');
    const me = await fetch(`${restarted.url}/api/auth/me`, { headers: again });
    expect(((await me.json()) as { user: { displayName: string } }).user.displayName).toBe('掉电测试');
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  }, 900_000);

  it('audit verify passes on the untouched chain and names the first tampered event', async () => {
    const ok = cli(['audit', 'verify']);
    expect(await ok.exited).toBe(0);
    expect(ok.out()).toMatch(/audit chain intact: \d+ events/);

    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`UPDATE audit_events SET actor_name = 'someone-else' WHERE seq = 3`);
    await database.close();

    const broken = cli(['audit', 'verify']);
    expect(await broken.exited).toBe(1);
    expect(broken.err()).toMatch(/audit chain broken at event 3: content does not match its hash/);
  }, 60_000);

  it('prints a problem of the whole file as its message alone, and writes nothing', async () => {
    // Text, so read as a CSV in which no row is a header.
    const file = path.join(dataDir, 'not-a-workbook.xlsx');
    fs.writeFileSync(file, 'not a workbook at all');
    const run = cli(['import', 'compounds', file], { JIUGAI_LANG: 'en' });
    expect(await run.exited).toBe(1);
    expect(run.out().trim().split('\n')).toEqual([expect.stringMatching(/^No header row in the first/)]);
    expect(run.err()).toMatch(/jiugai: 1 problem\(s\) in .*not-a-workbook\.xlsx; nothing was written/);
  }, 30_000);

  it('gives a one-line reason and a non-zero exit for a bad command', async () => {
    const bad = cli(['frobnicate']);
    expect(await bad.exited).toBe(1);
    expect(bad.err()).toMatch(/^jiugai: unknown command: frobnicate/);
  }, 30_000);
});
