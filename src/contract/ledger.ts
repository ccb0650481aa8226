import { z } from 'zod';
import { escalations, ledgerStatuses, priorities } from '../domain/ledger.js';
import { limits, PageQuery, pageOf, regionCode } from './common.js';
import { endpoint } from './endpoint.js';
import { cadreLevels } from './organisation.js';
import { Photo, PhotoUploadQuery } from './photos.js';

/** The lists are the domain's (src/domain/ledger.ts); the contract and its clients take them from here. */
export { escalations, ledgerStatuses, priorities };

const day = z.iso.date();

export const LedgerItem = z.object({
  id: z.string(),
  title: z.string(),
  projectId: z.string().nullable(),
  compoundName: z.string().nullable(),
  meetingId: z.string().nullable(),
  taskForce: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** A cadre, or a unit whose leader answers for the item. */
  owner: z.object({
    kind: z.enum(['cadre', 'unit']),
    id: z.string(),
    name: z.string(),
    level: z.enum(cadreLevels).nullable(),
    unitName: z.string().nullable(),
    /** The person who answers: the cadre, or the unit's leader (null while it has none). */
    personName: z.string().nullable(),
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
  taskForceId: z.uuid().optional(),
  q: z.string().max(limits.search.max).optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

const title = z.string().trim().min(1).max(limits.title.max);

export const CreateLedgerItemBody = z.strictObject({
  title,
  /** Exactly one of the two owners. */
  ownerCadreId: z.uuid().optional(),
  ownerUnitId: z.uuid().optional(),
  deadline: day,
  priority: z.enum(priorities).default('normal'),
  taskForceId: z.uuid().optional(),
  projectId: z.uuid().optional(),
});
export type CreateLedgerItemBody = z.infer<typeof CreateLedgerItemBody>;

export const ProgressBody = z.strictObject({
  version: z.number().int(),
  note: z.string().trim().min(1).max(limits.progressNote.max),
  evidence: z.string().max(limits.shortNote.max).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const CreateMeetingBody = z.strictObject({
  kind: z.enum(['progress', 'onsite']),
  title,
  heldOn: day,
  attendees: z.array(z.string().trim().min(1).max(limits.attendee.max)).max(limits.attendees.max).default([]),
  problems: z.string().max(limits.meetingProblems.max).optional(),
  projectId: z.uuid().optional(),
  /** Each decision becomes a ledger item in the same step. */
  decisions: z
    .array(CreateLedgerItemBody.omit({ projectId: true }))
    .min(1)
    .max(limits.decisions.max),
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

const Counts = z.object({
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  seriouslyOverdue: z.number().int(),
});
/** Open items by escalation, the worst first. */
export const Board = z.object({
  today: z.string(),
  bySubdistrict: z.array(Counts.extend({ regionCode: z.string(), name: z.string() })),
  /** `id` null: items no task force supervises. */
  byTaskForce: z.array(Counts.extend({ id: z.string().nullable(), name: z.string().nullable() })),
});

export const LedgerPage = pageOf(LedgerItem);
export const LedgerItemId = z.object({ id: z.uuid() });

/** One progress report, oldest last, with the evidence photos attached to it. */
export const ProgressEntry = z.object({
  id: z.string(),
  note: z.string(),
  evidence: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
  photos: z.array(Photo),
});
/** An item with where it came from and every progress report. */
export const LedgerItemDetail = LedgerItem.extend({
  meeting: z.object({ id: z.string(), title: z.string(), heldOn: z.string() }).nullable(),
  progress: z.array(ProgressEntry),
  /** Whether the caller may report on it (its owner, or supervising staff in scope). */
  canReport: z.boolean(),
});
export type LedgerItemDetail = z.infer<typeof LedgerItemDetail>;
export const EvidenceParams = z.object({ id: z.uuid(), progressId: z.uuid() });

/** The ledger area's endpoints; `api.ts` assembles every area's list. */
export const ledgerEndpoints = {
  listLedger: endpoint({
    method: 'GET',
    path: '/api/ledger',
    summary: 'Supervision ledger items in scope, most escalated first',
    tag: 'ledger',
    query: LedgerListQuery,
    response: LedgerPage,
  }),
  myLedger: endpoint({
    method: 'GET',
    path: '/api/ledger/mine',
    summary: 'Items owned by the caller’s cadre record',
    tag: 'ledger',
    query: LedgerListQuery,
    response: LedgerPage,
  }),
  ledgerBoard: endpoint({
    method: 'GET',
    path: '/api/ledger/board',
    summary: 'Open items per subdistrict by escalation',
    tag: 'ledger',
    response: Board,
  }),
  createLedgerItem: endpoint({
    method: 'POST',
    path: '/api/ledger',
    summary: 'Add a ledger item (deadline today or later)',
    tag: 'ledger',
    body: CreateLedgerItemBody,
    response: LedgerItem,
    status: 201,
  }),
  getLedgerItem: endpoint({
    method: 'GET',
    path: '/api/ledger/:id',
    summary: 'One ledger item with its meeting and every progress report and evidence photo',
    tag: 'ledger',
    params: LedgerItemId,
    response: LedgerItemDetail,
  }),
  reportProgress: endpoint({
    method: 'POST',
    path: '/api/ledger/:id/progress',
    summary: 'Report progress (owner or supervising staff); may close the item',
    tag: 'ledger',
    params: LedgerItemId,
    body: ProgressBody,
    response: LedgerItemDetail,
  }),
  uploadEvidence: endpoint({
    method: 'POST',
    path: '/api/ledger/:id/progress/:progressId/photos',
    summary: 'Attach an evidence photo to a progress report (JPEG, PNG or WebP, raw bytes)',
    tag: 'ledger',
    params: EvidenceParams,
    query: PhotoUploadQuery,
    upload: true,
    response: Photo,
    status: 201,
  }),
  createMeeting: endpoint({
    method: 'POST',
    path: '/api/meetings',
    summary: 'Record a meeting; each decision becomes a ledger item',
    tag: 'ledger',
    body: CreateMeetingBody,
    response: Meeting,
    status: 201,
  }),
  ledgerExport: endpoint({
    method: 'GET',
    path: '/api/ledger/export',
    summary: 'The ledger as the usual 台账 sheet (xlsx)',
    tag: 'ledger',
    query: LedgerListQuery,
    response: z.unknown(),
    download: true,
  }),
} as const;
