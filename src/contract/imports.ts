import { z } from 'zod';
import { CompoundListQuery } from './inventory.js';

export const sheetKinds = ['compounds', 'buildings', 'households'] as const;
export type SheetKind = (typeof sheetKinds)[number];

export const ImportProblem = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(),
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
  id: z.string(),
  kind: z.string(),
  status: z.enum(jobStatuses),
  fileName: z.string().nullable(),
  /** Rows read so far. */
  progress: z.number().int(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;

export const UploadQuery = z.object({
  kind: z.enum(sheetKinds),
  fileName: z.string().min(1).max(200),
});
export const JobId = z.object({ id: z.uuid() });
export const SheetKindParams = z.object({ kind: z.enum(sheetKinds) });

export const ExportQuery = CompoundListQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Owners' names, phones and ID numbers unmasked: only for roles that may see them; audited. */
  includePersonal: z.enum(['true', 'false']).default('false'),
});
