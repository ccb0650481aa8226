/** Engineering quality: firms and a project's three units, and (below) the quality records. */
import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
import {
  acceptanceParties,
  calendarDayKinds,
  concealedStatuses,
  firmKinds,
  gateStatuses,
  gates,
  inspectionKinds,
  sampleResults,
  signatureDecisions,
  ticketSources,
  ticketStatuses,
  zoneKinds,
} from '../domain/quality.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

export { firmKinds };

const name = text().trim().min(1).max(limits.name.max);
const phone = text().trim().max(limits.phone.max);

export const FirmListQuery = PageQuery.extend({
  kind: z.enum(firmKinds).optional(),
  q: text().max(limits.search.max).optional(),
});
export const FirmPerson = z.object({
  id: text(),
  name: text(),
  post: text(),
  phone: text().nullable(),
  /** The login acting for this person, by name. */
  username: text().nullable(),
});
export const Firm = z.object({
  id: text(),
  name: text(),
  creditCode: text(),
  qualification: text(),
  contactName: text().nullable(),
  contactPhone: text().nullable(),
  people: z.array(FirmPerson),
  /** Projects in the caller's reach that name this firm. */
  projects: z.number().int(),
  version: z.number().int(),
});
export type Firm = z.infer<typeof Firm>;
export const FirmPage = pageOf(Firm);

const firmFields = {
  name,
  /** 统一社会信用代码; its check character is verified by the server. */
  creditCode: text().trim().toUpperCase().length(18),
  qualification: text().trim().max(limits.name.max).default(''),
  contactName: name.nullable().default(null),
  contactPhone: phone.nullable().default(null),
};
export const CreateFirmBody = z.strictObject(firmFields);
export type CreateFirmBody = z.infer<typeof CreateFirmBody>;
export const UpdateFirmBody = z.strictObject({
  version: z.number().int(),
  ...z.object(firmFields).partial().shape,
});
export type UpdateFirmBody = z.infer<typeof UpdateFirmBody>;
export const AddFirmPersonBody = z.strictObject({
  name,
  post: text().trim().max(limits.name.max).default(''),
  phone: phone.nullable().default(null),
  /** The login (contractor or supervisor) that acts for this person. */
  username: text().trim().max(limits.username.max).nullable().default(null),
});
export type AddFirmPersonBody = z.infer<typeof AddFirmPersonBody>;
export const FirmId = z.object({ id: z.uuid() });

export const ProjectUnit = z.object({
  kind: z.enum(firmKinds),
  firm: z.object({ id: text(), name: text(), creditCode: text(), qualification: text() }),
  people: z.array(FirmPerson),
});
export const ProjectUnits = z.object({ projectId: text(), units: z.array(ProjectUnit) });
export type ProjectUnits = z.infer<typeof ProjectUnits>;
export const SetProjectUnitsBody = z.strictObject({
  units: z
    .array(
      z.strictObject({
        kind: z.enum(firmKinds),
        firmId: z.uuid(),
        /** People of that firm named on the project. */
        people: z.array(z.uuid()).max(50),
      }),
    )
    .max(firmKinds.length),
});
export type SetProjectUnitsBody = z.infer<typeof SetProjectUnitsBody>;
const ProjectId = z.object({ id: z.uuid() });

/** The quality area's endpoints; `api.ts` assembles every area's list. */
export const qualityEndpoints = {
  listFirms: endpoint({
    method: 'GET',
    path: '/api/firms',
    summary: 'Construction, supervising and design firms with their people',
    tag: 'quality',
    query: FirmListQuery,
    response: FirmPage,
  }),
  createFirm: endpoint({
    method: 'POST',
    path: '/api/firms',
    summary: 'Register a firm (unified social credit code checked)',
    tag: 'quality',
    body: CreateFirmBody,
    response: Firm,
    status: 201,
  }),
  updateFirm: endpoint({
    method: 'PATCH',
    path: '/api/firms/:id',
    summary: 'Edit a firm',
    tag: 'quality',
    params: FirmId,
    body: UpdateFirmBody,
    response: Firm,
  }),
  addFirmPerson: endpoint({
    method: 'POST',
    path: '/api/firms/:id/people',
    summary: 'Add a person to a firm, optionally with the login that acts for them',
    tag: 'quality',
    params: FirmId,
    body: AddFirmPersonBody,
    response: Firm,
    status: 201,
  }),
  projectUnits: endpoint({
    method: 'GET',
    path: '/api/projects/:id/units',
    summary: 'A project’s construction, supervising and design units and their people',
    tag: 'quality',
    params: ProjectId,
    response: ProjectUnits,
  }),
  setProjectUnits: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/units',
    summary: 'Name a project’s three units and the people of each',
    tag: 'quality',
    params: ProjectId,
    body: SetProjectUnitsBody,
    response: ProjectUnits,
  }),
} as const;

