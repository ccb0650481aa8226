/**
 * The public portal's rules: what of a record may be shown to anyone. Pure, so the API, the
 * pages, the posters and the tests that scan every public answer share them.
 */

/** A mainland mobile number anywhere in a text (11 digits starting 1[3-9], optionally +86, spaced or dashed). */
export const mobileNumberPattern = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?!\d)/;

/** A free text staff wrote (a disclosure, a resolution's note) with any mobile number in it blotted out. */
export function withoutMobiles(text: string): string;
export function withoutMobiles(text: string | null): string | null;
export function withoutMobiles(text: string | null): string | null {
  return text === null ? null : text.replace(new RegExp(mobileNumberPattern.source, 'g'), '***********');
}

/** Whether a text holds a mobile number (a person's phone). */
export const holdsMobile = (text: string): boolean => mobileNumberPattern.test(text);

/**
 * The phone an office may show in public: its landline, trimmed; none when it is empty or holds a
 * mobile number (a person's phone is never published, even if stored as the office's).
 */
export function publicPhone(phone: string | null | undefined): string | null {
  const trimmed = (phone ?? '').trim();
  if (trimmed === '' || holdsMobile(trimmed)) return null;
  return trimmed;
}

/** Items done of those chosen (waived ones are not work to do), in percent to a tenth; null with none. */
export function percentDone(items: readonly { status: string }[]): number | null {
  const counted = items.filter((i) => i.status !== 'waived');
  if (counted.length === 0) return null;
  const done = counted.filter((i) => i.status === 'done').length;
  return Math.round((done / counted.length) * 1000) / 10;
}
