import { z } from 'zod';
import { limits, PageQuery, pageOf } from './common.js';
import { endpoint } from './endpoint.js';

export const auditOutcomes = ['ok', 'denied', 'failed'] as const;

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  regionCode: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  ip: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListQuery = PageQuery.extend({
  action: z.string().max(limits.search.max).optional(),
  actor: z.string().max(limits.search.max).optional(),
  entityType: z.string().max(limits.search.max).optional(),
  entityId: z.string().max(limits.search.max).optional(),
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
