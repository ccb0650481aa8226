import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Builds the migrated and the seeded database once; each file starts from a copy.
    globalSetup: ['src/server/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A guard against a hung test, not a speed check: generous, as the machine may be shared.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
