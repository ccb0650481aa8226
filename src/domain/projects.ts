/**
 * A renovation project's lifecycle and the preconditions of each step, as pure rules over the
 * facts of one project. Later areas add their preconditions here (residents' resolution before
 * design, the quality gates before acceptance).
 */
import { type ProjectStatus, projectStatuses } from './inventory.js';

export type CadreLevel = 'county' | 'section' | 'other';

/** What the rules need to know about a project. */
export interface ProjectFacts {
  liaisonCadreLevel: CadreLevel | null;
  cadreInChargeLevel: CadreLevel | null;
  hasTempPartyOrg: boolean;
  workGroupSize: number;
  ledgerItems: number;
  /** Mandatory catalogue items neither chosen for the project nor waived with a reason. */
  missingMandatoryItems: string[];
}

export type Unmet =
  | { reason: 'not_next_step'; from: ProjectStatus; to: ProjectStatus }
  | { reason: 'liaison_cadre_missing' }
  | { reason: 'liaison_cadre_not_county_level' }
  | { reason: 'cadre_in_charge_missing' }
  | { reason: 'cadre_in_charge_not_section_level' }
  | { reason: 'temp_party_org_missing' }
  | { reason: 'work_group_empty' }
  | { reason: 'ledger_empty' }
  | { reason: 'mandatory_items_missing'; items: string[] };

/** The five pieces of named accountability a project needs before construction may start. */
export function accountabilityGaps(f: ProjectFacts): Unmet[] {
  const gaps: Unmet[] = [];
  if (f.liaisonCadreLevel === null) gaps.push({ reason: 'liaison_cadre_missing' });
  else if (f.liaisonCadreLevel !== 'county') gaps.push({ reason: 'liaison_cadre_not_county_level' });
  if (f.cadreInChargeLevel === null) gaps.push({ reason: 'cadre_in_charge_missing' });
  else if (f.cadreInChargeLevel !== 'section') gaps.push({ reason: 'cadre_in_charge_not_section_level' });
  if (!f.hasTempPartyOrg) gaps.push({ reason: 'temp_party_org_missing' });
  if (f.workGroupSize === 0) gaps.push({ reason: 'work_group_empty' });
  if (f.ledgerItems === 0) gaps.push({ reason: 'ledger_empty' });
  return gaps;
}

const order = (s: ProjectStatus) => projectStatuses.indexOf(s);

/**
 * Why `from → to` may not happen now; an empty list means it may. Steps go forward one at a
 * time; construction needs the accountability pieces, acceptance the mandatory items.
 */
export function transitionProblems(from: ProjectStatus, to: ProjectStatus, f: ProjectFacts): Unmet[] {
  if (order(to) !== order(from) + 1) return [{ reason: 'not_next_step', from, to }];
  if (to === 'under_construction') return accountabilityGaps(f);
  if (to === 'accepted' && f.missingMandatoryItems.length > 0) {
    return [{ reason: 'mandatory_items_missing', items: f.missingMandatoryItems }];
  }
  return [];
}

/** A cadre may be assigned to a project inside the area they work for (a district cadre: anywhere in it). */
export function cadreCanServe(cadreRegion: string, projectRegion: string): boolean {
  return projectRegion.startsWith(cadreRegion);
}
