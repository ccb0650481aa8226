import { z } from 'zod';
import {
  assignmentLevels,
  measurementMethods,
  removers,
  structureStatuses,
  visitOutcomes,
} from '../domain/illegal.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { Photo, PhotoUploadQuery } from './photos.js';

/** The lists are the domain's (src/domain/illegal.ts); the contract and its clients take them from here. */
export { assignmentLevels, measurementMethods, removers, structureStatuses, visitOutcomes };

const day = z.iso.date();
/** m², more than zero, to the hundredth. */
const area = z.number().positive().max(100_000).multipleOf(0.01);
const note = text().trim().max(limits.shortNote.max);
const person = text().trim().min(1).max(limits.name.max);
const Id = z.object({ id: z.uuid() });

export const StructureListQuery = PageQuery.extend({
  status: z.enum(structureStatuses).optional(),
  /** 一拆到底: identified and not yet removed. */
  outstanding: z.enum(['true', 'false']).optional(),
  /** Owners who are party members or public employees ("they remove first"). */
  leaders: z.enum(['true', 'false']).optional(),
  region: regionCode.optional(),
  compoundId: z.uuid().optional(),
  type: text().max(limits.name.max).optional(),
  q: text().max(limits.search.max).optional(),
});
export type StructureListQuery = z.infer<typeof StructureListQuery>;

export const Structure = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  buildingId: text().nullable(),
  buildingNumber: text().nullable(),
  unit: text().nullable(),
  householdId: text().nullable(),
  room: text().nullable(),
  regionCode: text(),
  subdistrictName: text().nullable(),
  type: text(),
  location: text().nullable(),
  surveyOn: text(),
  surveyor: text(),
  ownerPartyMember: z.boolean(),
  ownerPublicEmployee: z.boolean(),
  duplicateOf: text().nullable(),
  verifiedArea: z.number().nullable(),
  status: z.enum(structureStatuses),
  noticeOn: text().nullable(),
  noticeDeadline: text().nullable(),
  removedOn: text().nullable(),
  removedBy: z.enum(removers).nullable(),
  legalBasis: text().nullable(),
  clearedOn: text().nullable(),
  /** The last door-to-door visit's outcome, if any. */
  lastVisit: z.object({ on: text(), outcome: z.enum(visitOutcomes) }).nullable(),
  version: z.number().int(),
});
export type Structure = z.infer<typeof Structure>;
export const StructurePage = pageOf(Structure);

export const CreateStructureBody = z.strictObject({
  compoundId: z.uuid(),
  buildingId: z.uuid().optional(),
  unit: text().trim().min(1).max(limits.name.max).optional(),
  householdId: z.uuid().optional(),
  type: text().trim().min(1).max(limits.name.max),
  location: note.optional(),
  surveyOn: day,
  surveyor: person,
  ownerPartyMember: z.boolean().default(false),
  ownerPublicEmployee: z.boolean().default(false),
});
export type CreateStructureBody = z.infer<typeof CreateStructureBody>;

export const MeasurementBody = z.strictObject({
  measuredBy: person,
  measuredOn: day,
  method: z.enum(measurementMethods),
  area,
});
export type MeasurementBody = z.infer<typeof MeasurementBody>;

export const VisitBody = z.strictObject({
  /** The visiting cadre; the caller's own cadre when left out. */
  cadreId: z.uuid().optional(),
  visitedOn: day,
  outcome: z.enum(visitOutcomes),
  notes: note.optional(),
});
export type VisitBody = z.infer<typeof VisitBody>;

export const NoticeBody = z.strictObject({ version: z.number().int(), noticeOn: day, deadline: day });
export const RemovalBody = z.strictObject({
  version: z.number().int(),
  removedOn: day,
  removedBy: z.enum(removers),
  /** Required for enforcement (依法拆除). */
  legalBasis: note.optional(),
});
export const ClearingBody = z.strictObject({
  version: z.number().int(),
  clearedOn: day,
  /** A photo of the cleared site, already attached to this structure. */
  photoId: z.uuid(),
});
export type NoticeBody = z.infer<typeof NoticeBody>;
export type RemovalBody = z.infer<typeof RemovalBody>;
export type ClearingBody = z.infer<typeof ClearingBody>;

