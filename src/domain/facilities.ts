/**
 * Service facilities (配套设施) added or improved in renovated compounds: the editable type list,
 * each type flagged with its indicator group so that figures never depend on names, what a record
 * needs, and which records each headline figure counts.
 */

/**
 * What a facility counts towards: party-mass activity rooms, "safe vegetables" shops cum
 * government-service points, lifts added to stairwell units, elderly-care and childcare facilities
 * (indicators of the national statistical survey of old-compound renovation), and the rest.
 */
export const facilityGroups = [
  'activity_room',
  'service_shop',
  'lift',
  'elderly_care',
  'childcare',
  'other',
] as const;
export type FacilityGroup = (typeof facilityGroups)[number];

/** 新增 (built new) or 改善 (an existing facility improved). */
export const facilityActions = ['added', 'improved'] as const;
export type FacilityAction = (typeof facilityActions)[number];

export interface FacilityType {
  name: string;
  group: FacilityGroup;
}

/** The list every district starts with; the district edits it on the settings page. */
export const defaultFacilityTypes: readonly FacilityType[] = [
  { name: '党群活动室', group: 'activity_room' },
  { name: '居家养老服务站', group: 'elderly_care' },
  { name: '托育点', group: 'childcare' },
  { name: '放心蔬菜示范店暨政务服务代办点', group: 'service_shop' },
  { name: '政务服务代办点', group: 'other' },
  { name: '加装电梯', group: 'lift' },
  { name: '充电桩', group: 'other' },
  { name: '车棚', group: 'other' },
  { name: '口袋公园', group: 'other' },
  { name: '健身器材', group: 'other' },
  { name: '智能快递柜', group: 'other' },
  { name: '无障碍设施', group: 'other' },
  { name: '其他', group: 'other' },
];

/** How many types the list holds. */
export const facilityTypeCount = { min: 1, max: 60 } as const;

export type TypeListProblem = 'duplicate_type' | 'no_types';

/** Why a type list cannot be kept: empty, or a name twice (after trimming). */
export function typeListProblem(types: readonly FacilityType[]): TypeListProblem | null {
  if (types.length === 0) return 'no_types';
  const names = types.map((t) => t.name.trim());
  return new Set(names).size === names.length ? null : 'duplicate_type';
}

/** The facility types by name. */
export const typeNamed = (types: readonly FacilityType[], name: string): FacilityType | undefined =>
  types.find((t) => t.name === name);

/** What a record says, as far as the rules below look at it. */
export interface FacilityInput {
  type: string;
  count: number;
  completedOn: string;
  buildingId?: string | null;
  unit?: string | null;
}

export type FacilityProblem =
  | 'unknown_facility_type'
  | 'not_positive_integer'
  | 'in_future'
  | 'stairwell_needed'
  | 'unit_without_building';

/**
 * Each field that is wrong and why (empty when the record may be kept): the type must be one of
 * the district's list, the count a whole number above zero, the completion not after today, and
 * a lift names the building and stairwell unit it was added to.
 */
export function facilityProblems(
  input: FacilityInput,
  types: readonly FacilityType[],
  today: string,
): Partial<Record<'type' | 'count' | 'completedOn' | 'unit' | 'buildingId', FacilityProblem>> {
  const problems: Partial<Record<'type' | 'count' | 'completedOn' | 'unit' | 'buildingId', FacilityProblem>> =
    {};
  const type = typeNamed(types, input.type);
  if (!type) problems.type = 'unknown_facility_type';
  if (!Number.isInteger(input.count) || input.count <= 0) problems.count = 'not_positive_integer';
  if (input.completedOn > today) problems.completedOn = 'in_future';
  if (input.unit && !input.buildingId) problems.buildingId = 'unit_without_building';
  if (type?.group === 'lift') {
    if (!input.buildingId) problems.buildingId = 'stairwell_needed';
    if (!input.unit) problems.unit = 'stairwell_needed';
  }
  return problems;
}

/**
 * Which records each headline figure sums the counts of. The letter's "新建…党群活动室、居家养老
 * 服务站等71座" and "建成…代办点4处" are built new; lifts are those added; elderly-care and
 * childcare facilities (the survey's indicators) and all facilities count added and improved.
 */
export const facilityFigureRules = {
  activityRooms: { groups: ['activity_room', 'elderly_care'], actions: ['added'] },
  serviceShops: { groups: ['service_shop'], actions: ['added'] },
  facilities: { groups: facilityGroups, actions: facilityActions },
  liftsAdded: { groups: ['lift'], actions: ['added'] },
  elderlyCareFacilities: { groups: ['elderly_care'], actions: facilityActions },
  childcareFacilities: { groups: ['childcare'], actions: facilityActions },
} as const satisfies Record<string, { groups: readonly FacilityGroup[]; actions: readonly FacilityAction[] }>;
export type FacilityFigureName = keyof typeof facilityFigureRules;
export const facilityFigureNames = Object.keys(facilityFigureRules) as FacilityFigureName[];

/** The figures of some records, in memory: what the SQL of the summary computes (a test holds them equal). */
export function tallyFacilities(
  records: readonly { group: FacilityGroup; action: FacilityAction; count: number }[],
): Record<FacilityFigureName, number> {
  const out = Object.fromEntries(facilityFigureNames.map((n) => [n, 0])) as Record<
    FacilityFigureName,
    number
  >;
  for (const r of records) {
    for (const name of facilityFigureNames) {
      const rule: { groups: readonly string[]; actions: readonly string[] } = facilityFigureRules[name];
      if (rule.groups.includes(r.group) && rule.actions.includes(r.action)) out[name] += r.count;
    }
  }
  return out;
}
