import { z } from 'zod';
import { text } from './common.js';
import { CompoundListQuery } from './inventory.js';

export const sheetKinds = ['compounds', 'buildings', 'households'] as const;
export type SheetKind = (typeof sheetKinds)[number];

export const ImportProblem = z.object({
  sheet: text().nullable(),
  row: z.number().int().nullable(),
  column: text().nullable(),
  header: text().nullable(),
  message: text(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

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
  /** The first problems found (at most 500), each naming sheet, row and column. */
  problems: z.array(ImportProblem),
  problemCount: z.number().int(),
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

export const ExportQuery = CompoundListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Owners' names, phones and ID numbers unmasked: only for roles that may see them; audited. */
  includePersonal: z.enum(['true', 'false']).default('false'),
});
