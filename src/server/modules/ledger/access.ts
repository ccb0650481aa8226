/**
 * Who may reach one ledger item, and so its progress reports and evidence: the one rule, in SQL.
 * Reading: anyone whose scope holds the item, and the person who answers for it wherever it
 * sits (an item owned by a district unit sits at the district, its leader's scope may be one
 * community). Reporting (progress, evidence): that person, and staff with `ledger.write` whose
 * scope holds the item; the route has already asked for `ledger.report`.
 */
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { can } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, ledgerItems, units } from '../../db/schema.js';
import { type AccessRule, holds, type Intent, requireAccess } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';
import { scopeAndNamed } from '../projects/access.js';

/**
 * The item is `userId`'s: its cadre is theirs, or it is owned by a unit their cadre leads. The
 * same person `withOwners` joins as the one who answers for it.
 */
const answeredBy = (userId: string): SQL => sql`EXISTS (SELECT 1 FROM ${cadres}
  WHERE ${cadres.userId} = ${userId}
    AND (${cadres.id} = ${ledgerItems.ownerCadreId}
      OR ${cadres.id} = (SELECT ${units.leaderCadreId} FROM ${units} WHERE ${units.id} = ${ledgerItems.ownerUnitId})))`;

export const ledgerItemRule: AccessRule = (p: Principal, intent: Intent) => {
  const owner = answeredBy(p.userId);
  if (intent === 'read' || can(p.role, 'ledger.write')) {
    const reach = scopeAndNamed(p, ledgerItems.regionCode, ledgerItems.projectId);
    return reach === undefined ? undefined : or(reach, owner);
  }
  return owner;
};

/** One ledger item the caller may reach with `intent`, and whether they may report on it; else 404 (or 403). */
export async function loadLedgerItem(ctx: Ctx, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  const mayReport = can(ctx.principal.role, 'ledger.report')
    ? holds(ledgerItemRule(ctx.principal, 'write'))
    : sql<boolean>`false`;
  const { item, canReport } = await requireAccess(
    ctx,
    db,
    { type: 'ledger_item', id },
    intent,
    ledgerItemRule,
    (access) =>
      db
        .select({ item: ledgerItems, canReport: mayReport })
        .from(ledgerItems)
        .where(and(eq(ledgerItems.id, id), access))
        .limit(1),
  );
  return { ...item, canReport };
}
