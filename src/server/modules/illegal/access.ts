/**
 * Who may reach one illegal structure, and so its measurements, visits and photos: the one rule,
 * in SQL. Reading: anyone whose scope holds it, and a cadre assigned to its building, stairwell
 * unit or household wherever it sits (a district unit's cadre may be sent to any compound).
 * Changing it (measurements, notices, removal, clearing; the route asks for `illegal.write`) and
 * logging visits (`illegal.visit`): staff with `illegal.write` in scope, and the assigned cadre.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { can } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, illegalAssignments, illegalStructures } from '../../db/schema.js';
import { type AccessRule, holds, type Intent, requireAccess, scopeOr } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';

/** An assignment of `cadre` (SQL: a cadre id) covers the structure: its building, unit or household. */
export const covers = (cadre: SQL): SQL => sql`EXISTS (SELECT 1 FROM ${illegalAssignments} a
  WHERE a.cadre_id = ${cadre}
    AND a.building_id = ${illegalStructures.buildingId}
    AND (a.level = 'building'
      OR (a.level = 'unit' AND a.unit = ${illegalStructures.unit})
      OR (a.level = 'household' AND a.household_id = ${illegalStructures.householdId})))`;

/** The structure is one `userId`'s cadre is assigned to. */
export const assignedTo = (userId: string): SQL =>
  sql`EXISTS (SELECT 1 FROM ${cadres} WHERE ${cadres.userId} = ${userId} AND ${covers(sql`${cadres.id}`)})`;

export const structureRule: AccessRule = (p: Principal, intent: Intent) => {
  const assigned = assignedTo(p.userId);
  if (intent === 'read' || can(p.role, 'illegal.write')) {
    return scopeOr(p, illegalStructures.regionCode, assigned);
  }
  return assigned;
};

/** One structure the caller may reach with `intent`, and what they may do to it; else 404 (or 403). */
export async function loadStructure(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  const { principal } = ctx;
  const { structure, inScope, assigned } = await requireAccess(
    ctx,
    db,
    { type: 'illegal_structure', id },
    intent,
    structureRule,
    (access) =>
      db
        .select({
          structure: illegalStructures,
          inScope: holds(scopeOr(principal, illegalStructures.regionCode)),
          assigned: sql<boolean>`${assignedTo(principal.userId)}`,
        })
        .from(illegalStructures)
        .where(and(eq(illegalStructures.id, id), access))
        .limit(1),
  );
  const writer = can(principal.role, 'illegal.write') && (inScope || assigned);
  return {
    ...structure,
    canWrite: writer,
    canVisit: can(principal.role, 'illegal.visit') && (writer || assigned),
  };
}
