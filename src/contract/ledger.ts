import { z } from 'zod';
import { escalations, ledgerStatuses, priorities } from '../domain/ledger.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { cadreLevels } from './organisation.js';
import { Photo, PhotoUploadQuery } from './photos.js';

/** The lists are the domain's (src/domain/ledger.ts); the contract and its clients take them from here. */
export { escalations, ledgerStatuses, priorities };

const day = z.iso.date();

export const LedgerItem = z.object({
  id: text(),
  title: text(),
  projectId: text().nullable(),
  compoundName: text().nullable(),
  meetingId: text().nullable(),
  taskForce: z.object({ id: text(), name: text() }).nullable(),
  /** A cadre, or a unit whose leader answers for the item. */
  owner: z.object({
    kind: z.enum(['cadre', 'unit']),
    id: text(),
    name: text(),
    level: z.enum(cadreLevels).nullable(),
    unitName: text().nullable(),
    /** The person who answers: the cadre, or the unit's leader (null while it has none). */
    personName: text().nullable(),
  }),
  deadline: text(),
  priority: z.enum(priorities),
  status: z.enum(ledgerStatuses),
  /** Derived from the deadline and today; never stored. */
  escalation: z.enum(escalations),
  /** Who an overdue item has gone up to: the owner's superior, or theirs when seriously overdue. */
  escalatedTo: text().nullable(),
  regionCode: text(),
  subdistrictName: text().nullable(),
  lastProgress: z.object({ note: text(), at: text() }).nullable(),
  version: z.number().int(),
});
export type LedgerItem = z.infer<typeof LedgerItem>;

export const LedgerListQuery = PageQuery.extend({
  status: z.enum(ledgerStatuses).optional(),
  escalation: z.enum(escalations).optional(),
  region: regionCode.optional(),
  projectId: z.uuid().optional(),
  taskForceId: z.uuid().optional(),
  q: text().max(limits.search.max).optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

const title = text().trim().min(1).max(limits.title.max);

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
  note: text().trim().min(1).max(limits.progressNote.max),
  evidence: text().max(limits.shortNote.max).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export type ProgressBody = z.infer<typeof ProgressBody>;

export const meetingKinds = ['progress', 'onsite'] as const;

export const CreateMeetingBody = z.strictObject({
  kind: z.enum(meetingKinds),
  title,
  heldOn: day,
  attendees: z.array(text().trim().min(1).max(limits.attendee.max)).max(limits.attendees.max).default([]),
  problems: text().max(limits.meetingProblems.max).optional(),
  projectId: z.uuid().optional(),
  /** Each decision becomes a ledger item in the same step. */
  decisions: z
    .array(CreateLedgerItemBody.omit({ projectId: true }))
    .min(1)
    .max(limits.decisions.max),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const Meeting = z.object({
  id: text(),
  kind: z.enum(meetingKinds),
  title: text(),
  heldOn: text(),
  attendees: z.array(text()),
  problems: text().nullable(),
  items: z.array(LedgerItem),
});

/** Past meetings, newest first: held between `from` and `to`, of a kind, on a project. */
export const MeetingListQuery = PageQuery.extend({
  kind: z.enum(meetingKinds).optional(),
  from: day.optional(),
  to: day.optional(),
  projectId: z.uuid().optional(),
  q: text().max(limits.search.max).optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

/** A meeting in the list: what it was, where, and how its decisions stand. */
export const MeetingSummary = z.object({
  id: text(),
  kind: z.enum(meetingKinds),
  title: text(),
  heldOn: text(),
  projectId: text().nullable(),
  compoundName: text().nullable(),
  regionCode: text(),
  subdistrictName: text().nullable(),
  /** Ledger items its decisions created, and how many of them are still open. */
  decisions: z.number().int(),
  openDecisions: z.number().int(),
});
export const MeetingPage = pageOf(MeetingSummary);
export const MeetingId = z.object({ id: z.uuid() });
/** A meeting with the ledger items its decisions created (those in the caller's scope). */
export const MeetingDetail = Meeting.extend({
  projectId: text().nullable(),
  compoundName: text().nullable(),
  regionCode: text(),
  subdistrictName: text().nullable(),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

const Counts = z.object({
  open: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  seriouslyOverdue: z.number().int(),
});
/** Open items by escalation, the worst first. */
export const Board = z.object({
  today: text(),
  bySubdistrict: z.array(Counts.extend({ regionCode: text(), name: text() })),
  /** `id` null: items no task force supervises. */
  byTaskForce: z.array(Counts.extend({ id: text().nullable(), name: text().nullable() })),
});

export const LedgerPage = pageOf(LedgerItem);
export const LedgerItemId = z.object({ id: z.uuid() });

/** One progress report, oldest last, with the evidence photos attached to it. */
export const ProgressEntry = z.object({
  id: text(),
  note: text(),
  evidence: text().nullable(),
  by: text().nullable(),
  at: text(),
  photos: z.array(Photo),
});
/** An item with where it came from and every progress report. */
export const LedgerItemDetail = LedgerItem.extend({
  meeting: z.object({ id: text(), title: text(), heldOn: text() }).nullable(),
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
  listMeetings: endpoint({
    method: 'GET',
    path: '/api/meetings',
    summary: 'Meetings in scope, newest first, by date, kind and project',
    tag: 'ledger',
    query: MeetingListQuery,
    response: MeetingPage,
  }),
  getMeeting: endpoint({
    method: 'GET',
    path: '/api/meetings/:id',
    summary: 'One meeting with the ledger items its decisions created',
    tag: 'ledger',
    params: MeetingId,
    response: MeetingDetail,
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
