import { z } from 'zod';

/**
 * Whether `s` is text every part of the system can hold: no NUL (PostgreSQL text refuses it)
 * and no lone UTF-16 surrogate (not a character; it cannot be encoded as UTF-8).
 */
export function isWellFormedText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Why a text field was refused, carried in the zod issue so the server can word it. */
export const badTextReason = 'bad_text';

/**
 * The string schema every text field of the contract is built from (bodies, queries, params and
 * answers alike): a string that is well-formed text. Use it instead of `z.string()`.
 */
export const text = (): z.ZodString =>
  z.string().refine(isWellFormedText, { params: { reason: badTextReason } });

/** Field limits used by both the server's validation and the web forms. */
export const limits = {
  username: { min: 3, max: 64 },
  displayName: { max: 100 },
  search: { max: 100 },
  pageSize: { max: 100, default: 20 },
  regionCode: { min: 6, max: 12 },
  /** Names of units, cadres, party bodies, batches and catalogue items. */
  name: { max: 100 },
  catalogueCode: { max: 40 },
  unitOfMeasure: { max: 20 },
  phone: { max: 20 },
  /** Ledger items, decisions and meetings. */
  title: { max: 200 },
  progressNote: { max: 2000 },
  /** The written evidence of a progress report, and a waived item's reason. */
  shortNote: { max: 500 },
  meetingProblems: { max: 5000 },
  attendee: { max: 100 },
  attendees: { max: 100 },
  decisions: { max: 50 },
  /** A reply letter's or template's body, a proposal's text, a co-handling input. */
  letterBody: { max: 20_000 },
} as const;

/** Stable error codes: clients and tests rely on these, the messages are for people. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_JSON',
  'INVALID_ENCODING',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'CSRF_INVALID',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: text(),
    fields: z.record(text(), text()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSize.max).default(limits.pageSize.default),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Rows matching, counted up to 1,000 past the page's start. */
    total: z.number().int(),
    /** False when counting stopped: at least `total` rows match. */
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const regionCode = text()
  .regex(/^\d+$/, 'digits only')
  .min(limits.regionCode.min)
  .max(limits.regionCode.max);

export const Ok = z.object({ ok: z.literal(true) });
