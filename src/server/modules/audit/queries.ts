import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AuditEvent, AuditListQuery } from '../../../contract/audit.js';
import { type Action, can } from '../../../domain/access.js';
import { maskRecord } from '../../../domain/masking.js';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { anyRow, contains, paged } from '../../platform/sql.js';

/** Calendar days in filters are the district's own days (China Standard Time). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

type Row = typeof auditEvents.$inferSelect;

/**
 * One event as the caller may see it: the records in its before/after are masked as their own
 * pages mask them (`personalFields`), so the log is no way around masking.
 */
export const presentAuditEvent = (r: Row, may: (action: Action) => boolean): AuditEvent => ({
  seq: r.seq,
  at: r.at.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  regionCode: r.regionCode,
  outcome: r.outcome as AuditEvent['outcome'],
  ip: r.ip,
  before: maskRecord(r.entityType, r.before, may),
  after: maskRecord(r.entityType, r.after, may),
});

/** The filters of the audit list, scope first; shared by the API and the benchmark's bare route. */
export function auditWhere(principal: Pick<Principal, 'prefixes'>, q: AuditListQuery): SQL | undefined {
  return and(
    scopeWhere(principal, auditEvents.regionCode),
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.actor ? contains(auditEvents.actorName, q.actor) : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.outcome ? eq(auditEvents.outcome, q.outcome) : undefined,
    q.from ? gte(auditEvents.at, dayStart(q.from)) : undefined,
    q.to ? lt(auditEvents.at, nextDay(q.to)) : undefined,
  );
}

export async function listAudit(db: Db, principal: Principal, q: AuditListQuery) {
  const where = auditWhere(principal, q);
  const page = await paged(
    db,
    db.select(anyRow).from(auditEvents).where(where),
    (limit, offset) =>
      db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.seq)).limit(limit).offset(offset),
    q,
  );
  const may = (action: Action) => can(principal.role, action);
  return { ...page, items: page.items.map((r) => presentAuditEvent(r, may)) };
}
