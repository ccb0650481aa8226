import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CadreListQuery } from '../../../contract/projects.js';
import type { CadreLevel } from '../../../domain/projects.js';
import type { Db } from '../../db/client.js';
import { cadres, partyBodies, units } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { contains, paged } from '../../platform/sql.js';

/** Cadres in the caller's scope (phones are personal data and not listed). */
export async function listCadres(db: Db, principal: Principal, q: z.infer<typeof CadreListQuery>) {
  const where = and(
    scopeWhere(principal, cadres.regionCode),
    q.level ? eq(cadres.level, q.level) : undefined,
    q.q ? contains(cadres.name, q.q) : undefined,
  );
  const page = await paged(
    () => db.select({ n: count() }).from(cadres).where(where),
    (limit, offset) =>
      db
        .select({
          id: cadres.id,
          name: cadres.name,
          level: cadres.level,
          regionCode: cadres.regionCode,
          unitName: units.name,
        })
        .from(cadres)
        .leftJoin(units, eq(units.id, cadres.unitId))
        .where(where)
        .orderBy(asc(cadres.name), asc(cadres.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: page.items.map((c) => ({ ...c, level: c.level as CadreLevel })) };
}

/** Party bodies in scope; `unassigned` lists those not yet attached to a project. */
export async function listPartyBodies(
  db: Db,
  principal: Principal,
  q: { page: number; pageSize: number; kind?: string; unassigned?: 'true' | 'false' },
) {
  const where = and(
    scopeWhere(principal, partyBodies.regionCode),
    q.kind ? eq(partyBodies.kind, q.kind) : undefined,
    q.unassigned === 'true' ? isNull(partyBodies.projectId) : undefined,
  );
  return paged(
    () => db.select({ n: count() }).from(partyBodies).where(where),
    (limit, offset) =>
      db
        .select({
          id: partyBodies.id,
          kind: partyBodies.kind,
          name: partyBodies.name,
          projectId: partyBodies.projectId,
          regionCode: partyBodies.regionCode,
        })
        .from(partyBodies)
        .where(where)
        .orderBy(asc(partyBodies.kind), asc(partyBodies.name))
        .limit(limit)
        .offset(offset),
    q,
  );
}
