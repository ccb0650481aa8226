/** Presentation rules for figures: percentages with one decimal, large numbers in 万. */

/** part ÷ whole as a percentage rounded to one decimal (0 when there is no whole). */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/** 42186 → "4.2万", 2834616.5 → "283.5万", 8600 → "8600": how summaries and letters write figures. */
export function wan(n: number, digits = 1): string {
  if (Math.abs(n) < 10_000) return String(Math.round(n));
  const v = n / 10_000;
  return `${Number(v.toFixed(digits))}万`;
}
