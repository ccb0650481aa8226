/**
 * Who may reach a council or a consultation (and so its stages, codes and answers): those whose
 * scope holds its compound; contractors and supervisors only the consultations of projects they
 * are named on, and no council. What they may change is the route's action (`consultation.write`).
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { consultations, councils } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { scopeAndNamed } from '../projects/access.js';

export const councilRule: AccessRule = (p) =>
  and(scopeWhere(p, councils.regionCode), projectScoped(p.role) ? sql`false` : undefined);

export const consultationRule: AccessRule = (p) =>
  scopeAndNamed(p, consultations.regionCode, consultations.projectId);

type Loader = Pick<Ctx, 'db' | 'principal' | 'actor'>;

/** One council the caller may reach, or 404. */
export async function loadCouncil(ctx: Loader, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'council', id }, intent, councilRule, (access) =>
    db
      .select()
      .from(councils)
      .where(and(eq(councils.id, id), access))
      .limit(1),
  );
}

/** One consultation the caller may reach, or 404. */
export async function loadConsultation(ctx: Loader, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'consultation', id }, intent, consultationRule, (access) =>
    db
      .select()
      .from(consultations)
      .where(and(eq(consultations.id, id), access))
      .limit(1),
  );
}
