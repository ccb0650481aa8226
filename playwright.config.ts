import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { adminPassword, chromiumLaunch } from './e2e/support.js';

// With E2E_BASE_URL the journeys run against a server you started yourself.
const externalServer = process.env.E2E_BASE_URL;

// Otherwise they run against the real server on a fresh, empty data directory (it seeds the demo
// district): one server per worker, each on its own directory and port (E2E_PORT, the next, …), so
// a server only ever serves one journey at a time, as with a single worker. Playwright gives each
// worker process an index below `workers` that no other running worker holds
// (TEST_PARALLEL_INDEX); that worker talks to that server. The config is loaded by the runner and
// again by each worker; the env variable makes them all share one directory.
if (!externalServer && !process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-e2e-'));
}
const dataDir = process.env.E2E_DATA_DIR ?? '';
// E2E_PORT lets two checkouts run their journeys side by side (each takes E2E_PORT and the next).
const port = Number(process.env.E2E_PORT ?? '3100');
// A server you started yourself is shared: its journeys go one at a time.
const workers = externalServer ? 1 : Number(process.env.E2E_WORKERS ?? '2');
const serverIndex = Number(process.env.TEST_PARALLEL_INDEX ?? '0');
const serverUrl = (index: number) => `http://127.0.0.1:${port + index}`;

export default defineConfig({
  testDir: 'e2e',
  workers,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A guard against a hung journey, not a speed check: the quality journey takes 30 s alone and
  // came to 55 s beside another on two busy cores, close to the old 60 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: externalServer ?? serverUrl(serverIndex),
    headless: true,
    locale: 'zh-CN',
    // As a user who asked their system for less motion: no animations to wait for or to paint,
    // which on two cores was most of Chromium's work.
    reducedMotion: 'reduce',
    // A trace records the page after every action, whether or not the journey fails: on two cores
    // the whole run took 12.4 min with it and 6.4 min without. CI keeps no artifacts to open a
    // trace from, so there it is off; a run at a desk keeps the trace of a journey that failed.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunch,
  },
  webServer: externalServer
    ? undefined
    : Array.from({ length: workers }, (_, index) => ({
        command: 'tsx src/server/main.ts serve',
        url: `${serverUrl(index)}/api/health`,
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: 'ignore' as const,
        stderr: 'pipe' as const,
        env: {
          PORT: String(port + index),
          DATA_DIR: path.join(dataDir, String(index)),
          JIUGAI_ADMIN_PASSWORD: adminPassword,
        },
      })),
});
