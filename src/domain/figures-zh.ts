/**
 * Figures written as a Chinese official letter writes them (汴顺政〔2023〕47号): 4.2万余户,
 * 超283万平方米, 88.7%, 1,203栋, 860多名, dates as 2023年6月5日 and document numbers as
 * 汴顺政〔2023〕47号. Rounding is done on the decimal digits, never on binary floating point, so
 * 88.65 is 88.7 and 0.15 is 0.2, as a person rounding by hand would write them.
 */

/** plain: 1,203 · wan: 4.2万 (below 1万 as plain, from 1亿 in 亿) · percent: the value is already a percentage. */
export type FigureStyle = 'plain' | 'wan' | 'percent';

/**
 * A lower bound written in words: 余 (4.2万余户, 8600余个), 多 (11.5万多人, 860多名) or 超 before the
 * figure (超283万平方米). Such a figure is truncated, never rounded up: "over 4.2万" must be true.
 */
export type Approx = 'yu' | 'duo' | 'chao';

export interface FigureFormat {
  style?: FigureStyle;
  /** Written straight after the figure: 户, 个, 平方米, m². */
  unit?: string;
  /**
   * Decimals kept: wan and percent default to 1, plain to 0. A negative value rounds plain
   * figures to tens (-1) or hundreds (-2): 864 → 860多.
   */
  decimals?: number;
  /** Thousands separators in a figure written whole (1,203); the letter itself writes 1203. Default true. */
  group?: boolean;
  approx?: Approx;
}

/** Why a figure cannot be written; the value is a data error, never shown as a wrong number. */
export class FigureError extends RangeError {}

/** An exact decimal: digits × 10^-scale, non-negative. */
interface Decimal {
  digits: bigint;
  scale: number;
}

const maxValue = 1e15;

function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new FigureError(`not a number: ${value}`);
  if (value < 0) throw new FigureError(`negative figure: ${value}`);
  if (value >= maxValue) throw new FigureError(`figure too large: ${value}`);
  // The shortest decimal that reads back as this double: what the data says, e.g. 2834616.5.
  const text = value.toString();
  const match = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(text);
  if (!match) throw new FigureError(`not a number: ${value}`);
  const [, whole = '0', fraction = '', exponent = '0'] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** The decimal divided by 10^places (exact: only the scale moves). */
const shift = (d: Decimal, places: number): Decimal => ({ digits: d.digits, scale: d.scale + places });

/** Rounded (half up) or truncated to `decimals` places; a negative `decimals` rounds to tens, hundreds. */
function quantize(d: Decimal, decimals: number, truncate: boolean): Decimal {
  const drop = d.scale - decimals;
  // Fewer places than asked for: padded with zeros (68 → 68.0).
  if (drop <= 0) return { digits: d.digits * 10n ** BigInt(-drop), scale: d.scale - drop };
  const unit = 10n ** BigInt(drop);
  let digits = d.digits / unit;
  if (!truncate && (d.digits % unit) * 2n >= unit) digits += 1n;
  return decimals >= 0
    ? { digits, scale: decimals }
    : { digits: digits * 10n ** BigInt(-decimals), scale: 0 };
}

const atLeast = (d: Decimal, n: bigint): boolean => d.digits >= n * 10n ** BigInt(d.scale);

const equal = (a: Decimal, b: Decimal): boolean => {
  const scale = Math.max(a.scale, b.scale);
  return a.digits * 10n ** BigInt(scale - a.scale) === b.digits * 10n ** BigInt(scale - b.scale);
};

function render(d: Decimal, options: { group: boolean; trimZeros: boolean }): string {
  let text = d.digits.toString().padStart(d.scale + 1, '0');
  let whole = d.scale > 0 ? text.slice(0, -d.scale) : text;
  let fraction = d.scale > 0 ? text.slice(-d.scale) : '';
  if (options.trimZeros) fraction = fraction.replace(/0+$/, '');
  if (options.group) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  text = fraction ? `${whole}.${fraction}` : whole;
  return text;
}

const wanPlaces = 4;
const yiPlaces = 8;

/**
 * A figure's digits alone, for text that writes its own unit and 万 after it (a reply template's
 * "{{households|万}}万余户"): `wan` shifts it to 万, `truncate` rounds down (the text says 余/多/超),
 * `trimZeros` drops trailing fractional zeros. The same decimal arithmetic as `formatFigure`.
 */
export function figureDigits(
  value: number,
  f: { wan?: boolean; decimals: number; truncate?: boolean; group?: boolean; trimZeros?: boolean },
): string {
  const exact = toDecimal(value);
  const shown = quantize(f.wan ? shift(exact, wanPlaces) : exact, f.decimals, f.truncate ?? false);
  return render(shown, { group: f.group ?? false, trimZeros: f.trimZeros ?? false });
}