// ─── Quality records ─────────────────────────────────────────────────────────────────────────

const note = (max: number = limits.shortNote.max) => text().trim().max(max);
const day = z.iso.date();

export const QualityPhoto = z.object({
  id: text(),
  fileName: text(),
  size: z.number().int(),
  createdAt: text(),
  /** When the camera took it, if the phone said. */
  takenAt: text().nullable(),
});

/** An attached document (a lab report, a bid document): a PDF or an image, downloaded under its name. */
export const QualityFile = z.object({
  id: text(),
  fileName: text(),
  size: z.number().int(),
  contentType: text(),
  createdAt: text(),
});
export type QualityFile = z.infer<typeof QualityFile>;

export const QualityOverview = z.object({
  projectId: text(),
  status: z.enum(projectStatuses),
  gates: z.array(
    z.object({
      gate: z.enum(gates),
      name: text(),
      status: z.enum(gateStatuses),
      problems: z.array(text()),
      signoff: z.object({ evidence: text(), by: text(), at: text() }).nullable(),
    }),
  ),
  plan: z.object({
    qualityPlan: text(),
    responsiblePeople: z.array(text()),
    bidDate: text().nullable(),
    bidAmount: z.number().nullable(),
    /** The tender's documents, as files. */
    bidDocuments: z.array(QualityFile),
    version: z.number().int(),
  }),
  zones: z.array(
    z.object({ id: text(), kind: text(), name: text(), assignee: text(), phone: text().nullable() }),
  ),
  samples: z.array(
    z.object({
      id: text(),
      material: text(),
      batch: text(),
      required: z.number().int(),
      taken: z.number().int(),
      witness: text().nullable(),
      lab: text(),
      result: z.enum(sampleResults),
      /** The lab report's number (报告编号). */
      report: text().nullable(),
      /** The lab report itself: files attached. */
      files: z.array(QualityFile),
      createdAt: text(),
    }),
  ),
  /** Each batch sampled, its latest result and its use approval (材料使用签认). */
  batches: z.array(
    z.object({
      material: text(),
      batch: text(),
      result: z.enum(sampleResults),
      approval: z.object({ by: text(), at: text() }).nullable(),
      /** Why it may not be approved now, in words (empty: it may). */
      problems: z.array(text()),
    }),
  ),
  /** Whether the caller is the project's supervising engineer: decides concealed works, approves batches. */
  supervisingEngineer: z.boolean(),
  witnessed: z.object({ witnessed: z.number().int(), required: z.number().int(), enough: z.boolean() }),
  checksAgainstRequired: z.array(
    z.object({ keyPart: text(), required: z.number().int(), done: z.number().int() }),
  ),
  inspections: z.array(
    z.object({
      id: text(),
      kind: z.enum(inspectionKinds),
      checkedOn: text(),
      keyPart: text(),
      measurements: text(),
      findings: text(),
      inspector: text(),
      photos: z.array(QualityPhoto),
    }),
  ),
  concealedWorks: z.array(
    z.object({
      id: text(),
      part: text(),
      location: text(),
      description: text(),
      status: z.enum(concealedStatuses),
      requestedAt: text(),
      decidedAt: text().nullable(),
      decisionNote: text().nullable(),
      coveredAt: text().nullable(),
      version: z.number().int(),
      photos: z.array(QualityPhoto),
    }),
  ),
  tickets: z.array(
    z.object({
      id: text(),
      source: z.enum(ticketSources),
      title: text(),
      deadline: text(),
      status: z.enum(ticketStatuses),
      overdue: z.boolean(),
      evidenceNote: text().nullable(),
      /** Became a supervision-ledger item when overdue. */
      escalated: z.boolean(),
      /** False where the caller sent the latest evidence: nobody verifies their own fix. */
      canVerify: z.boolean(),
      version: z.number().int(),
      photos: z.array(QualityPhoto),
      events: z.array(z.object({ action: text(), note: text(), by: text(), at: text() })),
    }),
  ),
  acceptance: z
    .object({
      noticeDate: text(),
      acceptanceDate: text(),
      /** The seventh working day after the notice. */
      earliest: text(),
      agency: text(),
      passedAt: text().nullable(),
      filedOn: text().nullable(),
      signatures: z.array(
        z.object({
          party: z.enum(acceptanceParties),
          decision: z.enum(signatureDecisions),
          remarks: text(),
          by: text(),
          at: text(),
        }),
      ),
      /** Resident supervisors' remarks on the acceptance (names masked by role). */
      residentRemarks: z.array(z.object({ by: text(), remark: text(), at: text() })),
    })
    .nullable(),
  /** The earliest acceptance day if the agency were notified today. */
  earliestAcceptance: text(),
  /** Every reason the project may not reach "accepted" as far as quality goes, in words. */
  acceptanceBlocks: z.array(text()),
  /** The acceptance parties the caller may sign for on this project (none without \`quality.sign\`). */
  yourParties: z.array(z.enum(acceptanceParties)),
});
export type QualityOverview = z.infer<typeof QualityOverview>;

