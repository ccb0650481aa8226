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
import {
  type ImportProblem,
  type ImportReport,
  type SheetKind,
  sheetKinds,
} from '../../../contract/imports.js';
import type { Db, DbKind, Tx } from '../../db/client.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import type { Lang } from '../../platform/errors.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { headerLookup, normaliseHeader } from '../../platform/sheets/columns.js';
import { fileProblemMessage, problemMessage } from '../../platform/sheets/messages.js';
import { readSheet, type SheetProblem, type SheetRow } from '../../platform/sheets/read.js';
import { surveyImport } from '../illegal/import-survey.js';
import { surveySheet } from '../illegal/sheets.js';
import { buildingsImport } from './import-buildings.js';
import { compoundsImport } from './import-compounds.js';
import {
  type Counts,
  checkTools,
  type KindImport,
  loadReferences,
  Preview,
  type References,
  type RowProblem,
  type WriterMode,
} from './import-core.js';
import { householdsImport } from './import-households.js';
import { type ImportReason, importMessage } from './import-messages.js';
import { sheetSpecs } from './sheets.js';

export { deferIndexesFrom } from './import-households.js';

const shownProblems = 500;

/** Every sheet the engine reads: the inventory's ledgers and the illegal-structure survey. */
export const importSpecs: Record<SheetKind, SheetSpec> = { ...sheetSpecs, structures: surveySheet };

export interface ImportOptions {
  dryRun: boolean;
  lang: Lang;
  /** Region prefixes the importer may write in; null = anywhere (the CLI, district-wide roles). */
  prefixes: readonly string[] | null;
  fileName?: string;
  /** The database written to: the two take rows, locks and indexes differently (see `householdWriter`). */
  dbKind: DbKind;
  /** Rows read so far: while checking (a dry run), and while writing (the real run). */
  onProgress?: (phase: 'checking' | 'writing', rows: number) => void;
  /** Runs in the import's transaction just before it commits (a job marked done with it). */
  onCommit?: (tx: Tx, report: ImportReport) => Promise<void>;
  /** Test seam: awaited after each batch of rows read. */
  afterBatch?: () => Promise<void>;
}

