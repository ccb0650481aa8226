/**
 * A renovation project's lifecycle and the preconditions of each step, as pure rules over the
 * facts of one project. Later areas add their preconditions here (residents' resolution before
 * design, the quality gates before acceptance).
 */
import { type ProjectStatus, projectStatuses } from './inventory.js';
import type { QualityBlock } from './quality.js';

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
  /** What the five gates and open tickets hold against acceptance (`domain/quality.qualityBlocks`). */
  qualityBlocks: QualityBlock[];
  /**
   * One of the project's consultations has its resolution passed and disclosed
   * (`domain/consultations.passedAndDisclosed`): residents decided to renovate, and were told.
   */
  resolutionDisclosed: boolean;
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
  | { reason: 'mandatory_items_missing'; items: string[] }
  | { reason: 'resolution_not_disclosed' }
  | ({ reason: 'quality_gate' } & QualityBlock);

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
 * time; construction needs the accountability pieces, acceptance the mandatory items, every
 * quality gate passed and no rectification ticket open; leaving "consulting residents" needs the
 * residents' resolution passed and disclosed.
 */
export function transitionProblems(from: ProjectStatus, to: ProjectStatus, f: ProjectFacts): Unmet[] {
  if (order(to) !== order(from) + 1) return [{ reason: 'not_next_step', from, to }];
  // 一征三议两公开: residents' resolution, passed and disclosed, before the project leaves consulting.
  if (from === 'consulting' && !f.resolutionDisclosed) return [{ reason: 'resolution_not_disclosed' }];
  if (to === 'under_construction') return accountabilityGaps(f);
  if (to !== 'accepted') return [];
  // The hard gate: every reason at once, so the refusal lists them all.
  const problems: Unmet[] = [];
  if (f.missingMandatoryItems.length > 0)
    problems.push({ reason: 'mandatory_items_missing', items: f.missingMandatoryItems });
  for (const block of f.qualityBlocks) problems.push({ reason: 'quality_gate', ...block });
  return problems;
}

/** A cadre may be assigned to a project inside the area they work for (a district cadre: anywhere in it). */
export function cadreCanServe(cadreRegion: string, projectRegion: string): boolean {
  return projectRegion.startsWith(cadreRegion);
}

export const fundingSources = [
  'central',
  'provincial',
  'city',
  'district',
  'residents',
  'utilities',
  'other',
] as const;
export type FundingSource = (typeof fundingSources)[number];

export const itemCategories = ['basic', 'improvement', 'upgrade'] as const;
export const projectItemStatuses = ['planned', 'in_progress', 'done', 'waived'] as const;
export type ProjectItemStatus = (typeof projectItemStatuses)[number];

/** The renovation catalogue every install starts with (国办发〔2020〕23号); the district's 8 mandatory items flagged. */
export const defaultCatalogue: readonly {
  code: string;
  name: string;
  category: (typeof itemCategories)[number];
  unit: string;
  mandatory: boolean;
}[] = [
  { code: 'sewer', name: '雨污管网改造', category: 'basic', unit: '米', mandatory: true },
  { code: 'road', name: '道路硬化', category: 'basic', unit: '平方米', mandatory: true },
  { code: 'facade', name: '立面整治', category: 'basic', unit: '平方米', mandatory: true },
  { code: 'stairwell', name: '楼道修缮', category: 'basic', unit: '个', mandatory: true },
  { code: 'lighting', name: '照明完善', category: 'improvement', unit: '盏', mandatory: true },
  { code: 'greening', name: '绿化提升', category: 'improvement', unit: '平方米', mandatory: true },
  { code: 'bicycle_shed', name: '车棚整修', category: 'improvement', unit: '个', mandatory: true },
  { code: 'parking', name: '停车规范与增设', category: 'improvement', unit: '个', mandatory: true },
  { code: 'water', name: '供水改造', category: 'basic', unit: '户', mandatory: false },
  { code: 'power', name: '供电改造', category: 'basic', unit: '户', mandatory: false },
  { code: 'gas', name: '燃气改造', category: 'basic', unit: '户', mandatory: false },
  { code: 'heating', name: '供暖改造', category: 'basic', unit: '户', mandatory: false },
  { code: 'fire', name: '消防设施', category: 'basic', unit: '处', mandatory: false },
  { code: 'security', name: '安防设施', category: 'basic', unit: '处', mandatory: false },
  { code: 'waste', name: '垃圾分类设施', category: 'basic', unit: '处', mandatory: false },
  { code: 'overhead_lines', name: '架空线规整', category: 'basic', unit: '米', mandatory: false },
  { code: 'roof', name: '屋面防水', category: 'basic', unit: '平方米', mandatory: false },
  { code: 'lift', name: '加装电梯', category: 'improvement', unit: '部', mandatory: false },
  { code: 'barrier_free', name: '无障碍与适老化设施', category: 'improvement', unit: '处', mandatory: false },
  { code: 'charging', name: '充电设施', category: 'improvement', unit: '个', mandatory: false },
  { code: 'parcel_boxes', name: '智能快件箱', category: 'improvement', unit: '组', mandatory: false },
  { code: 'fitness', name: '健身设施', category: 'improvement', unit: '处', mandatory: false },
  { code: 'property_room', name: '物业用房', category: 'improvement', unit: '平方米', mandatory: false },
  { code: 'pocket_park', name: '口袋公园', category: 'upgrade', unit: '处', mandatory: false },
  { code: 'service_centre', name: '社区综合服务设施', category: 'upgrade', unit: '处', mandatory: false },
  { code: 'elderly_care', name: '居家养老服务站', category: 'upgrade', unit: '处', mandatory: false },
  { code: 'canteen', name: '社区食堂', category: 'upgrade', unit: '处', mandatory: false },
  { code: 'smart_security', name: '智慧安防', category: 'upgrade', unit: '套', mandatory: false },
];

/** Mandatory items neither chosen nor waived with a reason. */
export function missingMandatory(
  mandatoryCodes: readonly string[],
  chosen: readonly { code: string; status: string; waiverReason: string | null }[],
): string[] {
  const covered = new Set(
    chosen.filter((c) => c.status !== 'waived' || (c.waiverReason ?? '').trim() !== '').map((c) => c.code),
  );
  return mandatoryCodes.filter((code) => !covered.has(code));
}