export const QualityPlanBody = z.strictObject({
  version: z.number().int(),
  qualityPlan: note(limits.progressNote.max),
  responsiblePeople: z.array(text().trim().min(1).max(limits.name.max)).max(50),
  bidDate: day.nullable(),
  bidAmount: z.number().min(0).max(1e9).nullable(),
});
export type QualityPlanBody = z.infer<typeof QualityPlanBody>;
export const ZonesBody = z.strictObject({
  zones: z
    .array(
      z.strictObject({
        kind: z.enum(zoneKinds),
        name: text().trim().min(1).max(limits.name.max),
        assignee: text().trim().min(1).max(limits.name.max),
        phone: text().trim().max(limits.phone.max).nullable().default(null),
      }),
    )
    .max(200),
});
export type ZonesBody = z.infer<typeof ZonesBody>;
export const SignOffBody = z.strictObject({ evidence: note().min(1) });
export const GateParams = z.object({ id: z.uuid(), gate: z.enum(gates) });
export const SampleBody = z.strictObject({
  material: text().trim().min(1).max(limits.name.max),
  batch: text().trim().min(1).max(limits.name.max),
  required: z.number().int().min(1).max(10_000),
  taken: z.number().int().min(0).max(10_000),
  witness: text().trim().min(1).max(limits.name.max).nullable(),
  lab: text().trim().min(1).max(limits.name.max),
  result: z.enum(sampleResults),
  report: note().nullable().default(null),
});
export type SampleBody = z.infer<typeof SampleBody>;
const TicketOrder = z.strictObject({ title: text().trim().min(1).max(limits.title.max), deadline: day });
export const InspectionBody = z.strictObject({
  kind: z.enum(inspectionKinds),
  checkedOn: day,
  keyPart: text().trim().min(1).max(limits.name.max),
  measurements: note().default(''),
  findings: note(limits.progressNote.max).default(''),
  /** A finding that needs fixing: a ticket to the construction unit. */
  ticket: TicketOrder.nullable().default(null),
});
export type InspectionBody = z.infer<typeof InspectionBody>;
export const ConcealedRequestBody = z.strictObject({
  part: text().trim().min(1).max(limits.name.max),
  location: text().trim().min(1).max(limits.title.max),
  description: note().default(''),
});
export type ConcealedRequestBody = z.infer<typeof ConcealedRequestBody>;
export const ConcealedDecisionBody = z.strictObject({
  version: z.number().int(),
  decision: z.enum(['accepted', 'rejected']),
  note: note().default(''),
  /** A rejection opens a ticket with this deadline. */
  deadline: day.nullable().default(null),
});
export type ConcealedDecisionBody = z.infer<typeof ConcealedDecisionBody>;
export const VersionBody = z.strictObject({ version: z.number().int() });
export const BatchApprovalBody = z.strictObject({
  material: text().trim().min(1).max(limits.name.max),
  batch: text().trim().min(1).max(limits.name.max),
});
export type BatchApprovalBody = z.infer<typeof BatchApprovalBody>;
export const TicketBody = TicketOrder;
export const EvidenceBody = z.strictObject({ version: z.number().int(), note: note().default('') });
export const ReopenBody = z.strictObject({ version: z.number().int(), reason: note() });
export const AcceptanceBody = z.strictObject({
  noticeDate: day,
  acceptanceDate: day,
  agency: text().trim().min(1).max(limits.name.max),
});
export type AcceptanceBody = z.infer<typeof AcceptanceBody>;
export const SignatureBody = z.strictObject({
  party: z.enum(acceptanceParties),
  decision: z.enum(signatureDecisions),
  remarks: note().default(''),
});
export type SignatureBody = z.infer<typeof SignatureBody>;
export const FilingBody = z.strictObject({ filedOn: day });
export const RecordId = z.object({ id: z.uuid() });
export const QualityPhotoQuery = z.object({
  fileName: text().trim().min(1).max(200),
  /** The file's own time (ISO), which the phone's camera gave it. */
  takenAt: z.iso.datetime({ offset: true }).optional(),
});
export const CalendarDay = z.object({ date: text(), kind: z.enum(calendarDayKinds), name: text() });
export const CalendarList = z.object({ days: z.array(CalendarDay) });
export const CalendarBody = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: day,
        kind: z.enum(calendarDayKinds),
        name: text().trim().min(1).max(limits.name.max),
      }),
    )
    .max(400),
});