export const verificationStates = ['unmeasured', 'needs_second', 'needs_third', 'verified'] as const;

export const StructureDetail = Structure.extend({
  verification: z.object({
    state: z.enum(verificationStates),
    /** The widest gap between independent measurements, percent, while they disagree. */
    gapPercent: z.number().nullable(),
    tolerancePercent: z.number(),
  }),
  measurements: z.array(
    z.object({
      id: text(),
      measuredBy: text(),
      measuredOn: text(),
      method: z.enum(measurementMethods),
      area: z.number(),
      /** One of the two measurements the verified area was agreed from. */
      agreed: z.boolean(),
    }),
  ),
  visits: z.array(
    z.object({
      id: text(),
      cadreId: text(),
      cadreName: text(),
      visitedOn: text(),
      outcome: z.enum(visitOutcomes),
      notes: text().nullable(),
    }),
  ),
  /** The cadres assigned to its building, stairwell unit or household. */
  cadres: z.array(z.object({ id: text(), name: text(), level: z.enum(assignmentLevels) })),
  photos: z.array(Photo),
  clearedPhotoId: text().nullable(),
  timeline: z.array(z.object({ on: text(), kind: text(), detail: text() })),
  /** Whether the caller may record measurements, notices, removal and clearing. */
  canWrite: z.boolean(),
  /** Whether the caller may log a visit (assigned cadre, or staff in scope). */
  canVisit: z.boolean(),
});
export type StructureDetail = z.infer<typeof StructureDetail>;

