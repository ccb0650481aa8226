import { z } from 'zod';
import {
  codeAlphabet,
  codeLength,
  consultationStatuses,
  councilRoles,
  councilSectors,
  stageOutcomes,
  stageRoles,
} from '../domain/consultations.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

/** The lists are the domain's (src/domain/consultations.ts); the contract and its clients take them from here. */
export { consultationStatuses, councilRoles, councilSectors, stageOutcomes, stageRoles };

const day = z.iso.date();
const name = text().trim().min(1).max(limits.name.max);
const note = text().trim().max(limits.progressNote.max);
const Id = z.object({ id: z.uuid() });

/* ---------- councils (旧改议事会) ---------- */

export const CouncilMember = z.object({
  id: text(),
  name: text(),
  sector: z.enum(councilSectors),
  role: z.enum(councilRoles),
  phone: text().nullable(),
});
export type CouncilMember = z.infer<typeof CouncilMember>;

export const CouncilMeeting = z.object({
  id: text(),
  heldOn: text(),
  topic: text(),
  /** Members present (their ids), and how many attended in all (members and others). */
  attendeeIds: z.array(text()),
  attendance: z.number().int(),
  minutes: text(),
});
export type CouncilMeeting = z.infer<typeof CouncilMeeting>;

export const Council = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  name: text(),
  termStart: text(),
  termEnd: text(),
  members: z.array(CouncilMember),
  meetings: z.array(CouncilMeeting),
});
export type Council = z.infer<typeof Council>;

export const CouncilListQuery = z.object({ compoundId: z.uuid() });
export const CreateCouncilBody = z
  .strictObject({ compoundId: z.uuid(), name, termStart: day, termEnd: day })
  .refine((b) => b.termEnd > b.termStart, { path: ['termEnd'], message: 'ends after it starts' });
export type CreateCouncilBody = z.infer<typeof CreateCouncilBody>;
export const CouncilMemberBody = z.strictObject({
  name,
  sector: z.enum(councilSectors),
  role: z.enum(councilRoles),
  phone: text().trim().max(limits.phone.max).optional(),
});
export type CouncilMemberBody = z.infer<typeof CouncilMemberBody>;
export const CouncilMeetingBody = z.strictObject({
  heldOn: day,
  topic: text().trim().min(1).max(limits.title.max),
  attendeeIds: z.array(z.uuid()).max(limits.attendees.max),
  /** Everyone who attended, members and others; at least the members present. */
  attendance: z.number().int().min(1).max(10_000),
  minutes: text().trim().min(1).max(limits.progressNote.max),
});
export type CouncilMeetingBody = z.infer<typeof CouncilMeetingBody>;

/* ---------- consultations (一征三议两公开) ---------- */

export const StageDef = z.strictObject({
  key: text()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(40),
  name,
  role: z.enum(stageRoles),
});
export const StageList = z.strictObject({
  code: text()
    .trim()
    .regex(/^[A-Za-z0-9-]+$/)
    .max(20),
  name,
  stages: z.array(StageDef).min(1).max(12),
});
export type StageList = z.infer<typeof StageList>;

/** The owners' vote a resolution rests on, with its result: each threshold with its numbers. */
export const ResolutionVote = z.object({
  id: text(),
  title: text(),
  /** "whole compound", "3号楼", "3号楼 2单元". */
  scope: z.enum(['compound', 'building', 'unit']),
  buildingNumber: text().nullable(),
  unit: text().nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  passed: z.boolean().nullable(),
  special: z.boolean(),
  /** The result at closing (null until it closed). */
  measures: z
    .object({
      quorumArea: z.object({ text: text(), met: z.boolean() }),
      quorumHeadcount: z.object({ text: text(), met: z.boolean() }),
      approvalArea: z.object({ text: text(), met: z.boolean() }),
      approvalHeadcount: z.object({ text: text(), met: z.boolean() }),
    })
    .nullable(),
});
export type ResolutionVote = z.infer<typeof ResolutionVote>;

