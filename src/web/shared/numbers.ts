/**
 * Figures as the interface shows them: thousands separators in tables, 万 for large figures in
 * summaries (4.2万户), percentages with one decimal.
 */
import { wan } from '../../domain/statistics.js';
import { currentLanguage } from '../i18n/index.js';

const locale = () => (currentLanguage() === 'en' ? 'en-US' : 'zh-CN');

/** 1203 → "1,203"; areas keep up to two decimals (14,240.08). */
export function formatNumber(n: number | null | undefined, maxDecimals = 0): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString(locale(), { maximumFractionDigits: maxDecimals });
}

/** A floor area in m², as tables show it: thousands separators, at most two decimals. */
export const formatArea = (n: number | null | undefined) => formatNumber(n, 2);

/** What a figure shows where no ledger has given it: a dash, never 0. */
const unknownMark = '—';

/** A declared figure (1,203), or — where it is not known. */
export const formatKnown = (n: number | null | undefined, maxDecimals = 0) =>
  n === null || n === undefined ? unknownMark : formatNumber(n, maxDecimals);

/** A declared floor area (14,240.08), or — where it is not known. */
export const formatKnownArea = (n: number | null | undefined) => formatKnown(n, 2);

/**
 * A summary figure: below ten thousand as it is (1,203), above in 万 with one decimal (283.5万);
 * in English the compact form (2.8M, 42.2K).
 */
export function formatLarge(n: number): string {
  if (Math.abs(n) < 10_000) return formatNumber(n);
  if (currentLanguage() === 'en') {
    return n.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  }
  return wan(n);
}

/** 88.66 → "88.7%". */
export function formatPercent(n: number): string {
  return `${n.toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A file size for people: 812 B, 14.2 KB, 3.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, value < 10 ? 1 : 0)} ${units[unit]}`;
}
