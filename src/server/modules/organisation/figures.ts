import { count, eq } from 'drizzle-orm';
import type { OrganisationFigures } from '../../../contract/organisation.js';
import { cadres, departments, partyBodies, taskForces, units } from '../../db/schema.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { cadreRule, partyBodyRule } from './access.js';

/** The command structure is the district's; cadres and party bodies are counted in scope. */
export async function organisationFigures({ db, principal }: FiguresInput): Promise<OrganisationFigures> {
  const one = async (query: Promise<{ n: number }[]>) => int((await query)[0]?.n);
  const bodies = await db
    .select({ kind: partyBodies.kind, n: count() })
    .from(partyBodies)
    .where(partyBodyRule(principal, 'read'))
    .groupBy(partyBodies.kind);
  const of = (kind: string) => int(bodies.find((b) => b.kind === kind)?.n);
  return {
    taskForces: await one(db.select({ n: count() }).from(taskForces)),
    departments: await one(db.select({ n: count() }).from(departments).where(eq(departments.pooled, true))),
    units: await one(db.select({ n: count() }).from(units)),
    cadres: await one(db.select({ n: count() }).from(cadres).where(cadreRule(principal, 'read'))),
    tempPartyOrgs: of('temp_party_org'),
    commandoTeams: of('commando_team'),
    vanguardPosts: of('vanguard_post'),
    coBuildingUnits: of('co_building_unit'),
  };
}
