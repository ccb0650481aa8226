/**
 * Cell parsers for ledgers (台账) as offices actually fill them in: thousands separators,
 * full-width digits, units typed after the number ("12户", "6680.2㎡"), years as "1994年",
 * "1998.10" or "约1990年". Pure functions; the import engine maps failures to problems.
 */

export type ValueReason =
  | 'empty'
  | 'not_a_number'
  | 'not_an_integer'
  | 'negative'
  | 'below_min'
  | 'above_max'
  | 'not_a_year'
  | 'future_year'
  | 'too_old'
  | 'not_a_date'
  | 'future_date'
  | 'unknown_option'
  | 'too_long';

/** A parsed cell: the value (and whether it was marked approximate, "约1990年"), or why not. */
export type Parsed<T> = { ok: true; value: T; approx?: boolean } | { ok: false; reason: ValueReason };

/** What a cell can hold once read from a sheet or a CSV line. */
export type RawValue = string | number | boolean | Date | null | undefined;

export interface NumberLimits {
  /** Accept values below zero (they are refused by default: areas, counts and money are not negative). */
  allowNegative?: boolean;
  min?: number;
  max?: number;
}

/** The earliest build year taken as real; older values are typing mistakes in this programme. */
export const earliestYear = 1900;

const fail = (reason: ValueReason): { ok: false; reason: ValueReason } => ({ ok: false, reason });

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）， ．) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2212]/g, (c) => {
    if (c === '\u3000') return ' ';
    if (c === '\u2212') return '-';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** Dashes and slashes that offices type into a number cell to mean "none". */
const placeholders = new Set(['-', '--', '—', '——', '/', '\\']);

function blankText(text: string): boolean {
  return text === '' || placeholders.has(text);
}

/** A unit typed after a number: ㎡, m², or a few CJK characters (户, 栋, 单元, 平方米…). */
const unitSuffix = /\s*(?:㎡|m²|m2|[\u3400-\u9fff]{1,4})$/i;
/** Multipliers change the magnitude, so "1.2万" is refused rather than read as 1.2. */
const multiplier = /[十百千万亿]/;
const numberShape = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function parseNumberText(raw: string): Parsed<number> {
  let text = toHalfWidth(raw).trim();
  if (blankText(text)) return fail('empty');
  const unit = unitSuffix.exec(text);
  if (unit && unit.index > 0) {
    if (multiplier.test(unit[0])) return fail('not_a_number');
    text = text.slice(0, unit.index);
  }
  if (!numberShape.test(text) || !/\d/.test(text) || /^[+-]?e/i.test(text)) return fail('not_a_number');
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) ? { ok: true, value } : fail('not_a_number');
}

function toNumber(raw: RawValue): Parsed<number> {
  if (raw === null || raw === undefined) return fail('empty');
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : fail('not_a_number');
  if (typeof raw === 'string') return parseNumberText(raw);
  return fail('not_a_number');
}

function withinLimits(value: number, limits: NumberLimits): Parsed<number> {
  const allowNegative = limits.allowNegative ?? (limits.min !== undefined && limits.min < 0);
  if (value < 0 && !allowNegative) return fail('negative');
  if (limits.min !== undefined && value < limits.min) return fail('below_min');
  if (limits.max !== undefined && value > limits.max) return fail('above_max');
  return { ok: true, value };
}

/** A whole number: 12, "1,234", "１２", "12户"; refuses fractions and (by default) negatives. */
export function parseInteger(raw: RawValue, limits: NumberLimits = {}): Parsed<number> {
  const parsed = toNumber(raw);
  if (!parsed.ok) return parsed;
  // Sheets computed by formulas carry float noise (11.999999999999998); anything closer than
  // this to a whole number is that number.
  const rounded = Math.round(parsed.value);
  if (Math.abs(parsed.value - rounded) > 1e-9 || !Number.isSafeInteger(rounded))
    return fail('not_an_integer');
  return withinLimits(rounded, limits);
}

/** A decimal: 5034, "11,520.6", "6680.2㎡", "6680.2平方米", "１２．５"; refuses (by default) negatives. */
export function parseDecimal(raw: RawValue, limits: NumberLimits = {}): Parsed<number> {
  const parsed = toNumber(raw);
  if (!parsed.ok) return parsed;
  return withinLimits(parsed.value, limits);
}

