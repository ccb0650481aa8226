import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { adminPassword, chromiumLaunch } from './e2e/support.js';

// With E2E_BASE_URL the journeys run against a server you started yourself.
const externalServer = process.env.E2E_BASE_URL;

// Otherwise they run against the real server on a fresh, empty data directory (it seeds the demo
// district). The config is loaded by the runner and again by its worker; the env variable makes
// both share one directory.
if (!externalServer && !process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-e2e-'));
}
const dataDir = process.env.E2E_DATA_DIR ?? '';
// E2E_PORT lets two checkouts run their journeys side by side.
const port = process.env.E2E_PORT ?? '3100';

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: externalServer ?? `http://127.0.0.1:${port}`,
    headless: true,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunch,
  },
  webServer: externalServer
    ? undefined
    : {
        command: 'tsx src/server/main.ts serve',
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: port,
          DATA_DIR: dataDir,
          JIUGAI_ADMIN_PASSWORD: adminPassword,
        },
      },
});
