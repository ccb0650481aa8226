/** Inventory rules: what counts as an old compound, which area counts, the status vocabularies. */

/** The national cut-off: compounds built before 2000 (this district uses 2005; a setting). */
export const nationalOldCutoffYear = 2000;

/** Built before the cut-off year ("2005年以前建成" = build year < 2005). Unknown year: not counted. */
export function isOld(buildYear: number | null, cutoffYear: number): boolean {
  return buildYear !== null && buildYear < cutoffYear;
}

export const propertyManagementKinds = ['professional', 'self', 'none'] as const;
export type PropertyManagement = (typeof propertyManagementKinds)[number];

export const areaBases = ['registered', 'surveyed', 'contract'] as const;
export type AreaBasis = (typeof areaBases)[number];

/** The exclusive area that counts: registered, else surveyed, else contract area. */
export function exclusiveArea(h: {
  areaRegistered: number | null;
  areaSurveyed: number | null;
  areaContract: number | null;
}): { area: number; basis: AreaBasis } | null {
  if (h.areaRegistered !== null) return { area: h.areaRegistered, basis: 'registered' };
  if (h.areaSurveyed !== null) return { area: h.areaSurveyed, basis: 'surveyed' };
  if (h.areaContract !== null) return { area: h.areaContract, basis: 'contract' };
  return null;
}

/** Project lifecycle (the projects area adds the transition rules). */
export const projectStatuses = [
  'planned',
  'consulting',
  'designed',
  'tendered',
  'under_construction',
  'accepted',
  'handed_over',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const compoundStatuses = ['not_planned', 'planned', 'in_progress', 'renovated'] as const;
export type CompoundStatus = (typeof compoundStatuses)[number];

const done: readonly ProjectStatus[] = ['accepted', 'handed_over'];
const building: readonly ProjectStatus[] = ['tendered', 'under_construction'];

/** A compound's renovation status, derived from its projects (never stored). */
export function compoundStatus(projects: readonly ProjectStatus[]): CompoundStatus {
  if (projects.some((s) => done.includes(s))) return 'renovated';
  if (projects.some((s) => building.includes(s))) return 'in_progress';
  if (projects.length > 0) return 'planned';
  return 'not_planned';
}

export const completedProjectStatuses = done;
export const constructionProjectStatuses = building;

/**
 * Split `total` into whole parts proportional to `weights` that add up to `total` exactly
 * (largest remainder). Used to make generated data hit published totals to the unit.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) throw new Error('apportion needs positive weights');
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
