/**
 * A hostile upload over a real socket: a 200 KB workbook whose one cell inflates to 200 MB, sent
 * to the import endpoint as a browser would. The check refuses it naming the cell, the server
 * keeps answering, and neither the file nor a job waiting on it is left behind.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from './db/schema.js';
import { inlineStringBomb } from './platform/sheets/testing.js';
import { buildUser, type TestApp, testApp } from './testing/app.js';

let t: TestApp;
let base: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-probe-'));
const uploads = path.join(dataDir, 'uploads');

beforeAll(async () => {
  t = await testApp({ dataDir });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // A fresh database bootstrapped with the demo district: minutes on a loaded machine.
}, 300_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function login(username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** The job, once its check has finished (polled as the web app polls it). */
async function settled(headers: Record<string, string>, id: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await (await fetch(`${base}/api/jobs/${id}`, { headers })).json()) as {
      status: string;
      report: { problems: { sheet: string; row: number; column: string; message: string }[] } | null;
    };
    if (job.status !== 'validating') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the check did not finish');
}

describe('a decompression bomb in one cell, uploaded for import', () => {
  it('is refused naming the cell; the server answers; no file or job is left waiting', async () => {
    const community = await buildUser(t.database, 'community');
    const headers = await login(community.username, community.password);
    const bomb = inlineStringBomb(200 * 1024 * 1024, [
      '小区名称',
      '楼栋',
      '单元',
      '房号',
      '产权人',
      '专有部分面积',
    ]);
    expect(bomb.length).toBeLessThan(300 * 1024);

    const res = await fetch(`${base}/api/imports?kind=households&fileName=bomb.xlsx`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bomb),
    });
    expect(res.status).toBeLessThan(500);
    const { id } = (await res.json()) as { id: string };
    const job = await settled(headers, id);
    expect(job.status).toBe('invalid');
    expect(job.report?.problems).toEqual([
      expect.objectContaining({
        sheet: '表1',
        row: 2,
        column: 'B',
        message: expect.stringMatching(/第2行 B列/),
      }),
    ]);

    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
    expect(await t.database.db.select().from(jobs).where(eq(jobs.status, 'validating'))).toEqual([]);
  });
});
