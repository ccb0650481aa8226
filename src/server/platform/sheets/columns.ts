/**
 * What a ledger (台账) looks like: its columns, their canonical Chinese headers and the other
 * ways offices write those headers. One spec serves import, export and the blank template.
 */
import { toHalfWidth } from '../../../domain/ledger-values.js';

export type SheetColumnType = 'text' | 'integer' | 'decimal' | 'year' | 'date' | 'enum';

export interface SheetColumn {
  /** The field name in code and in the parsed values. */
  key: string;
  /** Canonical Chinese header, used in exports and templates. */
  header: string;
  /** Other headers offices use for this column ("面积", "建筑面积(㎡)"…). */
  synonyms?: string[];
  type: SheetColumnType;
  required?: boolean;
  /** Enum label → value. */
  options?: Record<string, string>;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Column width in an export, in Excel's character units. */
  width?: number;
}

export interface SheetSpec {
  /** What the ledger holds ("compound-plan", "households"), for logs and file names. */
  kind: string;
  sheetName: string;
  /** A title row above the header in exports ("顺河回族区2023年城镇老旧小区改造计划表"). */
  title?: string;
  columns: SheetColumn[];
}

const bracketed = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g;
const slashUnit = /\/(?:㎡|m²|m2|平方米|平米|万元|元|户|栋|个|人|年)$/i;
const noise = /[\s*:：]/g;

/**
 * A header reduced to what identifies it: no spaces or line breaks, no bracketed units or notes
 * ("建筑面积（平方米）", "建筑面积(㎡)" → "建筑面积"), no required-marks, half-width, lower case.
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text).replace(bracketed, '').replace(noise, '').replace(slashUnit, '').toLowerCase();
}

/** Header text (normalised) → column key, for every header and synonym of the spec. */
export function headerLookup(spec: SheetSpec): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const column of spec.columns) {
    for (const text of [column.header, ...(column.synonyms ?? [])]) {
      const key = normaliseHeader(text);
      // The first column to claim a header keeps it; a spec listing one twice is a spec bug.
      if (key !== '' && !lookup.has(key)) lookup.set(key, column.key);
    }
  }
  return lookup;
}

/** The key of the column a header cell names, if any. */
export function matchHeader(lookup: Map<string, string>, text: string): string | undefined {
  return lookup.get(normaliseHeader(text));
}

/** 0 → "A", 25 → "Z", 26 → "AA": the letter Excel shows above a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
