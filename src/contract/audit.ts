import { z } from 'zod';
import { limits, PageQuery, pageOf, text } from './common.js';
import { endpoint } from './endpoint.js';

export const auditOutcomes = ['ok', 'denied', 'failed'] as const;

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
  action: text().max(limits.search.max).optional(),
  actor: text().max(limits.search.max).optional(),
  entityType: text().max(limits.search.max).optional(),
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