/** Import (or, with dryRun, only check) one ledger file. */
export async function importSheet(
  db: Db,
  actor: Actor,
  kind: SheetKind,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const spec = importSpecs[kind];
  const refs = await loadReferences(db);
  const problems = groupedProblems();
  let position: Record<string, { column: string; header: string }> = {};
  const cellProblem = (p: SheetProblem) =>
    problems.report({
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
    problems.report({
      sheet: row.sheet,
      row: row.row,
      column: position[field]?.column ?? null,
      header: position[field]?.header ?? null,
      message: importMessage(reason, params, options.lang),
    });

  const checker = await kindImport(db, actor, kind, refs, options.prefixes, rowProblem);
  let ignored: { column: string; header: string }[] = [];

  /**
   * One streaming pass: rows are checked as they are read and, while the file has no problem,
   * handed to the writer batch by batch (which writes them, or in a check compares them).
   */
  const pass = async (into: Db | Tx, mode: WriterMode) => {
    const writer = await checker.writer(into as Tx, options.dbKind, mode);
    const phase = mode.check ? 'checking' : 'writing';
    const read = readSheet(file, spec, { onProgress: (n: number) => options.onProgress?.(phase, n) });
    let rows = 0;
    let sized = false;
    for await (const batch of read.batches()) {
      position = read.source?.columns ?? position;
      if (!sized && read.header) {
        sized = true;
        const other = betterKind(kind, read.header.texts, Object.keys(position).length);
        if (other) {
          problems.report(wrongKind(other, read.source?.sheet ?? null, options.lang));
          problems.wrongKind = true;
          break;
        }
      }
      for (const row of batch) {
        rows++;
        for (const p of row.problems) cellProblem(p);
        let checked = row.problems.length === 0 ? checker.check(row, into) : null;
        // Only the survey's checks wait for the database (a compound's places, once each).
        if (checked instanceof Promise) checked = await checked;
        if (checked && problems.count === 0) {
          // Awaited only when a batch is handed over: most rows just join the batch.
          const handing = writer.add(checked);
          if (handing) await handing;
        }
      }
      await options.afterBatch?.();
    }
    ignored = read.header?.ignored ?? [];
    // A sheet of another kind, whose required columns this kind misses.
    if (!sized && read.header && read.problems.some((p) => p.reason === 'missing_column')) {
      const other = betterKind(kind, read.header.texts, 0);
      if (other) {
        problems.report(wrongKind(other, null, options.lang));
        problems.wrongKind = true;
      }
    }
    if (problems.count === 0 || !problems.wrongKind)
      for (const p of read.problems) {
        problems.report({
          sheet: p.sheet ?? null,
          row: p.row ?? null,
          column: p.column ?? null,
          header: p.header ?? null,
          message: fileProblemMessage(p, options.lang),
        });
      }
    if (problems.count === 0) await writer.finish();
    else await writer.settle();
    // Counted after the rows are in: registered households plus the file's, per building.
    if (!problems.wrongKind) await checker.afterRows?.(into);
    return { rows, counts: writer.counts() };
  };

  const report = (rows: number, counts: Counts): ImportReport => ({
    kind,
    rows,
    ...(problems.count > 0
      ? {
          inserted: 0,
          updated: 0,
          unchanged: 0,
          createdBuildings: 0,
          ...(kind === 'structures' ? { linked: 0 } : {}),
        }
      : counts),
    problems: problems.list,
    problemCount: problems.count,
    dryRun: options.dryRun,
    ...(ignored.length > 0 ? { ignoredColumns: ignored } : {}),
  });

  if (options.dryRun) {
    // A check holds no transaction: each batch is compared with what is stored in a short read
    // of its own, so other requests are answered meanwhile (PGlite has one connection).
    const preview = new Preview();
    const { rows, counts } = await pass(db, { check: true, preview });
    return { ...report(rows, counts), ...(problems.count === 0 ? { preview: preview.result() } : {}) };
  }

  // The real run, in one transaction: after the first problem nothing more is written, every row
  // is still checked, and the transaction is rolled back, so a file with any problem writes nothing.
  return write(db, actor, async (tx, audit) => {
    const { rows, counts } = await pass(tx, { check: false });
    const result = report(rows, counts);
    if (problems.count > 0) throw new Rollback(result);
    await audit({
      action: `import.${kind}`,
      entityType: kind,
      after: { file: options.fileName ?? null, rows, ...counts },
    });
    await options.onCommit?.(tx, result);
    return result;
  }).catch((err: unknown) => {
    if (err instanceof Rollback) return err.report;
    throw err;
  });
}

/**
 * Problems as the report lists them: the same problem (message and column) on several rows is
 * one line with its count and rows; at most 500 lines.
 */
function groupedProblems() {
  const list: ImportProblem[] = [];
  const groups = new Map<string, ImportProblem>();
  let count = 0;
  return {
    list,
    get count() {
      return count;
    },
    wrongKind: false,
    report(p: ImportProblem) {
      count++;
      if (p.row === null) {
        if (list.length < shownProblems) list.push(p);
        return;
      }
      const key = `${p.sheet}\u0000${p.column}\u0000${p.message}`;
      const group = groups.get(key);
      if (group) {
        group.count = (group.count ?? 1) + 1;
        if ((group.rows?.length ?? 0) < shownRows) group.rows?.push(p.row);
        return;
      }
      if (list.length >= shownProblems) return;
      const first = { ...p, count: 1, rows: [p.row] };
      groups.set(key, first);
      list.push(first);
    },
  };
}
const shownRows = 200;

/**
 * The other kind a header fits better: one whose required columns are all there and which takes
 * more of the header's cells than `taken` (what the chosen kind took).
 */
function betterKind(kind: SheetKind, texts: readonly string[], taken: number): SheetKind | null {
  let best: { kind: SheetKind; n: number } | null = null;
  for (const other of sheetKinds) {
    if (other === kind) continue;
    const lookup = headerLookup(importSpecs[other]);
    const keys = new Set(texts.flatMap((t) => lookup.get(normaliseHeader(t)) ?? []));
    const required = importSpecs[other].columns.every((c) => !c.required || keys.has(c.key));
    if (required && keys.size > taken && (!best || keys.size > best.n)) best = { kind: other, n: keys.size };
  }
  return best?.kind ?? null;
}

function wrongKind(other: SheetKind, sheet: string | null, lang: Lang): ImportProblem {
  return {
    sheet,
    row: null,
    column: null,
    header: null,
    message: importMessage('wrong_kind', { kind: kindNames[other][lang] }, lang),
  };
}
const kindNames: Record<SheetKind, Record<Lang, string>> = {
  compounds: { 'zh-CN': '小区', en: 'compound' },
  buildings: { 'zh-CN': '楼栋', en: 'building' },
  households: { 'zh-CN': '住户', en: 'household' },
  structures: { 'zh-CN': '违建调查', en: 'illegal-structure survey' },
};

/** Carries a report out of a transaction that must not commit. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/** Each kind's checks and writer, over the checks they share. */
async function kindImport(
  db: Db,
  actor: Actor,
  kind: SheetKind,
  refs: References,
  prefixes: readonly string[] | null,
  problem: RowProblem,
  // biome-ignore lint/suspicious/noExplicitAny: the kinds' checked rows differ; each goes only to its own writer
): Promise<KindImport<any>> {
  const tools = checkTools(refs, prefixes, problem);
  if (kind === 'structures') return surveyImport(db, tools, problem, actor.id);
  if (kind === 'compounds') return compoundsImport(refs, tools, problem);
  if (kind === 'buildings') return buildingsImport(tools);
  return householdsImport(tools, problem);
}