export const AssignmentQuery = z.object({ compoundId: z.uuid() });
export const Assignment = z.object({
  id: text(),
  cadreId: text(),
  cadreName: text(),
  level: z.enum(assignmentLevels),
  buildingId: text(),
  buildingNumber: text(),
  unit: text().nullable(),
  householdId: text().nullable(),
  room: text().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;
export const CreateAssignmentBody = z.strictObject({
  cadreId: z.uuid(),
  level: z.enum(assignmentLevels),
  buildingId: z.uuid().optional(),
  unit: text().trim().min(1).max(limits.name.max).optional(),
  householdId: z.uuid().optional(),
});
export type CreateAssignmentBody = z.infer<typeof CreateAssignmentBody>;

export const statsGroupings = ['subdistrict', 'community', 'compound'] as const;
export const IllegalStatsQuery = z.object({
  groupBy: z.enum(statsGroupings).default('subdistrict'),
  region: regionCode.optional(),
  /**
   * The period, inclusive: structures count by their survey date (and those of them removed by
   * its end), removals by their removal date (see the server's stats.ts).
   */
  from: day.optional(),
  to: day.optional(),
});
export type IllegalStatsQuery = z.infer<typeof IllegalStatsQuery>;

const StatsFigures = z.object({
  structures: z.number().int(),
  verifiedArea: z.number(),
  removed: z.number().int(),
  removedArea: z.number(),
  selfRemoved: z.number().int(),
  selfRemovedArea: z.number(),
  /** Percent, one decimal. */
  selfRateByCount: z.number(),
  selfRateByArea: z.number(),
  /** Days from survey to removal, one decimal (null: nothing removed). */
  averageDays: z.number().nullable(),
  /** Surveyed in the period and still standing at its end (一拆到底). */
  outstanding: z.number().int(),
  /**
   * Surveyed in the period and owned by party members or public employees, and how many of those
   * were removed by its end; their removal rate (percent, one decimal) and average days from
   * survey to removal (null: none removed) — and the same for everyone else's, beside them.
   */
  leaders: z.number().int(),
  leadersRemoved: z.number().int(),
  leadersRate: z.number(),
  leadersAverageDays: z.number().nullable(),
  others: z.number().int(),
  othersRemoved: z.number().int(),
  othersRate: z.number(),
  othersAverageDays: z.number().nullable(),
  /** Whether the leaders' structures went first (带头拆): a larger share removed, or as many sooner; null: nothing to compare. */
  leadersFirst: z.boolean().nullable(),
});
export const IllegalStats = z.object({
  rows: z.array(StatsFigures.extend({ key: text(), name: text() })),
  total: StatsFigures,
});
export type IllegalStats = z.infer<typeof IllegalStats>;

/** The area's headline figures (part of the summary): removed structures, their verified area, the self-removal rate. */
export const IllegalFigures = z.object({
  illegalStructuresRemoved: z.number().int(),
  /** m² */
  illegalAreaRemoved: z.number(),
  /** Percent of removed structures their owners removed, one decimal. */
  selfRemovalRate: z.number(),
});
export type IllegalFigures = z.infer<typeof IllegalFigures>;

/** The illegal structures area's endpoints; `api.ts` assembles every area's list. */
export const illegalEndpoints = {
  listStructures: endpoint({
    method: 'GET',
    path: '/api/illegal-structures',
    summary: 'Illegal structures in scope, by status, follow-up, compound, type',
    tag: 'illegal',
    query: StructureListQuery,
    response: StructurePage,
  }),
  myStructures: endpoint({
    method: 'GET',
    path: '/api/illegal-structures/mine',
    summary:
      'Structures not yet removed in the households, units and buildings the caller’s cadre is assigned to',
    tag: 'illegal',
    query: StructureListQuery,
    response: StructurePage,
  }),
  createStructure: endpoint({
    method: 'POST',
    path: '/api/illegal-structures',
    summary: 'Register a structure found by the survey (one at the same household and type is linked)',
    tag: 'illegal',
    body: CreateStructureBody,
    response: StructureDetail,
    status: 201,
  }),
  illegalStats: endpoint({
    method: 'GET',
    path: '/api/illegal-structures/stats',
    summary: 'Count, verified area, removals and self-removal rates by subdistrict, community or compound',
    tag: 'illegal',
    query: IllegalStatsQuery,
    response: IllegalStats,
  }),
  illegalStatsExport: endpoint({
    method: 'GET',
    path: '/api/illegal-structures/stats/export',
    summary: 'The statistics as a sheet (xlsx)',
    tag: 'illegal',
    query: IllegalStatsQuery,
    response: z.unknown(),
    download: true,
  }),
  getStructure: endpoint({
    method: 'GET',
    path: '/api/illegal-structures/:id',
    summary: 'One structure with measurements, visits, cadres, photos and timeline',
    tag: 'illegal',
    params: Id,
    response: StructureDetail,
  }),
  addMeasurement: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/measurements',
    summary: 'Record a measurement; the area is verified when two people agree within the tolerance',
    tag: 'illegal',
    params: Id,
    body: MeasurementBody,
    response: StructureDetail,
    status: 201,
  }),
  addVisit: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/visits',
    summary: 'Log a door-to-door visit (assigned cadre, or staff in scope)',
    tag: 'illegal',
    params: Id,
    body: VisitBody,
    response: StructureDetail,
    status: 201,
  }),
  recordNotice: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/notice',
    summary: 'Record the notice served (date, deadline)',
    tag: 'illegal',
    params: Id,
    body: NoticeBody,
    response: StructureDetail,
  }),
  recordRemoval: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/removal',
    summary: 'Record the removal, by the owner or by enforcement (legal basis); only once verified',
    tag: 'illegal',
    params: Id,
    body: RemovalBody,
    response: StructureDetail,
  }),
  recordClearing: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/clearing',
    summary: 'Record the site cleared, with a photo of it; only once removed',
    tag: 'illegal',
    params: Id,
    body: ClearingBody,
    response: StructureDetail,
  }),
  uploadStructurePhoto: endpoint({
    method: 'POST',
    path: '/api/illegal-structures/:id/photos',
    summary: 'Attach a photo to a structure (JPEG, PNG or WebP, raw bytes)',
    tag: 'illegal',
    params: Id,
    query: PhotoUploadQuery,
    upload: true,
    response: Photo,
    status: 201,
  }),
  listAssignments: endpoint({
    method: 'GET',
    path: '/api/illegal-assignments',
    summary: 'Cadres assigned to a compound’s buildings, units and households',
    tag: 'illegal',
    query: AssignmentQuery,
    response: z.array(Assignment),
  }),
  createAssignment: endpoint({
    method: 'POST',
    path: '/api/illegal-assignments',
    summary: 'Assign a cadre to a building, stairwell unit or household',
    tag: 'illegal',
    body: CreateAssignmentBody,
    response: Assignment,
    status: 201,
  }),
} as const;
