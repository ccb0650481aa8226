/**
 * Import jobs around what the database committed: after a crash, and while checked uploads wait
 * for their user to confirm them (bounded per user and in time, their files removed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, jobs } from '../../db/schema.js';
import {
  createJob,
  failInterruptedJobs,
  maxPendingUploads,
  pendingUploadHours,
} from '../../platform/jobs.js';
import { removeStaleUploads } from '../../platform/uploads.js';
import { buildUser, login, type Session, type TestApp, testApp, until } from '../../testing/app.js';

/** Once set, the process "dies" as an import returns: no job's final state is written after it. */
const crash = vi.hoisted(() => ({ afterImport: false }));
vi.mock('../../platform/jobs.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../platform/jobs.js')>();
  return {
    ...original,
    updateJob: (...args: Parameters<typeof original.updateJob>) => {
      const status = args[2].status;
      if (crash.afterImport && status !== undefined && status !== 'importing')
        return new Promise<void>(() => {});
      return original.updateJob(...args);
    },
  };
});

let t: TestApp;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-jobs-'));
const uploads = path.join(dataDir, 'uploads');

beforeAll(async () => {
  t = await testApp({ dataDir });
  // A fresh database bootstrapped with the demo district: minutes on a loaded machine.
}, 300_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const header = '街道（乡）,小区名称,建成年代,楼栋数,户数,建筑面积（平方米）';
const csv = (...names: string[]) =>
  Buffer.from(`${header}\n${names.map((n) => `铁塔街道,${n},1990,2,40,3000`).join('\n')}\n`);

async function session(): Promise<Session & { userId: string }> {
  const user = await buildUser(t.database, 'hq');
  return { ...(await login(t.app, user.username, user.password)), userId: user.id };
}

const upload = (s: Session, body: Buffer, fileName = 'ledger.csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=compounds&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { ...s.headers, 'content-type': 'application/octet-stream' },
  });

const getJob = async (s: Session, id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: s.headers })).json();

/** Upload and wait for the check: the job as checked. */
async function checked(s: Session, body: Buffer) {
  const res = await upload(s, body);
  expect(res.statusCode).toBe(202);
  return until(
    () => getJob(s, res.json().id),
    (job) => job.status !== 'validating',
  );
}

const filePath = async (id: string) =>
  (await t.database.db.select({ filePath: jobs.filePath }).from(jobs).where(eq(jobs.id, id)))[0]?.filePath ??
  '';

describe('a job says what the database committed', () => {
  afterAll(() => {
    crash.afterImport = false;
  });

  it('an import that committed is reported done after a crash before its job was updated', async () => {
    const s = await session();
    const job = await checked(s, csv('示例·崩溃后甲院', '示例·崩溃后乙院'));
    expect(job.status).toBe('validated');
    crash.afterImport = true;
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/jobs/${job.id}/confirm`,
      headers: s.headers,
    });
    expect(confirm.statusCode).toBe(202);
    // The rows are committed (with their audit event); then the process stops.
    await until(
      () =>
        t.database.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'import.compounds'), eq(auditEvents.actorId, s.userId))),
      (events) => events.length === 1,
    );
    // The restart: jobs silent since then are what a stopped process left running.
    await t.database.db
      .update(jobs)
      .set({ updatedAt: sql`now() - interval '10 minutes'` })
      .where(eq(jobs.id, job.id));
    await failInterruptedJobs(t.database.db);
    const after = await getJob(s, job.id);
    expect(after).toMatchObject({ status: 'done', error: null, progress: 2 });
    expect(after.report).toMatchObject({ dryRun: false, rows: 2, inserted: 2, updated: 0, problemCount: 0 });
  });
});

describe('checked uploads waiting to be confirmed', () => {
  it(`at most ${maxPendingUploads} per user: the next drops the oldest, and its file`, async () => {
    const s = await session();
    const waiting = [];
    for (let i = 0; i < maxPendingUploads; i++) waiting.push(await checked(s, csv('示例·待确认院')));
    expect(waiting.map((j) => j.status)).toEqual(Array(maxPendingUploads).fill('validated'));
    const [oldest] = waiting;
    const oldestFile = await filePath(oldest.id);
    expect(fs.existsSync(oldestFile)).toBe(true);

    const newest = await checked(s, csv('示例·待确认院'));
    expect(newest.status).toBe('validated');
    const dropped = await getJob(s, oldest.id);
    expect(dropped.status).toBe('failed');
    expect(dropped.error).toMatch(/superseded/);
    expect(fs.existsSync(oldestFile)).toBe(false);
    for (const job of waiting.slice(1)) expect((await getJob(s, job.id)).status).toBe('validated');
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/jobs/${oldest.id}/confirm`,
      headers: s.headers,
    });
    expect(confirm.statusCode).toBe(409);
    // Another user's waiting uploads are theirs: untouched.
    const other = await session();
    expect((await checked(other, csv('示例·待确认院'))).status).toBe('validated');
    expect((await getJob(s, newest.id)).status).toBe('validated');
  });

  it('a new upload is refused, for a moment, while the user already has that many being checked', async () => {
    const s = await session();
    for (let i = 0; i < maxPendingUploads; i++)
      await createJob(t.database.db, {
        kind: 'import.compounds',
        status: 'validating',
        fileName: 'a.csv',
        filePath: path.join(uploads, `running-${i}`),
        createdBy: s.userId,
      });
    const res = await upload(s, csv('示例·待确认院'));
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  });

  it(`one not confirmed within ${pendingUploadHours} hours expires at the next upload, its file removed`, async () => {
    const s = await session();
    const stale = await checked(s, csv('示例·过期院'));
    const staleFile = await filePath(stale.id);
    await t.database.db
      .update(jobs)
      .set({ updatedAt: sql`now() - interval '${sql.raw(String(pendingUploadHours + 1))} hours'` })
      .where(eq(jobs.id, stale.id));
    const fresh = await checked(s, csv('示例·过期院'));
    expect(fresh.status).toBe('validated');
    const expired = await getJob(s, stale.id);
    expect(expired.status).toBe('failed');
    expect(expired.error).toMatch(/expired/);
    expect(fs.existsSync(staleFile)).toBe(false);
  });
});

describe('removeStaleUploads (at start)', () => {
  it('removes the files no job needs once an hour old, and keeps the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-stale-'));
    try {
      const file = (name: string, hoursOld: number) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, 'x');
        const at = new Date(Date.now() - hoursOld * 3_600_000);
        fs.utimesSync(p, at, at);
        return p;
      };
      const orphan = file('orphan', 2);
      const needed = file('needed', 30);
      const arriving = file('arriving', 0);
      removeStaleUploads(dir, new Set([needed]));
      expect([orphan, needed, arriving].map((p) => fs.existsSync(p))).toEqual([false, true, true]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
