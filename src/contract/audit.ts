import { z } from 'zod';
import { limits, PageQuery, pageOf, text } from './common.js';
import { endpoint } from './endpoint.js';

export const auditOutcomes = ['ok', 'denied', 'failed'] as const;

/**
 * Every action the audit trail records, declared once: the server may write no other (the
 * writer's type), the list filters by them, and the web labels each and offers them in a select.
 */
export const auditActions = [
  'auth.login',
  'auth.logout',
  'auth.password_change',
  'auth.sessions_revoke',
  'access.denied',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password_reset',
  'settings.update',
  'import.compounds',
  'import.buildings',
  'import.households',
  'export.personal',
  'project.create',
  'project.accountability',
  'project.transition',
  'project.items',
  'project.funding',
  'batch.create',
  'catalogue.create',
  'catalogue.update',
  'photo.add',
  'photo.remove',
  'ledger.create',
  'ledger.progress',
  'ledger.close',
  'meeting.create',
  'cadre.create',
  'cadre.update',
  'unit.create',
  'unit.update',
  'first_secretary.set',
  'party_body.create',
  'firm.create',
  'firm.update',
  'firm.person_add',
  'project.units',
  'quality.update',
  'quality.zones',
  'quality.gate_signoff',
  'quality.sample',
  'quality.inspection',
  'concealed.request',
  'concealed.decide',
  'concealed.cover',
  'ticket.open',
  'ticket.evidence',
  'ticket.verify',
  'ticket.reopen',
  'ticket.escalate',
  'acceptance.organise',
  'acceptance.sign',
  'acceptance.file',
  'calendar.update',
  'illegal.create',
  'illegal.measure',
  'illegal.visit',
  'illegal.notice',
  'illegal.remove',
  'illegal.clear',
  'illegal.assign',
  'vote.create',
  'vote.open',
  'vote.close',
  'vote.ballot',
  'vote.correct',
  'seed.demo',
  'seed.catalogue',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** What an audit event is about: a record's type, or the sheet or registry an import or export read. */
export const auditEntityTypes = [
  'user',
  'setting',
  'district',
  'region',
  'compound',
  'owner',
  'household',
  'project',
  'project_batch',
  'catalogue',
  'catalogue_item',
  'ledger_item',
  'meeting',
  'cadre',
  'unit',
  'party_body',
  'photo',
  'firm',
  'material_sample',
  'inspection',
  'concealed_work',
  'ticket',
  'acceptance',
  'calendar',
  'illegal_structure',
  'illegal_assignment',
  'vote',
  'vote_ballot',
  // the sheets imports and exports read (SheetKind), and the registries exported (organisation)
  'compounds',
  'buildings',
  'households',
  'task_forces',
  'departments',
  'units',
  'cadres',
  'first_secretaries',
  'party_bodies',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: text(),
  actorId: text().nullable(),
  actorName: text(),
  action: text(),
  entityType: text().nullable(),
  entityId: text().nullable(),
  regionCode: text().nullable(),
  outcome: z.enum(auditOutcomes),
  ip: text().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListQuery = PageQuery.extend({
  action: z.enum(auditActions).optional(),
  actor: text().max(limits.search.max).optional(),
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: text().max(limits.search.max).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = pageOf(AuditEvent);

/** The audit area's endpoints; `api.ts` assembles every area's list. */
export const auditEndpoints = {
  listAudit: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit events (paged, filtered)',
    tag: 'audit',
    query: AuditListQuery,
    response: AuditPage,
  }),
} as const;
