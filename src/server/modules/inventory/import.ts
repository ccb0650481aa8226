/**
 * Importing the inventory ledgers (compounds, buildings, households) from the sheets offices
 * keep. One streaming pass in one transaction: every row is checked (cells, references,
 * duplicates, scope) and, while the file has no problem, sent to the database in batches of a
 * thousand, written there while the next rows are read; then the counts are checked. A file with
 * any problem, or a dry run, is rolled back, with the audit event.
 *
 * Each kind's checks and writer are a file of their own (import-compounds.ts, import-buildings.ts,
 * import-households.ts) over what they share (import-core.ts); this file runs them.
 */
import type { ImportProblem, ImportReport, SheetKind } from '../../../contract/imports.js';
import type { Db, DbKind } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import type { Lang } from '../../platform/errors.js';
import { fileProblemMessage, problemMessage } from '../../platform/sheets/messages.js';
import { readSheet, type SheetProblem, type SheetRow } from '../../platform/sheets/read.js';
import { buildingsImport } from './import-buildings.js';
import { compoundsImport } from './import-compounds.js';
import {
  checkTools,
  type KindImport,
  loadReferences,
  type References,
  type RowProblem,
} from './import-core.js';
import { householdsImport } from './import-households.js';
import { type ImportReason, importMessage } from './import-messages.js';
import { sheetSpecs } from './sheets.js';

export { deferIndexesFrom } from './import-households.js';

const shownProblems = 500;

export interface ImportOptions {
  dryRun: boolean;
  lang: Lang;
  /** Region prefixes the importer may write in; null = anywhere (the CLI, district-wide roles). */
  prefixes: readonly string[] | null;
  fileName?: string;
  /** The database written to: the two take rows, locks and indexes differently (see `householdWriter`). */
  dbKind: DbKind;
  onProgress?: (phase: 'checking' | 'writing', rows: number) => void;
}

/** Import (or, with dryRun, only check) one ledger file. */
export async function importSheet(
  db: Db,
  actor: Actor,
  kind: SheetKind,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const spec = sheetSpecs[kind];
  const refs = await loadReferences(db);
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let position: Record<string, { column: string; header: string }> = {};
  const report = (p: ImportProblem) => {
    problemCount++;
    if (problems.length < shownProblems) problems.push(p);
  };
  const cellProblem = (p: SheetProblem) =>
    report({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      header: p.header,
      message: problemMessage(p, options.lang),
    });
  const rowProblem = (
    row: Pick<SheetRow, 'sheet' | 'row'>,
    field: string,
    reason: ImportReason,
    params: Record<string, string | number>,
  ) =>
    report({
      sheet: row.sheet,
      row: row.row,
      column: position[field]?.column ?? null,
      header: position[field]?.header ?? null,
      message: importMessage(reason, params, options.lang),
    });

  const checker = kindImport(kind, refs, options.prefixes, rowProblem);

  // One streaming pass inside one transaction: rows are checked as they are read and, while the
  // file has no problem, written batch by batch. After the first problem nothing more is written,
  // every row is still checked, and the transaction is rolled back, so a file with any problem (or
  // a dry run) writes nothing.
  const outcome = await write(db, actor, async (tx, audit) => {
    const writer = await checker.writer(tx, options.dbKind);
    const progress = { onProgress: (n: number) => options.onProgress?.('checking', n) };
    const read = readSheet(file, spec, progress);
    let rows = 0;
    for await (const batch of read.batches()) {
      position = read.source?.columns ?? position;
      for (const row of batch) {
        rows++;
        for (const p of row.problems) cellProblem(p);
        const checked = row.problems.length === 0 ? checker.check(row) : null;
        // A dry run writes too, then rolls back: its counts are exactly what the import will do.
        if (checked && problemCount === 0) {
          // Awaited only when a batch is handed over: most rows just join the batch.
          const handing = writer.add(checked);
          if (handing) await handing;
        }
      }
    }
    for (const p of read.problems) {
      report({
        sheet: p.sheet ?? null,
        row: p.row ?? null,
        column: null,
        header: p.header ?? null,
        message: fileProblemMessage(p, options.lang),
      });
    }
    if (problemCount === 0) {
      options.onProgress?.('writing', rows);
      await writer.finish();
    } else await writer.settle();
    // Counted after the rows are in: registered households plus the file's, per building.
    await checker.afterRows?.(tx);
    const result: ImportReport = {
      kind,
      rows,
      ...writer.counts(),
      problems,
      problemCount,
      dryRun: options.dryRun,
    };
    if (problemCount > 0 || options.dryRun) throw new Rollback(result);
    await audit({
      action: `import.${kind}`,
      entityType: kind,
      after: { file: options.fileName ?? null, rows, ...writer.counts() },
    });
    return result;
  }).catch((err: unknown) => {
    if (err instanceof Rollback) return err.report;
    throw err;
  });
  // A file with problems wrote nothing, whatever was counted before the first one.
  return outcome.problemCount > 0
    ? { ...outcome, inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 }
    : outcome;
}

/** Carries a report out of a transaction that must not commit. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/** Each kind's checks and writer, over the checks they share. */
function kindImport(
  kind: SheetKind,
  refs: References,
  prefixes: readonly string[] | null,
  problem: RowProblem,
  // biome-ignore lint/suspicious/noExplicitAny: the kinds' checked rows differ; each goes only to its own writer
): KindImport<any> {
  const tools = checkTools(refs, prefixes, problem);
  if (kind === 'compounds') return compoundsImport(refs, tools, problem);
  if (kind === 'buildings') return buildingsImport(tools);
  return householdsImport(tools, problem);
}
