import { defineConfig } from 'vitest/config';

/** Files that replace a module with `vi.mock`: they need a module graph of their own. */
const mocking = ['src/server/modules/inventory/import-jobs.test.ts'];

const shared = {
  environment: 'node' as const,
  // Closes what a file opened (databases, apps) when it ends, for each file.
  setupFiles: ['src/server/testing/setup-file.ts'],
  // A guard against a hung test, not a speed check: generous, as the machine may be shared.
  testTimeout: 120_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Builds the migrated and the seeded database once for the run (not per project); each file
    // starts from a copy.
    globalSetup: ['src/server/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        // Files share a worker's modules rather than importing them again each (half the suite's
        // time went to that); no file keeps state in a module, and each closes what it opened.
        test: { ...shared, name: 'shared', include: ['src/**/*.test.ts'], exclude: mocking, isolate: false },
      },
      { test: { ...shared, name: 'isolated', include: mocking } },
    ],
  },
});