const photoUpload = (path: string, summary: string) =>
  endpoint({
    method: 'POST',
    path,
    summary,
    tag: 'quality',
    params: RecordId,
    query: QualityPhotoQuery,
    upload: true,
    response: QualityPhoto,
    status: 201,
  });
const documentUpload = (path: string, summary: string) =>
  endpoint({
    method: 'POST',
    path,
    summary,
    tag: 'quality',
    params: RecordId,
    query: z.object({ fileName: text().trim().min(1).max(200) }),
    upload: true,
    response: QualityFile,
    status: 201,
  });
const post = <P extends z.ZodObject, B extends z.ZodType>(
  path: string,
  summary: string,
  params: P,
  body: B,
) => endpoint({ method: 'POST', path, summary, tag: 'quality', params, body, response: QualityOverview });

/** The quality records' endpoints: each answers with the project's quality as it now stands. */
export const qualityRecordEndpoints = {
  projectQuality: endpoint({
    method: 'GET',
    path: '/api/projects/:id/quality',
    summary: 'A project’s five gates, zoning, samples, checks, concealed works, tickets and acceptance',
    tag: 'quality',
    params: ProjectId,
    response: QualityOverview,
  }),
  setQualityPlan: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/quality/plan',
    summary: 'Quality plan, responsible people and tender (gates 1 and 2)',
    tag: 'quality',
    params: ProjectId,
    body: QualityPlanBody,
    response: QualityOverview,
  }),
  setQualityZones: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/quality/zones',
    summary: 'Quality zoning: who tracks which building, area or item',
    tag: 'quality',
    params: ProjectId,
    body: ZonesBody,
    response: QualityOverview,
  }),
  signOffGate: post(
    '/api/projects/:id/quality/gates/:gate/signoff',
    'Sign a gate off (its conditions must hold)',
    GateParams,
    SignOffBody,
  ),
  addSample: post(
    '/api/projects/:id/samples',
    'Record a material sample and its result',
    ProjectId,
    SampleBody,
  ),
  sampleReport: documentUpload(
    '/api/samples/:id/reports',
    'Attach a sample’s lab report (PDF, JPEG, PNG or WebP, raw bytes)',
  ),
  approveBatch: post(
    '/api/projects/:id/batch-approvals',
    'The supervising engineer approves a batch of a material for use',
    ProjectId,
    BatchApprovalBody,
  ),
  bidDocument: documentUpload(
    '/api/projects/:id/quality/bid-documents',
    'Attach one of the tender’s documents (PDF, JPEG, PNG or WebP, raw bytes)',
  ),
  addInspection: post(
    '/api/projects/:id/inspections',
    'Record an inspection or spot check (a finding may open a ticket)',
    ProjectId,
    InspectionBody,
  ),
  inspectionPhoto: photoUpload('/api/inspections/:id/photos', 'Add a photo to an inspection'),
  requestConcealed: post(
    '/api/projects/:id/concealed-works',
    'Ask the supervising engineer to accept concealed works',
    ProjectId,
    ConcealedRequestBody,
  ),
  concealedPhoto: photoUpload('/api/concealed-works/:id/photos', 'Add a photo to a concealed-works request'),
  decideConcealed: post(
    '/api/concealed-works/:id/decision',
    'Accept or reject concealed works (a rejection opens a ticket)',
    RecordId,
    ConcealedDecisionBody,
  ),
  coverConcealed: post(
    '/api/concealed-works/:id/cover',
    'Mark accepted concealed works as covered',
    RecordId,
    VersionBody,
  ),
  openTicket: post(
    '/api/projects/:id/tickets',
    'Open a rectification ticket to the construction unit',
    ProjectId,
    TicketBody,
  ),
  ticketPhoto: photoUpload('/api/tickets/:id/photos', 'Add an evidence photo to a ticket'),
  ticketEvidence: post(
    '/api/tickets/:id/evidence',
    'Send the ticket’s evidence (a photo or a note)',
    RecordId,
    EvidenceBody,
  ),
  verifyTicket: post('/api/tickets/:id/verify', 'Verify a fix (not one’s own)', RecordId, VersionBody),
  reopenTicket: post('/api/tickets/:id/reopen', 'Reopen a ticket with the reason', RecordId, ReopenBody),
  organiseAcceptance: post(
    '/api/projects/:id/acceptance',
    'Organise the completion acceptance (7 working days’ notice)',
    ProjectId,
    AcceptanceBody,
  ),
  signAcceptance: post(
    '/api/projects/:id/acceptance/signatures',
    'Sign or refuse for the party one represents',
    ProjectId,
    SignatureBody,
  ),
  fileAcceptance: post(
    '/api/projects/:id/acceptance/filing',
    'Record the filing of a passed acceptance',
    ProjectId,
    FilingBody,
  ),
  workingCalendar: endpoint({
    method: 'GET',
    path: '/api/quality/calendar',
    summary: 'Public holidays and make-up working days',
    tag: 'quality',
    response: CalendarList,
  }),
  setWorkingCalendar: endpoint({
    method: 'PUT',
    path: '/api/quality/calendar',
    summary: 'Replace the days of the years listed (audited)',
    tag: 'quality',
    body: CalendarBody,
    response: CalendarList,
  }),
} as const;

