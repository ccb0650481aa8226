import { z } from 'zod';
import { limits, text } from './common.js';
import { StageList } from './consultations.js';
import { endpoint } from './endpoint.js';
import { FacilityTypeEntry, FacilityTypeList } from './facilities.js';

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
  /** Checks each project needs per key part or process (重点部位和工序), e.g. { 屋面防水: 3 }. */
  checkFrequency: z.record(text(), z.number().int()),
  illegal: z.object({
    /** Two measurements agree when they differ by at most this percent of the larger. */
    tolerancePercent: z.number(),
    /** The structure types offered when registering (an editable list). */
    types: z.array(text()),
  }),
  consultations: z.object({
    /** The stage lists a consultation may follow (一征三议两公开 first, the default; 四议两公开 …). */
    stageLists: z.array(StageList),
  }),
  facilities: z.object({
    /** The facility types offered when registering, each with the indicator group it counts towards. */
    types: z.array(FacilityTypeEntry),
  }),
  /**
   * CPPCC replies' result grades, in order: the code the letter prints and what it means (A/B/C
   * by default; some districts keep a D for reference).
   */
  proposalGrades: z.array(z.object({ code: text(), label: text() })),
  /** The categories residents choose from on the public opinion form (an editable list). */
  opinionCategories: z.array(text()),
});
export type Settings = z.infer<typeof Settings>;

/** How long a grade's code may be (A, B, C, D…), and how many grades the list holds. */
export const gradeCode = { max: 4 } as const;
export const gradeCount = { min: 1, max: 10 } as const;

/** How many structure types the editable list holds. */
export const structureTypeCount = { min: 1, max: 50 } as const;

/** How many categories the public opinion form's list holds. */
export const opinionCategoryCount = { min: 1, max: 30 } as const;

export const UpdateSettingsBody = z.strictObject({
  oldCutoffYear: z.number().int().min(1949).max(2100).optional(),
  escalation: z
    .strictObject({
      dueSoonDays: z.number().int().min(0).max(60),
      seriousAfterDays: z.number().int().min(1).max(365),
    })
    .optional(),
  /** Each entry checked by the server (checkFrequencyProblems), which names every bad one. */
  checkFrequency: z.record(text(), z.number()).optional(),
  illegal: z
    .strictObject({
      tolerancePercent: z.number().min(0).max(50).multipleOf(0.1),
      types: z
        .array(text().trim().min(1).max(limits.name.max))
        .min(structureTypeCount.min)
        .max(structureTypeCount.max),
    })
    .optional(),
  consultations: z.strictObject({ stageLists: z.array(StageList).min(1).max(10) }).optional(),
  /** Each code once (the server names the row); at least one grade. */
  proposalGrades: z
    .array(
      z.strictObject({
        code: text().trim().min(1).max(gradeCode.max),
        label: text().trim().min(1).max(limits.name.max),
      }),
    )
    .min(1)
    .max(gradeCount.max)
    .optional(),
  facilities: z.strictObject({ types: FacilityTypeList }).optional(),
  opinionCategories: z
    .array(text().trim().min(1).max(limits.name.max))
    .min(opinionCategoryCount.min)
    .max(opinionCategoryCount.max)
    .refine((c) => new Set(c).size === c.length, 'each category once')
    .optional(),
});
export type UpdateSettingsBody = z.infer<typeof UpdateSettingsBody>;

/** The settings area's endpoints; `api.ts` assembles every area's list. */
export const settingsEndpoints = {
  settings: endpoint({
    method: 'GET',
    path: '/api/settings',
    summary:
      'District settings: old-compound cut-off year, escalation thresholds, illegal structures’ tolerance and types, proposal grades',
    tag: 'system',
    response: Settings,
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/settings',
    summary: 'Change district settings (audited)',
    tag: 'system',
    body: UpdateSettingsBody,
    response: Settings,
  }),
} as const;
