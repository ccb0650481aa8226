/**
 * Backup against restore of the same database, in the same run: the demo district plus a
 * compound and a household ledger import (made as the import bench makes them), backed up to a
 * file and restored from it into an empty database, each in a process of its own.
 * Restore is the baseline: it writes every row and its indexes; a backup only reads them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { child, writeSheets } from './import.js';

export interface BackupRow {
  backend: string;
  rows: number;
  backupSeconds: number;
  restoreSeconds: number;
  fileMb: number;
}

export async function benchBackup(
  compoundRows: number,
  householdRows: number,
  backends: { name: string; fresh: () => Promise<string>; drop: (db: string) => Promise<void> }[],
): Promise<BackupRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-bench-backup-'));
  try {
    const { compounds, households } = await writeSheets(dir, compoundRows, householdRows);
    const results: BackupRow[] = [];
    for (const backend of backends) {
      const file = path.join(dir, `${backend.name}.jiugai.gz`);
      const source = await backend.fresh();
      await child(['setup', source, 'compounds', compounds, 'households', households]);
      const backedUp = await child(['backup', source, file], 'backup-child.ts');
      await backend.drop(source);
      const target = await backend.fresh();
      const restored = await child(['restore', target, file], 'backup-child.ts');
      await backend.drop(target);
      if (restored.rows !== backedUp.rows)
        throw new Error(`restored ${restored.rows} rows of the ${backedUp.rows} backed up`);
      results.push({
        backend: backend.name,
        rows: backedUp.rows ?? 0,
        backupSeconds: backedUp.seconds,
        restoreSeconds: restored.seconds,
        fileMb: fs.statSync(file).size / 1024 / 1024,
      });
      fs.rmSync(file);
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
