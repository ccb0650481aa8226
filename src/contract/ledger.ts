import { z } from 'zod';
import { limits, PageQuery, pageOf, regionCode } from './common.js';
import { cadreLevels } from './projects.js';

export const ledgerStatuses = ['open', 'done', 'cancelled'] as const;
export const escalations = ['none', 'due_soon', 'overdue', 'seriously_overdue'] as const;
export const priorities = ['high', 'normal', 'low'] as const;

const day = z.iso.date();

export const LedgerItem = z.object({
  id: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  compoundName: z.string().nullable(),
  meetingId: z.string().nullable(),
  owner: z.object({
    id: z.string(),
    name: z.string(),
    level: z.enum(cadreLevels),
    unitName: z.string().nullable(),
  }),
  deadline: z.string(),
  priority: z.enum(priorities),
  status: z.enum(ledgerStatuses),
  /** Derived from the deadline and today; never stored. */
  escalation: z.enum(escalations),
  /** Who an overdue item has gone up to: the owner's superior, or theirs when seriously overdue. */
  escalatedTo: z.string().nullable(),
  regionCode: z.string(),
  subdistrictName: z.string().nullable(),
  lastProgress: z.object({ note: z.string(), at: z.string() }).nullable(),
  version: z.number().int(),
});
export type LedgerItem = z.infer<typeof LedgerItem>;

export const LedgerListQuery = PageQuery.extend({
  status: z.enum(ledgerStatuses).optional(),
  escalation: z.enum(escalations).optional(),
  region: regionCode.optional(),
  projectId: z.uuid().optional(),
  q: z.string().max(limits.search.max).optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

const title = z.string().trim().min(1).max(200);

export const CreateLedgerItemBody = z.strictObject({
  title,
  ownerCadreId: z.uuid(),
  deadline: day,
  priority: z.enum(priorities).default('normal'),
  projectId: z.uuid().optional(),
});
export type CreateLedgerItemBody = z.infer<typeof CreateLedgerItemBody>;

export const ProgressBody = z.strictObject({
  version: z.number().int(),
  note: z.string().trim().min(1).max(2000),
  evidence: z.string().max(500).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const CreateMeetingBody = z.strictObject({
  kind: z.enum(['progress', 'onsite']),
  title,
  heldOn: day,
  attendees: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  problems: z.string().max(5000).optional(),
  projectId: z.uuid().optional(),
  /** Each decision becomes a ledger item in the same step. */
  decisions: z
    .array(CreateLedgerItemBody.omit({ projectId: true }))
    .min(1)
    .max(50),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const Meeting = z.object({
  id: z.string(),
  kind: z.enum(['progress', 'onsite']),
  title: z.string(),
  heldOn: z.string(),
  attendees: z.array(z.string()),
  problems: z.string().nullable(),
  items: z.array(LedgerItem),
});

export const Board = z.object({
  today: z.string(),
  bySubdistrict: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      open: z.number().int(),
      dueSoon: z.number().int(),
      overdue: z.number().int(),
      seriouslyOverdue: z.number().int(),
    }),
  ),
});

export const LedgerPage = pageOf(LedgerItem);
export const LedgerItemId = z.object({ id: z.uuid() });
