import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that replace a module with `vi.mock`: they need a module graph of their own. */
const mocking = ['src/server/modules/inventory/import-jobs.test.ts'];

/**
 * The files that take longest (each 12–60 s), started first: Vitest orders by the durations of
 * earlier runs, and a clean clone has none, so one of them last kept a worker busy alone for up
 * to a minute after the other had finished.
 */
const slowest = [
  'src/server/process.test.ts',
  'src/server/db/backup.test.ts',
  'src/server/modules/inventory/import.test.ts',
  'src/server/modules/stats/tallies.test.ts',
  'src/server/scale/seed.test.ts',
  'src/server/text-fields.test.ts',
  'src/server/modules/quality/quality.test.ts',
  'src/server/db/backup-paging.test.ts',
  'src/server/modules/projects/projects.test.ts',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = slowest.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? slowest.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

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
    sequence: { sequencer: SlowestFirst },
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
