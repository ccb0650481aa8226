/** What can be wrong with an imported ledger: one cell, or the file as a whole. */
import type { ValueReason } from '../../../domain/ledger-values.js';

export type SheetCellReason = Exclude<ValueReason, 'empty'> | 'required' | 'formula_error';

/** A cell that could not be read. Positions are as Excel shows them: 1-based row, column letter. */
export interface SheetProblem {
  sheet: string;
  row: number;
  /** Column letter, e.g. "E". */
  column: string;
  /** The header as written in the file. */
  header: string;
  /** The column key in the spec. */
  field: string;
  reason: SheetCellReason;
  /** The raw cell text, at most 100 characters. */
  value: string;
  /** The bound broken by below_min / above_max / too_long. */
  limit?: number;
  /** The accepted labels, for unknown_option. */
  options?: string[];
}

export type SheetFileReason =
  | 'empty'
  | 'not_a_spreadsheet'
  | 'encrypted_or_legacy'
  | 'corrupt'
  | 'too_large_uncompressed'
  | 'too_many_rows'
  | 'bad_encoding'
  | 'unclosed_quote'
  | 'no_sheet'
  | 'no_header'
  | 'missing_column';

/** A problem with the file as a whole: nothing (or nothing more) could be read. */
export interface SheetFileProblem {
  reason: SheetFileReason;
  sheet?: string;
  /** The row where reading stopped (bad_encoding, unclosed_quote). */
  row?: number;
  /** The header expected (missing_column). */
  header?: string;
  field?: string;
  /** The limit exceeded (too_many_rows: rows; too_large_uncompressed: bytes). */
  limit?: number;
}

/** Thrown inside the reader and turned into a file-level problem at its edge. */
export class SheetFileError extends Error {
  constructor(readonly problem: SheetFileProblem) {
    super(problem.reason);
  }
}

/** Shorthand for throwing a file-level problem. */
export function fileError(reason: SheetFileReason, detail: Omit<SheetFileProblem, 'reason'> = {}) {
  return new SheetFileError({ reason, ...detail });
}
