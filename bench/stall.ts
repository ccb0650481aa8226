/**
 * How long other requests wait while a ledger is imported: a server with the demo district, a
 * generated households sheet uploaded through the API (checked), then confirmed (written); all
 * along, /api/health (one query) is asked every ~50 ms. Reported per phase: its duration, the
 * worst and the 99th-percentile answer of the health requests started in it, and how far the
 * job's progress moved (as polled). On PGlite a transaction holds the one connection, so the
 * write phase stalls other requests by design; the check must not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { type Database, queryRows } from '../src/server/db/client.js';
import { createUser } from '../src/server/modules/users/commands.js';
import { systemActor } from '../src/server/platform/audit.js';

const password = 'Bench-Root-Passw0rd';

export interface StallRow {
  backend: string;
  phase: 'check' | 'confirm';
  seconds: number;
  worstMs: number;
  p99Ms: number;
  healthRequests: number;
  progressSeen: number;
}

export async function benchStall(database: Database, backend: string, rows: number): Promise<StallRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-stall-'));
  const config = {
    ...loadConfig({ JIUGAI_ADMIN_PASSWORD: password, LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
    loginRatePerMinute: 1000,
  };
  await bootstrap(database, config, () => {});
  // The headquarters imports ledgers (the administrator manages users, not the inventory).
  await createUser(database.db, systemActor('bench'), null, {
    username: 'bench-hq',
    displayName: 'bench hq',
    role: 'hq',
    scopeRegions: [],
    password,
  });
  const app = await buildApp(database, config);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-hq', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };

    // New buildings in the demo compounds: no declared household count to hold them to.
    const named = await queryRows<{ sub: string; name: string }>(
      database.db,
      sql`SELECT r.name AS sub, c.name FROM compounds c JOIN regions r ON r.code = c.subdistrict_code ORDER BY c.code LIMIT 50`,
    );
    const lines = ['街道（乡）,小区名称,楼栋,单元,房号,产权人,联系电话,专有部分面积,面积依据'];
    for (let i = 0; i < rows; i++) {
      const c = named[i % named.length] as { sub: string; name: string };
      const k = Math.floor(i / named.length);
      lines.push(
        `${c.sub},${c.name},压测${90 + Math.floor(k / 200)}号楼,${1 + (Math.floor(k / 100) % 2)}单元,${100 + (k % 100)},业主${i},139${String(i).padStart(8, '0')},${60 + (i % 40)},不动产登记`,
      );
    }
    const body = Buffer.from(`${lines.join('\n')}\n`);

    let phase: 'check' | 'confirm' | null = null;
    const latencies: Record<'check' | 'confirm', number[]> = { check: [], confirm: [] };
    let polling = true;
    let failures = 0;
    const poller = (async () => {
      while (polling) {
        const at = phase as 'check' | 'confirm' | null;
        const started = performance.now();
        // A fresh connection each time: a kept-alive one the server has just closed is not a stall.
        await fetch(`${base}/api/health`, { headers: { connection: 'close' } })
          .then((r) => r.arrayBuffer())
          .catch(() => {
            failures++;
          });
        const took = performance.now() - started;
        if (at) latencies[at].push(took);
        await new Promise((r) => setTimeout(r, Math.max(0, 50 - took)));
      }
    })();
    const stop = async () => {
      polling = false;
      await poller;
    };
    const job = async (id: string) =>
      (await (await fetch(`${base}/api/jobs/${id}`, { headers })).json()) as {
        status: string;
        progress: number;
      };
    const until = async (id: string, done: (s: string) => boolean) => {
      const progress = new Set<number>();
      for (;;) {
        const j = await job(id);
        if (j.progress > 0) progress.add(j.progress);
        if (done(j.status)) return { status: j.status, progressSeen: progress.size };
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    phase = 'check';
    let started = performance.now();
    const upload = await fetch(`${base}/api/imports?kind=households&fileName=stall.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body,
    });
    const uploaded = (await upload.json()) as { id?: string };
    if (!uploaded.id) {
      await stop();
      throw new Error(`stall bench: upload refused: ${JSON.stringify(uploaded)}`);
    }
    const { id } = uploaded;
    const checked = await until(id, (s) => s !== 'validating');
    const checkSeconds = (performance.now() - started) / 1000;
    if (checked.status !== 'validated') {
      await stop();
      throw new Error(`stall bench: the check ended ${checked.status}: ${JSON.stringify(await job(id))}`);
    }

    phase = 'confirm';
    started = performance.now();
    await fetch(`${base}/api/jobs/${id}/confirm`, { method: 'POST', headers });
    const written = await until(id, (s) => s !== 'importing');
    const confirmSeconds = (performance.now() - started) / 1000;
    phase = null;
    await stop();
    if (written.status !== 'done') throw new Error(`stall bench: the import ended ${written.status}`);
    if (failures > 0) console.log(`(${failures} health requests failed)`);

    const row = (p: 'check' | 'confirm', seconds: number, progressSeen: number): StallRow => {
      const sorted = [...latencies[p]].sort((a, b) => a - b);
      return {
        backend,
        phase: p,
        seconds,
        worstMs: Math.round(sorted[sorted.length - 1] ?? 0),
        p99Ms: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
        healthRequests: sorted.length,
        progressSeen,
      };
    };
    return [
      row('check', checkSeconds, checked.progressSeen),
      row('confirm', confirmSeconds, written.progressSeen),
    ];
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