export const Stage = z.object({
  key: text(),
  name: text(),
  role: z.enum(stageRoles),
  completedOn: text().nullable(),
  attendance: z.number().int().nullable(),
  minutes: text().nullable(),
  outcome: z.enum(stageOutcomes).nullable(),
  outcomeNote: text().nullable(),
  published: text().nullable(),
  place: text().nullable(),
  /** The owners' vote the resolution rests on, when there was one. */
  voteId: text().nullable(),
  vote: ResolutionVote.nullable(),
  archivedAt: text().nullable(),
});
export type Stage = z.infer<typeof Stage>;

export const Consultation = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  projectId: text().nullable(),
  projectYear: z.number().int().nullable(),
  regionCode: text(),
  title: text(),
  stageListName: text(),
  status: z.enum(consultationStatuses),
  /** The stage now open (its key), or null when done or failed. */
  currentStage: text().nullable(),
  answers: z.number().int(),
  households: z.number().int(),
  openedOn: text(),
});
export type Consultation = z.infer<typeof Consultation>;
export const ConsultationPage = pageOf(Consultation);

export const ConsultationListQuery = PageQuery.extend({
  status: z.enum(consultationStatuses).optional(),
  region: regionCode.optional(),
  compoundId: z.uuid().optional(),
});
export type ConsultationListQuery = z.infer<typeof ConsultationListQuery>;

