import { z } from 'zod';

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
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
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
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const regionCode = z
  .string()
  .regex(/^\d+$/, 'digits only')
  .min(limits.regionCode.min)
  .max(limits.regionCode.max);

export const Ok = z.object({ ok: z.literal(true) });
