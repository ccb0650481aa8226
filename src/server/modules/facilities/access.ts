/**
 * Who may reach one facility, and so its photos: those whose scope holds its region; contractors,
 * supervisors and resident supervisors only the facilities of projects they are named on (as
 * quality records are reached). Changing one needs `facility.write` on top (the route's right).
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { facilities } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { scopeAndNamed } from '../projects/access.js';

export const facilityRule: AccessRule = (p) => scopeAndNamed(p, facilities.regionCode, facilities.projectId);

/** One facility the caller may reach with `intent`, or 404 (403 to change one they may only see). */
export async function loadFacility(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'facility', id }, intent, facilityRule, (access) =>
    db
      .select()
      .from(facilities)
      .where(and(eq(facilities.id, id), access))
      .limit(1),
  );
}
