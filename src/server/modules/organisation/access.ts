/**
 * Who may reach one organisation record. Cadres and party bodies sit in a region and are
 * reached within scope; units are district bodies that serve every region, so anyone signed in
 * may look at one and those with `organisation.write` (asked by the route) may change it.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cadres, partyBodies, units } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';

export const cadreRule: AccessRule = (p) => scopeWhere(p, cadres.regionCode);
const unitRule: AccessRule = () => undefined;
export const partyBodyRule: AccessRule = (p) => scopeWhere(p, partyBodies.regionCode);

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
