import { z } from 'zod';

/** District settings every figure and reminder follows at once. */
export const Settings = z.object({
  /** Compounds built before this year count as old (2005 in the demo district, 2000 nationally). */
  oldCutoffYear: z.number().int(),
  escalation: z.object({
    /** Open items due within this many days are "due soon". */
    dueSoonDays: z.number().int(),
    /** Items overdue by more than this many days are "seriously overdue". */
    seriousAfterDays: z.number().int(),
  }),
});
export type Settings = z.infer<typeof Settings>;

export const UpdateSettingsBody = z.strictObject({
  oldCutoffYear: z.number().int().min(1949).max(2100).optional(),
  escalation: z
    .strictObject({
      dueSoonDays: z.number().int().min(0).max(60),
      seriousAfterDays: z.number().int().min(1).max(365),
    })
    .optional(),
});
export type UpdateSettingsBody = z.infer<typeof UpdateSettingsBody>;
