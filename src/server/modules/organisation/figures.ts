import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { OrganisationFigures } from '../../../contract/organisation.js';
import { cadres, departments, partyBodies, taskForces, units } from '../../db/schema.js';
import type { FiguresInput } from '../stats/figures.js';
import { cadreRule, partyBodyRule } from './access.js';

/**
 * The command structure is the district's; cadres and party bodies are counted in scope. One
 * statement of counts: one round trip, where a query per figure cost one each.
 */
export async function organisationFigures({ db, principal }: FiguresInput): Promise<OrganisationFigures> {
  const n = (table: PgTable, where?: SQL) =>
    sql<number>`(SELECT count(*) FROM ${table}${where ? sql` WHERE ${where}` : sql``})::int`;
  const bodies = (kind: string) =>
    n(partyBodies, and(eq(partyBodies.kind, kind), partyBodyRule(principal, 'read')));
  const [row] = await db
    .select({
      taskForces: n(taskForces),
      departments: n(departments, eq(departments.pooled, true)),
      units: n(units),
      cadres: n(cadres, cadreRule(principal, 'read')),
      tempPartyOrgs: bodies('temp_party_org'),
      commandoTeams: bodies('commando_team'),
      vanguardPosts: bodies('vanguard_post'),
      coBuildingUnits: bodies('co_building_unit'),
    } satisfies Record<keyof OrganisationFigures, SQL<number>>)
    .from(sql`(SELECT 1) AS one`);
  // A select from one row gives one row.
  if (!row) throw new Error('organisation figures: no row');
  return row;
}