/** The quality area's part of the summary. */
export const QualityFigures = z.object({
  /** Projects in reach that reached "accepted" (or were handed over) in a year of the period. */
  acceptedProjects: z.number().int(),
  /** Rectification tickets not yet verified. */
  openTickets: z.number().int(),
  /** Of those, the ones past their deadline with the contractor's answer still owed. */
  overdueTickets: z.number().int(),
});
export type QualityFigures = z.infer<typeof QualityFigures>;

// ─── Quality board ───────────────────────────────────────────────────────────────────────────

export const boardGroupings = ['project', 'subdistrict'] as const;
export const QualityBoardQuery = z.object({
  groupBy: z.enum(boardGroupings).default('project'),
  /** Projects in this region (a subdistrict's or community's code). */
  region: regionCode.optional(),
  /** Projects of this programme year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type QualityBoardQuery = z.infer<typeof QualityBoardQuery>;

const BoardFigures = z.object({
  projects: z.number().int(),
  /** Projects whose five gates have all passed. */
  allGatesPassed: z.number().int(),
  /** Gates passed, of projects × 5. */
  gatesPassed: z.number().int(),
  /** Inspections and spot checks of the key parts done, and the number the frequencies require. */
  checksDone: z.number().int(),
  checksRequired: z.number().int(),
  openTickets: z.number().int(),
  overdueTickets: z.number().int(),
  /** Material samples with a result, and those that passed. */
  samplesTested: z.number().int(),
  samplesPassed: z.number().int(),
  /** Percent of tested samples that passed, one decimal (null: none tested yet). */
  passRate: z.number().nullable(),
  /** Acceptances organised and not yet passed. */
  acceptancesPending: z.number().int(),
});
export const QualityBoardRow = BoardFigures.extend({
  /** The project's id, or the subdistrict's code. */
  key: text(),
  /** The compound's name, or the subdistrict's. */
  name: text(),
  /** The subdistrict's name (project rows) or code. */
  subdistrict: text(),
  year: z.number().int().nullable(),
  status: z.enum(projectStatuses).nullable(),
  /** Each gate's status (project rows; empty for subdistricts). */
  gates: z.array(z.object({ gate: z.enum(gates), status: z.enum(gateStatuses) })),
});
export type QualityBoardRow = z.infer<typeof QualityBoardRow>;
export const QualityBoard = z.object({ rows: z.array(QualityBoardRow), total: BoardFigures });
export type QualityBoard = z.infer<typeof QualityBoard>;

export const qualityBoardEndpoints = {
  qualityBoard: endpoint({
    method: 'GET',
    path: '/api/quality/board',
    summary:
      'Gates, checks against required, tickets, material pass rate and pending acceptances, by project or subdistrict',
    tag: 'quality',
    query: QualityBoardQuery,
    response: QualityBoard,
  }),
  qualityBoardExport: endpoint({
    method: 'GET',
    path: '/api/quality/board/export',
    summary: 'The quality board as a sheet (xlsx)',
    tag: 'quality',
    query: QualityBoardQuery,
    response: z.unknown(),
    download: true,
  }),
} as const;
