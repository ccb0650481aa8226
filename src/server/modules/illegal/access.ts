/**
 * Who may reach one illegal structure, and so its measurements, visits and photos: the one rule,
 * in SQL. Reading: anyone whose scope holds it (`structureScope`: its region, and for contractors
 * and supervisors its compound, as compounds are reached), and a cadre assigned to its building,
 * stairwell unit or household wherever it sits (a district unit's cadre may be sent to any
 * compound; the assignment names them on it). Changing it (measurements, notices, removal,
 * clearing; the route asks for `illegal.write`) and logging visits (`illegal.visit`): staff with
 * `illegal.write` in scope, and the assigned cadre.
 */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { can, projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, compounds, illegalAssignments, illegalStructures } from '../../db/schema.js';
import { type AccessRule, holds, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';
import { compoundRule } from '../inventory/access.js';

/**
 * The structures a caller's scope holds, for every list, statistic, export and figure: those in
 * their regions; for the roles that reach only the projects they are named on, only those in a
 * compound they reach (the compounds' own rule: a compound of a project they are named on).
 */
export function structureScope(p: Principal): SQL | undefined {
  return and(
    scopeWhere(p, illegalStructures.regionCode),
    projectScoped(p.role)
      ? sql`EXISTS (SELECT 1 FROM ${compounds}
          WHERE ${eq(compounds.id, illegalStructures.compoundId)} AND ${holds(compoundRule(p, 'read'))})`
      : undefined,
  );
}

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
    const scope = structureScope(p);
    return scope === undefined ? undefined : or(scope, assigned);
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
          inScope: holds(structureScope(principal)),
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
