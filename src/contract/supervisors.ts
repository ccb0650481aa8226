/**
 * Resident supervisors (旧改监督员): the registry, appointments to projects and logins (staff), and
 * a supervisor's own part on a phone: their projects, reports that become rectification tickets,
 * their verdict on each fix, and a remark at the completion acceptance.
 */
import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
import { reporterVerdicts, ticketStatuses } from '../domain/quality.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { QualityPhoto, QualityPhotoQuery } from './quality.js';

export { reporterVerdicts };

const name = text().trim().min(1).max(limits.name.max);
const phone = text().trim().max(limits.phone.max);
const note = (max: number = limits.shortNote.max) => text().trim().max(max);
const Id = z.object({ id: z.uuid() });

export const SupervisorListQuery = PageQuery.extend({
  q: text().max(limits.search.max).optional(),
  region: regionCode.optional(),
  compoundId: z.uuid().optional(),
  /** Those with a login, or without. */
  login: z.enum(['true', 'false']).optional(),
});
export type SupervisorListQuery = z.infer<typeof SupervisorListQuery>;

export const SupervisorProject = z.object({
  id: text(),
  year: z.number().int(),
  status: z.enum(projectStatuses),
  appointedOn: text(),
});
/** A resident supervisor; name and phone masked for roles that do not see owners' personal data. */
export const ResidentSupervisor = z.object({
  id: text(),
  name: text(),
  phone: text().nullable(),
  compoundId: text(),
  compoundName: text(),
  regionCode: text(),
  /** The login that acts for them, by name. */
  username: text().nullable(),
  projects: z.array(SupervisorProject),
  reports: z.number().int(),
  version: z.number().int(),
});
export type ResidentSupervisor = z.infer<typeof ResidentSupervisor>;
export const SupervisorPage = pageOf(ResidentSupervisor);

export const CreateSupervisorBody = z.strictObject({
  name,
  compoundId: z.uuid(),
  phone: phone.nullable().default(null),
});
export type CreateSupervisorBody = z.infer<typeof CreateSupervisorBody>;
export const UpdateSupervisorBody = z.strictObject({
  version: z.number().int(),
  name: name.optional(),
  phone: phone.nullable().optional(),
});
export type UpdateSupervisorBody = z.infer<typeof UpdateSupervisorBody>;
export const AppointBody = z.strictObject({ projectId: z.uuid() });
export const SupervisorLoginBody = z.strictObject({
  username: text()
    .min(limits.username.min)
    .max(limits.username.max)
    .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only'),
});
/** The login made: its password is generated, shown this once, and must be changed at first login. */
export const SupervisorLogin = z.object({
  supervisor: ResidentSupervisor,
  username: text(),
  password: text(),
});

/** A report as the reporter, the project's people and staff see it. */
export const ResidentReport = z.object({
  id: text(),
  ticketId: text(),
  projectId: text(),
  compoundName: text(),
  /** The reporter (masked as personal data is). */
  reporter: text(),
  place: text(),
  buildingId: text().nullable(),
  buildingNumber: text().nullable(),
  description: text(),
  createdAt: text(),
  /** The ticket it became. */
  status: z.enum(ticketStatuses),
  deadline: text(),
  overdue: z.boolean(),
  /** The reporter's verdict on the current fix (none yet, or given on an earlier fix: null). */
  verdict: z.enum(reporterVerdicts).nullable(),
  verdictNote: text(),
  evidenceNote: text().nullable(),
  /** The ticket's version, sent back with a verdict. */
  version: z.number().int(),
  photos: z.array(QualityPhoto),
  evidence: z.array(QualityPhoto),
  events: z.array(z.object({ action: text(), note: text(), by: text(), at: text() })),
});
export type ResidentReport = z.infer<typeof ResidentReport>;

/** A resident supervisor's own page: their projects and their reports. */
export const MySupervision = z.object({
  supervisor: z.object({ id: text(), name: text(), compoundName: text() }),
  projects: z.array(
    z.object({
      id: text(),
      compoundName: text(),
      year: z.number().int(),
      status: z.enum(projectStatuses),
      buildings: z.array(z.object({ id: text(), number: text() })),
      /** The completion acceptance, once organised, and the supervisor's remark on it. */
      acceptance: z
        .object({ acceptanceDate: text(), passedAt: text().nullable(), myRemark: text().nullable() })
        .nullable(),
    }),
  ),
  reports: z.array(ResidentReport),
});
export type MySupervision = z.infer<typeof MySupervision>;