const approxPrefix = /^(?:约为|大约|大概|约|~|≈)/;
const approxSuffix = /(?:左右|前后|许)$/;
const decade = /^(\d{4}|\d{2})年代(?:初期?|中期?|末期?|初|中|末)?$|^(\d{4})s$/i;
const yearOnly = /^(\d{4})年?$/;
const yearMonthCjk = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;
const yearMonthSep = /^(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

function yearInRange(year: number, approx: boolean, now: Date): Parsed<number> {
  if (year < earliestYear) return fail('too_old');
  if (year > now.getFullYear()) return fail('future_year');
  return approx ? { ok: true, value: year, approx: true } : { ok: true, value: year };
}

function validMonthDay(month: string | undefined, day: string | undefined): boolean {
  const m = Number(month);
  if (!(m >= 1 && m <= 12)) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= 31;
}

/**
 * A build year: 1994, "1994年", "1998.10", "1998-10", "1998年10月", a date cell, "约1990年"
 * and "1990年代" (both approximate). Dates are read in UTC, as exceljs produces them.
 */
export function parseYear(raw: RawValue, options: { now?: Date } = {}): Parsed<number> {
  const now = options.now ?? new Date();
  if (raw === null || raw === undefined) return fail('empty');
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? fail('not_a_year') : yearInRange(raw.getUTCFullYear(), false, now);
  }
  if (typeof raw === 'number') {
    // "1998.10" typed into a number cell arrives as 1998.1: the part after the point is a month.
    if (!Number.isFinite(raw) || raw < 1000 || raw >= 10000) return fail('not_a_year');
    return yearInRange(Math.trunc(raw), false, now);
  }
  if (typeof raw !== 'string') return fail('not_a_year');
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  if (blankText(text)) return fail('empty');
  let approx = false;
  if (approxPrefix.test(text) || approxSuffix.test(text)) {
    approx = true;
    text = text.replace(approxPrefix, '').replace(approxSuffix, '');
  }
  const d = decade.exec(text);
  if (d) {
    const digits = d[1] ?? d[2] ?? '';
    // "90年代" is the 1990s and "10年代" the 2010s: no decade of this programme predates 1930.
    const year = digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) >= 30 ? 1900 : 2000);
    return yearInRange(year, true, now);
  }
  const plain = yearOnly.exec(text);
  if (plain) return yearInRange(Number(plain[1]), approx, now);
  const dated = yearMonthCjk.exec(text) ?? yearMonthSep.exec(text);
  if (dated && validMonthDay(dated[2], dated[3])) return yearInRange(Number(dated[1]), approx, now);
  return fail('not_a_year');
}

const dateCjk = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const dateSep = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const dateDigits = /^(\d{4})(\d{2})(\d{2})$/;

function dayOf(year: number, month: number, day: number, now: Date): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return fail('not_a_date');
  if (year < earliestYear) return fail('too_old');
  const iso = date.toISOString().slice(0, 10);
  // "Today" in the district (UTC+8), so an evening's survey entered that night is not "future".
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return iso > today ? fail('future_date') : { ok: true, value: iso };
}

/**
 * A day, as "YYYY-MM-DD": a date cell, "2021-05-03", "2021/5/3", "2021.5.3", "2021年5月3日" or
 * 20210503. Refuses days that do not exist (2月30日), days before 1900 and days after today.
 */
export function parseDate(raw: RawValue, options: { now?: Date } = {}): Parsed<string> {
  const now = options.now ?? new Date();
  if (raw === null || raw === undefined) return fail('empty');
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return fail('not_a_date');
    return dayOf(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), now);
  }
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return fail('not_a_date');
    text = String(raw);
  } else if (typeof raw === 'string') text = toHalfWidth(raw).replace(/\s+/g, '');
  else return fail('not_a_date');
  if (blankText(text)) return fail('empty');
  const m = dateCjk.exec(text) ?? dateSep.exec(text) ?? dateDigits.exec(text);
  if (!m) return fail('not_a_date');
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]), now);
}

const enumLookups = new WeakMap<Record<string, string>, Map<string, string>>();

function enumLookup(labels: Record<string, string>): Map<string, string> {
  let lookup = enumLookups.get(labels);
  if (!lookup) {
    lookup = new Map();
    // Values first so that a label spelled like another option's value still wins.
    for (const value of Object.values(labels)) lookup.set(toHalfWidth(value).trim().toLowerCase(), value);
    for (const [label, value] of Object.entries(labels))
      lookup.set(toHalfWidth(label).trim().toLowerCase(), value);
    enumLookups.set(labels, lookup);
  }
  return lookup;
}

/** One of a fixed set of options, given by its label (label → value) or by the value itself. */
export function parseEnum(raw: RawValue, labels: Record<string, string>): Parsed<string> {
  if (raw === null || raw === undefined) return fail('empty');
  if (typeof raw !== 'string' && typeof raw !== 'number') return fail('unknown_option');
  const text = toHalfWidth(String(raw)).trim();
  if (text === '') return fail('empty');
  const value = enumLookup(labels).get(text.toLowerCase());
  return value === undefined ? fail('unknown_option') : { ok: true, value };
}

/**
 * A number as text the way Excel shows it: 15 significant digits, so 0.1 + 0.2 reads "0.3"
 * and a phone number typed into a number cell reads "13800000001".
 */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** Free text: trimmed; numbers and dates become their text; at most `maxLength` characters. */
export function parseText(raw: RawValue, options: { maxLength?: number } = {}): Parsed<string> {
  if (raw === null || raw === undefined) return fail('empty');
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number') text = numberText(raw);
  else if (raw instanceof Date) text = Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  else text = raw ? 'TRUE' : 'FALSE';
  if (text === '') return fail('empty');
  // Count characters as people do (code points), not UTF-16 units.
  if (
    options.maxLength !== undefined &&
    text.length > options.maxLength &&
    [...text].length > options.maxLength
  ) {
    return fail('too_long');
  }
  return { ok: true, value: text };
}
