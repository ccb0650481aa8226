/** Rows as the format readers hand them over: raw cells, in batches, before any ledger logic. */
import type { RawValue } from '../../../domain/ledger-values.js';

/** A cell as read: what the parsers take, or a formula that has no usable result. */
export type RawCell = RawValue | { error: string };

export interface RawRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** Column A first. */
  cells: RawCell[];
}

/** Rows in batches, as the format's parser produces them (a CSV chunk, a run of sheet XML). */
export interface RowSource {
  sheet: string;
  format: 'xlsx' | 'csv';
  batches: AsyncGenerator<RawRow[]>;
  /** Stop reading and release the file; safe to call at any point, and more than once. */
  close(): void;
}

/** How many non-blank rows from the top are searched for the header. */
export const headerScanRows = 15;

/** True when no cell holds anything but spaces. */
export function isBlank(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

/** The first rows, until 15 non-blank ones: where the header is looked for. */
export async function readHead(batches: AsyncGenerator<RawRow[]>) {
  const pending: RawRow[] = [];
  const head: RawRow[] = [];
  while (head.length < headerScanRows) {
    const step = await batches.next();
    if (step.done) return { pending, head, exhausted: true };
    for (const raw of step.value) {
      pending.push(raw);
      if (head.length < headerScanRows && !isBlank(raw.cells)) head.push(raw);
    }
  }
  return { pending, head, exhausted: false };
}