export const ReportBody = z.strictObject({
  /** Where in the compound: "3号楼东侧", "北门停车场". */
  place: text().trim().min(1).max(limits.title.max),
  buildingId: z.uuid().nullable().default(null),
  description: note(limits.progressNote.max).min(1),
});
export type ReportBody = z.infer<typeof ReportBody>;
export const ConfirmBody = z.strictObject({ version: z.number().int(), note: note().default('') });
export const DisputeBody = z.strictObject({ version: z.number().int(), reason: note() });
export const FeedbackBody = z.strictObject({ remark: note().min(1) });

export const supervisorsEndpoints = {
  listSupervisors: endpoint({
    method: 'GET',
    path: '/api/resident-supervisors',
    summary: 'Resident supervisors with their appointments (personal data masked by role)',
    tag: 'supervisors',
    query: SupervisorListQuery,
    response: SupervisorPage,
  }),
  createSupervisor: endpoint({
    method: 'POST',
    path: '/api/resident-supervisors',
    summary: 'Register a resident supervisor of a compound',
    tag: 'supervisors',
    body: CreateSupervisorBody,
    response: ResidentSupervisor,
    status: 201,
  }),
  updateSupervisor: endpoint({
    method: 'PATCH',
    path: '/api/resident-supervisors/:id',
    summary: 'Edit a resident supervisor',
    tag: 'supervisors',
    params: Id,
    body: UpdateSupervisorBody,
    response: ResidentSupervisor,
  }),
  appointSupervisor: endpoint({
    method: 'POST',
    path: '/api/resident-supervisors/:id/appointments',
    summary: 'Appoint a resident supervisor to a project of their compound',
    tag: 'supervisors',
    params: Id,
    body: AppointBody,
    response: ResidentSupervisor,
    status: 201,
  }),
  unappointSupervisor: endpoint({
    method: 'DELETE',
    path: '/api/resident-supervisors/:id/appointments/:projectId',
    summary: 'End a resident supervisor’s appointment to a project (their reports stay)',
    tag: 'supervisors',
    params: z.object({ id: z.uuid(), projectId: z.uuid() }),
    response: ResidentSupervisor,
  }),
  supervisorLogin: endpoint({
    method: 'POST',
    path: '/api/resident-supervisors/:id/login',
    summary: 'Give a resident supervisor a login (generated password, shown once)',
    tag: 'supervisors',
    params: Id,
    body: SupervisorLoginBody,
    response: SupervisorLogin,
    status: 201,
  }),
  mySupervision: endpoint({
    method: 'GET',
    path: '/api/my/supervision',
    summary: 'A resident supervisor’s projects and reports',
    tag: 'supervisors',
    response: MySupervision,
  }),
  reportProblem: endpoint({
    method: 'POST',
    path: '/api/projects/:id/resident-reports',
    summary: 'Report a problem on a project one is appointed to (it becomes a rectification ticket)',
    tag: 'supervisors',
    params: Id,
    body: ReportBody,
    response: ResidentReport,
    status: 201,
  }),
  reportPhoto: endpoint({
    method: 'POST',
    path: '/api/resident-reports/:id/photos',
    summary: 'Add a photo of the problem to one’s report',
    tag: 'supervisors',
    params: Id,
    query: QualityPhotoQuery,
    upload: true,
    response: QualityPhoto,
    status: 201,
  }),
  getReport: endpoint({
    method: 'GET',
    path: '/api/resident-reports/:id',
    summary: 'A resident supervisor’s report and the ticket it became',
    tag: 'supervisors',
    params: Id,
    response: ResidentReport,
  }),
  confirmFix: endpoint({
    method: 'POST',
    path: '/api/resident-reports/:id/confirm',
    summary: 'The reporter confirms the fix (recorded on the ticket)',
    tag: 'supervisors',
    params: Id,
    body: ConfirmBody,
    response: ResidentReport,
  }),
  disputeFix: endpoint({
    method: 'POST',
    path: '/api/resident-reports/:id/dispute',
    summary: 'The reporter disputes the fix with a reason (reopens the ticket)',
    tag: 'supervisors',
    params: Id,
    body: DisputeBody,
    response: ResidentReport,
  }),
  acceptanceFeedback: endpoint({
    method: 'POST',
    path: '/api/projects/:id/acceptance/feedback',
    summary: 'A resident supervisor’s remark on the completion acceptance',
    tag: 'supervisors',
    params: Id,
    body: FeedbackBody,
    response: MySupervision,
  }),
} as const;

/** The supervisors area's part of the summary. */
export const SupervisorFigures = z.object({
  /** Resident supervisors registered in reach (旧改监督员). */
  residentSupervisors: z.number().int(),
});
export type SupervisorFigures = z.infer<typeof SupervisorFigures>;
