/**
 * Cold page loads of the built web app, served by the real server on loopback, in Chromium
 * (Debian's, headless), each against a static page of the same byte count from the same server:
 * - the login page: from navigation until the login form is visible;
 * - the compound list, logged in: from navigation until its table shows rows.
 * Every load is in a new browser context, so nothing is cached. Needs `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumLaunch } from '../e2e/support.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/client.js';

const password = 'Bench-Root-Passw0rd';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export interface WebRow {
  scenario: string;
  ms: number;
  kb: number;
  jsKb: number | null;
  ratio: string;
}

/** What one load fetched: all bytes over the wire, and those of JavaScript files. */
async function transferred(page: Page): Promise<{ bytes: number; jsBytes: number }> {
  return page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    let bytes = 0;
    let jsBytes = 0;
    for (const e of entries) {
      bytes += e.transferSize;
      if (new URL(e.name).pathname.endsWith('.js')) jsBytes += e.transferSize;
    }
    return { bytes, jsBytes };
  });
}

export async function benchWeb(database: Database, runs: number, port: number): Promise<WebRow[]> {
  const config = {
    ...loadConfig({
      JIUGAI_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'silent',
      JIUGAI_WEB_DIR: process.env.JIUGAI_WEB_DIR,
    }),
    loginRatePerMinute: 10_000,
  };
  if (!fs.existsSync(path.join(config.webDir, 'index.html')))
    throw new Error('the web app is not built: run `npm run build` first');
  await bootstrap(database, config, () => {});
  const app = await buildApp(database, config);
  // The baseline: one page loading one script of the given size, served as it is from memory.
  app.get('/bench/static.html', async (req, reply) => {
    const { bytes } = req.query as { bytes: string };
    return reply
      .type('text/html')
      .send(
        `<!doctype html><p id="done" hidden>done</p><script src="/bench/static.js?bytes=${bytes}"></script>`,
      );
  });
  app.get('/bench/static.js', async (req, reply) => {
    const tail = "document.getElementById('done').hidden=false;";
    const size = Math.max(0, Number((req.query as { bytes: string }).bytes) - tail.length - 4);
    return reply.type('text/javascript').send(`/*${'x'.repeat(size)}*/${tail}`);
  });
  const base = await app.listen({ port, host: '127.0.0.1' });
  const browser: Browser = await chromium.launch({ ...chromiumLaunch, headless: true });
  /** One cold load: a new context (empty cache), navigation until `selector` is visible. */
  const load = async (url: string, selector: string, logIn: boolean) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      if (logIn) {
        const r = await context.request.post(`${base}/api/auth/login`, {
          data: { username: 'admin', password },
        });
        if (!r.ok()) throw new Error(`login answered ${r.status()}`);
      }
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
      const ms = performance.now() - started;
      return { ms, ...(await transferred(page)) };
    } finally {
      await context.close();
    }
  };
  const scenarios = [
    {
      name: 'login page: form visible',
      url: '/login',
      selector: 'form input[autocomplete="username"]',
      logIn: false,
    },
    { name: 'compound list: rows shown', url: '/compounds', selector: '.ant-table-row', logIn: true },
  ];
  const rows: WebRow[] = [];
  try {
    for (const s of scenarios) {
      await load(`${base}${s.url}`, s.selector, s.logIn); // warm-up: the server's first answers
      const app: { ms: number; bytes: number; jsBytes: number }[] = [];
      const bare: number[] = [];
      // Alternate app and baseline, so a machine busier for a while slows both alike.
      for (let i = 0; i < runs; i++) {
        const a = await load(`${base}${s.url}`, s.selector, s.logIn);
        app.push(a);
        bare.push((await load(`${base}/bench/static.html?bytes=${a.bytes}`, '#done', false)).ms);
      }
      const ms = median(app.map((a) => a.ms));
      const bytes = median(app.map((a) => a.bytes));
      const bareMs = median(bare);
      rows.push({
        scenario: `static page of the same bytes (${s.url})`,
        ms: bareMs,
        kb: bytes / 1024,
        jsKb: null,
        ratio: '1.00',
      });
      rows.push({
        scenario: s.name,
        ms,
        kb: bytes / 1024,
        jsKb: median(app.map((a) => a.jsBytes)) / 1024,
        ratio: (ms / bareMs).toFixed(2),
      });
    }
  } finally {
    await browser.close();
    await app.close();
  }
  return rows;
}