export const QuestionnaireItem = z.object({ code: text(), name: text(), mandatory: z.boolean() });
export const Questionnaire = z.object({
  intro: text(),
  /** Mandatory items first (shown as such), then the optional items residents may choose. */
  items: z.array(QuestionnaireItem),
  /** Residents may answer: the questionnaire is set and the solicit stage is open. */
  open: z.boolean(),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export const BuildingResult = z.object({
  buildingId: text(),
  number: text(),
  households: z.number().int(),
  answered: z.number().int(),
  assisted: z.number().int(),
  renovateYes: z.number().int(),
  /** Percent of its households, to a tenth; null where none are registered. */
  rate: z.number().nullable(),
});
export const Results = z.object({
  buildings: z.array(BuildingResult),
  total: BuildingResult.omit({ buildingId: true, number: true }),
  /** Households choosing each optional item. */
  items: z.array(z.object({ code: text(), name: text(), chosen: z.number().int() })),
  remarks: z.array(
    z.object({
      building: text(),
      unit: text(),
      room: text(),
      text: text(),
      assisted: z.boolean(),
      corrected: z.boolean(),
    }),
  ),
});
export type Results = z.infer<typeof Results>;

export const ConsultationDetail = Consultation.extend({
  stages: z.array(Stage),
  questionnaire: Questionnaire.nullable(),
  results: Results,
  canWrite: z.boolean(),
});
export type ConsultationDetail = z.infer<typeof ConsultationDetail>;

export const CreateConsultationBody = z.strictObject({
  compoundId: z.uuid(),
  projectId: z.uuid().optional(),
  title: text().trim().min(1).max(limits.title.max),
  /** A stage list of the district's settings; the default 一征三议两公开 when left out. */
  stageList: text().trim().max(20).optional(),
  openedOn: day,
});
export type CreateConsultationBody = z.infer<typeof CreateConsultationBody>;

export const QuestionnaireBody = z.strictObject({
  intro: text().trim().min(1).max(limits.progressNote.max),
  /** Optional catalogue items residents may choose; the mandatory ones are always shown. */
  itemCodes: z.array(text().trim().min(1).max(limits.catalogueCode.max)).max(50),
});
export type QuestionnaireBody = z.infer<typeof QuestionnaireBody>;

const answerFields = {
  renovate: z.boolean(),
  items: z.array(text().trim().min(1).max(limits.catalogueCode.max)).max(50),
  /** Free text: stored and shown as text, never as markup. */
  remarks: text().trim().max(limits.shortNote.max).optional(),
};
export const AssistedAnswerBody = z.strictObject({ householdId: z.uuid(), ...answerFields });
export type AssistedAnswerBody = z.infer<typeof AssistedAnswerBody>;

/** One household's answer, as staff see it (to check and, if entered wrongly, correct it). */
export const Answer = z.object({
  id: text(),
  householdId: text(),
  building: text(),
  unit: text(),
  room: text(),
  renovate: z.boolean(),
  items: z.array(text()),
  remarks: text().nullable(),
  assisted: z.boolean(),
  createdAt: text(),
  /** The last correction, when staff corrected it (every correction is audited). */
  correctionReason: text().nullable(),
  correctedAt: text().nullable(),
  version: z.number().int(),
});
export type Answer = z.infer<typeof Answer>;
export const AnswerPage = pageOf(Answer);
export const AnswerListQuery = PageQuery.extend({
  /** A room, or building/unit/room ("1号楼1单元101"). */
  q: text().max(limits.search.max).optional(),
});
export type AnswerListQuery = z.infer<typeof AnswerListQuery>;

/** Staff correct an assisted answer entered wrongly: the whole answer again, with the reason. */
export const CorrectAnswerBody = z.strictObject({
  version: z.number().int(),
  ...answerFields,
  reason: text().trim().min(2).max(limits.shortNote.max),
});
export type CorrectAnswerBody = z.infer<typeof CorrectAnswerBody>;

export const NoticesBody = z.strictObject({ buildingId: z.uuid() });
export const Notices = z.object({
  compoundName: text(),
  title: text(),
  building: text(),
  /** The link residents open (the path; the page adds the host). */
  path: text(),
  /** Each household without an answer, with its new code (shown once: only its hash is kept). */
  households: z.array(z.object({ householdId: text(), unit: text(), room: text(), code: text() })),
});
export type Notices = z.infer<typeof Notices>;

export const CompleteStageBody = z.strictObject({
  completedOn: day,
  attendance: z.number().int().min(0).max(100_000).optional(),
  minutes: note.optional(),
  outcome: z.enum(stageOutcomes).optional(),
  outcomeNote: text().trim().max(limits.shortNote.max).optional(),
  /** The resolution's owners' vote: closed, of the same compound; its result is the outcome. */
  voteId: z.uuid().optional(),
  published: note.optional(),
  place: text().trim().max(limits.title.max).optional(),
});
export type CompleteStageBody = z.infer<typeof CompleteStageBody>;

/* ---------- the public questionnaire (no login) ---------- */

export const PublicQuestionnaire = z.object({
  compoundName: text(),
  consultationId: text(),
  title: text(),
  intro: text(),
  items: z.array(QuestionnaireItem),
  buildings: z.array(text()),
});
export type PublicQuestionnaire = z.infer<typeof PublicQuestionnaire>;

export const codePattern = new RegExp(`^[${codeAlphabet}]{${codeLength}}$`);
export const PublicAnswerBody = z.strictObject({
  building: text().trim().min(1).max(limits.name.max),
  unit: text().trim().min(1).max(limits.name.max),
  room: text().trim().min(1).max(limits.name.max),
  /** The code printed on the household's notice (spaces, dashes and case ignored). */
  code: text().trim().min(1).max(20),
  ...answerFields,
});
export type PublicAnswerBody = z.infer<typeof PublicAnswerBody>;

export const ConsultationFigures = z.object({
  /** Consultations in scope (any stage). */
  consultations: z.number().int(),
});
export type ConsultationFigures = z.infer<typeof ConsultationFigures>;

const tag = 'consultations';
/** The consultations area's endpoints (councils, consultations, the public questionnaire). */
export const consultationsEndpoints = {
  listCouncils: endpoint({
    method: 'GET',
    path: '/api/councils',
    summary: "A compound's deliberation councils with members and meetings",
    tag,
    query: CouncilListQuery,
    response: z.array(Council),
  }),
  createCouncil: endpoint({
    method: 'POST',
    path: '/api/councils',
    summary: 'Set up a deliberation council for a compound (audited)',
    tag,
    body: CreateCouncilBody,
    response: Council,
    status: 201,
  }),
  addCouncilMember: endpoint({
    method: 'POST',
    path: '/api/councils/:id/members',
    summary: 'Add a member to a council (audited)',
    tag,
    params: Id,
    body: CouncilMemberBody,
    response: Council,
    status: 201,
  }),
  addCouncilMeeting: endpoint({
    method: 'POST',
    path: '/api/councils/:id/meetings',
    summary: 'Record a council meeting: attendance and minutes (audited)',
    tag,
    params: Id,
    body: CouncilMeetingBody,
    response: Council,
    status: 201,
  }),
  listConsultations: endpoint({
    method: 'GET',
    path: '/api/consultations',
    summary: 'Consultations in scope',
    tag,
    query: ConsultationListQuery,
    response: ConsultationPage,
  }),
  createConsultation: endpoint({
    method: 'POST',
    path: '/api/consultations',
    summary: 'Open a consultation for a compound or project with a stage list (audited)',
    tag,
    body: CreateConsultationBody,
    response: ConsultationDetail,
    status: 201,
  }),
  getConsultation: endpoint({
    method: 'GET',
    path: '/api/consultations/:id',
    summary: 'A consultation: stages, questionnaire and live results by building',
    tag,
    params: Id,
    response: ConsultationDetail,
  }),
  setQuestionnaire: endpoint({
    method: 'PUT',
    path: '/api/consultations/:id/questionnaire',
    summary: 'Set the questionnaire (before any answer) and open it to residents (audited)',
    tag,
    params: Id,
    body: QuestionnaireBody,
    response: ConsultationDetail,
  }),
  issueNotices: endpoint({
    method: 'POST',
    path: '/api/consultations/:id/notices',
    summary: "Issue a building's notices: a new code for each household yet to answer (audited)",
    tag,
    params: Id,
    body: NoticesBody,
    response: Notices,
  }),
  addAssistedAnswer: endpoint({
    method: 'POST',
    path: '/api/consultations/:id/answers',
    summary: "Enter a household's answer for it, marked assisted (audited)",
    tag,
    params: Id,
    body: AssistedAnswerBody,
    response: ConsultationDetail,
    status: 201,
  }),
  listAnswers: endpoint({
    method: 'GET',
    path: '/api/consultations/:id/answers',
    summary: "The households' answers (searched by room), with corrections",
    tag,
    params: Id,
    query: AnswerListQuery,
    response: AnswerPage,
  }),
  correctAnswer: endpoint({
    method: 'POST',
    path: '/api/consultations/:id/answers/:answerId/correct',
    summary: 'Correct an assisted answer entered wrongly, with a reason (audited, version-checked)',
    tag,
    params: z.object({ id: z.uuid(), answerId: z.uuid() }),
    body: CorrectAnswerBody,
    response: Answer,
  }),
  completeStage: endpoint({
    method: 'POST',
    path: '/api/consultations/:id/stages/:key',
    summary: 'Complete the open stage: meeting, resolution or disclosure (audited, archived)',
    tag,
    params: z.object({ id: z.uuid(), key: text().max(40) }),
    body: CompleteStageBody,
    response: ConsultationDetail,
  }),
  publicQuestionnaire: endpoint({
    method: 'GET',
    path: '/api/public/consultations/:compoundId',
    summary: "The compound's open questionnaire, for residents (no login)",
    tag,
    params: z.object({ compoundId: z.uuid() }),
    response: PublicQuestionnaire,
  }),
  publicAnswer: endpoint({
    method: 'POST',
    path: '/api/public/consultations/:compoundId/answers',
    summary: "A household's answer with the code from its notice (no login; one per household)",
    tag,
    params: z.object({ compoundId: z.uuid() }),
    body: PublicAnswerBody,
    response: z.object({ ok: z.literal(true) }),
    status: 201,
  }),
} as const;
