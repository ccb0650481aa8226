/**
 * What the import tests share: CSV files written on the spot into a directory removed when the
 * test file ends, and importSheet called as the routes call it, with a test's defaults.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemActor } from '../../platform/audit.js';
import { type ImportOptions, importSheet } from './import.js';

/** Call at a test file's top level: writes each list of lines as a new CSV file, returns its path. */
export function csvFiles(): (lines: string[]) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-import-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  return (lines) => {
    const file = path.join(dir, `ledger-${files++}.csv`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
}

export type Kind = 'compounds' | 'buildings' | 'households';

/** importSheet on `database` as the system, anywhere in the district, with `defaults` unless a call says otherwise. */
export function importer(database: Database, defaults: Pick<ImportOptions, 'dryRun' | 'lang'>) {
  return (kind: Kind, file: string, extra: Partial<ImportOptions> = {}) =>
    importSheet(database.db, systemActor('test'), kind, file, {
      prefixes: null,
      dbKind: database.kind,
      ...defaults,
      ...extra,
    });
}
