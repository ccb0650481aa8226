/**
 * Who may reach one organisation record. Cadres and party bodies sit in a region and are
 * reached within scope; units are district bodies that serve every region, so anyone signed in
 * may look at one and those with `organisation.write` (asked by the route) may change it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, partyBodies, projectMembers, projects, units } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { namedOn } from '../projects/access.js';

/** Contractors and supervisors see the cadres who serve their projects: liaison, cadre in charge, work group. */
export const cadreRule: AccessRule = (p) =>
  and(
    scopeWhere(p, cadres.regionCode),
    projectScoped(p.role)
      ? sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${namedOn(p, projects.id)}
          AND (${projects.liaisonCadreId} = ${cadres.id} OR ${projects.cadreInChargeId} = ${cadres.id}
            OR EXISTS (SELECT 1 FROM ${projectMembers} WHERE ${projectMembers.projectId} = ${projects.id}
              AND ${projectMembers.cadreId} = ${cadres.id})))`
      : undefined,
  );
const unitRule: AccessRule = () => undefined;
/** Contractors and supervisors see the party organisations of their projects. */
export const partyBodyRule: AccessRule = (p) =>
  and(scopeWhere(p, partyBodies.regionCode), namedOn(p, partyBodies.projectId));

type Caller = Pick<Ctx, 'db' | 'principal' | 'actor'>;

export async function loadCadre(ctx: Caller, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'cadre', id }, intent, cadreRule, (access) =>
    db
      .select()
      .from(cadres)
      .where(and(eq(cadres.id, id), access))
      .limit(1),
  );
}

export async function loadUnit(ctx: Caller, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'unit', id }, intent, unitRule, (access) =>
    db
      .select()
      .from(units)
      .where(and(eq(units.id, id), access))
      .limit(1),
  );
}