/**
 * One figure as the letter writes it. Throws FigureError for a negative, non-finite or absurdly
 * large value, and for decimals outside -6..6.
 *
 *   formatFigure(42186, { style: 'wan', unit: '户', approx: 'yu' })            → 4.2万余户
 *   formatFigure(2834616.5, { style: 'wan', decimals: 0, approx: 'chao', unit: '平方米' }) → 超283万平方米
 *   formatFigure(88.679, { style: 'percent' })                                → 88.7%
 *   formatFigure(1203, { unit: '栋' })                                         → 1,203栋
 */
export function formatFigure(value: number, format: FigureFormat = {}): string {
  const style = format.style ?? 'plain';
  const decimals = format.decimals ?? (style === 'plain' ? 0 : 1);
  if (!Number.isInteger(decimals) || decimals < -6 || decimals > 6) {
    throw new FigureError(`decimals out of range: ${decimals}`);
  }
  if (style !== 'plain' && decimals < 0) throw new FigureError('only plain figures round to tens');
  const exact = toDecimal(value);
  const truncate = format.approx !== undefined;

  // The magnitude follows the figure as shown: 9999.6 rounds to 1万, not to 10000; 9960 stays 9960.
  let magnitude = 0;
  let scaled = exact;
  let shown = quantize(exact, Math.min(decimals, 0), truncate);
  if (style === 'wan') {
    for (const places of [wanPlaces, yiPlaces]) {
      if (!atLeast(shown, 10n ** BigInt(places - magnitude))) break;
      magnitude = places;
      scaled = shift(exact, places);
      shown = quantize(scaled, decimals, truncate);
    }
  } else {
    shown = quantize(exact, decimals, truncate);
  }
  // "More than 8600" of exactly 8600 would be false: an exact figure drops the word.
  const approx = truncate && !equal(shown, scaled) ? format.approx : undefined;
  const number = render(shown, {
    // 2834万, never 2,834万: separators only for a figure written whole.
    group: magnitude === 0 && (format.group ?? true),
    trimZeros: style === 'wan',
  });
  const word = magnitude === yiPlaces ? '亿' : magnitude === wanPlaces ? '万' : '';
  const unit = style === 'percent' ? '%' : (format.unit ?? '');
  const before = approx === 'chao' ? '超' : '';
  const after = approx === 'yu' ? '余' : approx === 'duo' ? '多' : '';
  return `${before}${number}${word}${after}${unit}`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2023-06-05" (a calendar date, no time zone) → "2023年6月5日"; anything else is refused. */
export function formatDateZh(date: string): string {
  const match = isoDate.exec(date);
  if (!match) throw new FigureError(`not a date: ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new FigureError(`not a date: ${date}`);
  }
  return `${y}年${m}月${d}日`;
}

export interface DocumentNumber {
  /** The issuer's code (机关代字): 汴顺政. */
  agency: string;
  year: number;
  /** The serial (发文顺序号), written without leading zeros. */
  serial: number;
}

/** { agency: '汴顺政', year: 2023, serial: 47 } → "汴顺政〔2023〕47号" (GB/T 9704: 〔〕, no leading zeros). */
export function formatDocumentNumber(n: DocumentNumber): string {
  const agency = n.agency.trim();
  if (!agency || /[\d〔〕[\]()（）【】\s]/.test(agency))
    throw new FigureError(`bad issuer code: ${n.agency}`);
  if (!Number.isInteger(n.year) || n.year < 1949 || n.year > 9999)
    throw new FigureError(`bad year: ${n.year}`);
  if (!Number.isInteger(n.serial) || n.serial < 1) throw new FigureError(`bad serial: ${n.serial}`);
  return `${agency}〔${n.year}〕${n.serial}号`;
}

/**
 * "汴顺政〔2023〕47号" → its parts; null for anything else, including the usual slips of hand
 * ([2023], (2023), 【2023】, 047号).
 */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  const match = /^([^\d〔〕\s]+)〔(\d{4})〕([1-9]\d*)号$/.exec(text.trim());
  if (!match) return null;
  const [, agency = '', year = '', serial = ''] = match;
  return { agency, year: Number(year), serial: Number(serial) };
}

const numerals = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 99 → 九十九: terms and sessions (市政协十三届一次会议). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new FigureError(`not 1 to 99: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const ten = tens === 0 ? '' : tens === 1 ? '十' : `${numerals[tens]}十`;
  return `${ten}${ones ? numerals[ones] : ''}`;
}
