import { z } from 'zod';
import { text } from './common.js';
import { endpoint } from './endpoint.js';
import { CompoundListQuery } from './inventory.js';

/** The inventory's ledgers: imported, exported and given as templates. */
export const ledgerKinds = ['compounds', 'buildings', 'households'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
/** Every sheet the import engine takes: the ledgers, and the illegal-structure survey sheet (违建调查表). */
export const sheetKinds = [...ledgerKinds, 'structures'] as const;
export type SheetKind = (typeof sheetKinds)[number];

export const ImportProblem = z.object({
  sheet: text().nullable(),
  row: z.number().int().nullable(),
  column: text().nullable(),
  header: text().nullable(),
  message: text(),
  /**
   * How many rows have this same problem (same message, same column): listed once, with its
   * rows. 1 (or absent, in reports kept from before) for a problem of one row or of the file.
   */
  count: z.number().int().optional(),
  /** The rows of a grouped problem, ascending (at most the first 200). */
  rows: z.array(z.number().int()).optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** One cell of a previewed row: what is stored (null for a new row or an empty cell) and what the file makes it. */
export const ImportPreviewCell = z.object({
  field: text(),
  header: text(),
  old: text().nullable(),
  new: text().nullable(),
});
export type ImportPreviewCell = z.infer<typeof ImportPreviewCell>;

/** A row the import adds or changes: its sheet row, what it is, and its cells (the changed ones, for a change). */
export const ImportPreviewRow = z.object({
  row: z.number().int(),
  label: text(),
  cells: z.array(ImportPreviewCell),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

/** The first rows (at most 20 each) a checked import will add and change. */
export const ImportPreview = z.object({
  added: z.array(ImportPreviewRow),
  changed: z.array(ImportPreviewRow),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportReport = z.object({
  kind: z.enum(sheetKinds),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** For a dry run, what the import will do; for a file with problems, 0. */
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Rows already as the file says: not touched. */
  unchanged: z.number().int(),
  createdBuildings: z.number().int(),
  /**
   * Survey sheets: of the structures inserted, those already registered at the same household
   * with the same type, added flagged and linked to the earlier one (never counted twice).
   */
  linked: z.number().int().optional(),
  /** The first problems found (at most 500), each naming sheet, row and column. */
  problems: z.array(ImportProblem),
  problemCount: z.number().int(),
  /** A check's preview of the rows to be added and changed (absent for the real run and for reports kept from before). */
  preview: ImportPreview.optional(),
  /** Header cells of the file no column of this ledger takes: their values are not imported. */
  ignoredColumns: z.array(z.object({ column: text(), header: text() })).optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const jobStatuses = ['validating', 'invalid', 'validated', 'importing', 'done', 'failed'] as const;

export const Job = z.object({
  id: text(),
  kind: text(),
  status: z.enum(jobStatuses),
  fileName: text().nullable(),
  /** Rows read so far. */
  progress: z.number().int(),
  report: ImportReport.nullable(),
  error: text().nullable(),
  createdAt: text(),
  updatedAt: text(),
});
export type Job = z.infer<typeof Job>;

export const UploadQuery = z.object({
  kind: z.enum(sheetKinds),
  fileName: text().min(1).max(200),
});
export const JobId = z.object({ id: z.uuid() });
export const SheetKindParams = z.object({ kind: z.enum(sheetKinds) });
export const LedgerKindParams = z.object({ kind: z.enum(ledgerKinds) });

export const ExportQuery = CompoundListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Owners' names, phones and ID numbers unmasked: only for roles that may see them; audited. */
  includePersonal: z.enum(['true', 'false']).default('false'),
});

/** The imports area's endpoints; `api.ts` assembles every area's list. */
export const importsEndpoints = {
  uploadImport: endpoint({
    method: 'POST',
    path: '/api/imports',
    summary:
      'Upload a ledger or survey sheet (xlsx or csv, raw bytes) and check it; starts a job. Needs the right to write what the sheet holds (inventory.write, illegal.write for structures)',
    tag: 'inventory',
    query: UploadQuery,
    upload: true,
    response: Job,
    status: 202,
  }),
  getJob: endpoint({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: 'A background job: status, progress, report',
    tag: 'inventory',
    params: JobId,
    response: Job,
  }),
  confirmImport: endpoint({
    method: 'POST',
    path: '/api/jobs/:id/confirm',
    summary: 'Write a checked import (all or nothing)',
    tag: 'inventory',
    params: JobId,
    response: Job,
    status: 202,
  }),
  sheetTemplate: endpoint({
    method: 'GET',
    path: '/api/sheets/:kind/template',
    summary: 'A blank ledger or survey sheet to fill in (xlsx)',
    tag: 'inventory',
    params: SheetKindParams,
    response: z.unknown(),
    download: true,
  }),
  exportSheet: endpoint({
    method: 'GET',
    path: '/api/sheets/:kind/export',
    summary: 'The ledger within the caller’s scope and filters (xlsx or csv)',
    tag: 'inventory',
    params: LedgerKindParams,
    query: ExportQuery,
    response: z.unknown(),
    download: true,
  }),
} as const;
