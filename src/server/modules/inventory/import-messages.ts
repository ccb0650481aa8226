import type { Lang } from '../../platform/errors.js';

/** What the inventory import checks beyond each cell's own type: references, duplicates, scope, counts. */
export type ImportReason =
  | 'unknown_subdistrict'
  | 'unknown_community'
  | 'outside_scope'
  | 'unknown_compound'
  | 'ambiguous_compound'
  | 'duplicate_row'
  | 'code_conflict'
  | 'exceeds_building_count'
  | 'wrong_kind'
  // Survey sheets (违建调查表): the register's rules, row by row.
  | 'unknown_type'
  | 'not_in_compound'
  | 'place_incomplete'
  | 'measurer_required'
  | 'area_required'
  | 'before_survey'
  | 'remover_required'
  | 'removal_date_required'
  | 'removed_unverified'
  | 'legal_basis_required';

const text: Record<ImportReason, Record<Lang, (p: Record<string, string | number>) => string>> = {
  unknown_subdistrict: {
    'zh-CN': (p) => `没有名为“${p.value}”的街道（乡）`,
    en: (p) => `there is no subdistrict or township named "${p.value}"`,
  },
  unknown_community: {
    'zh-CN': (p) => `${p.subdistrict}没有名为“${p.value}”的社区`,
    en: (p) => `${p.subdistrict} has no community named "${p.value}"`,
  },
  outside_scope: {
    'zh-CN': (p) => `“${p.value}”不在您的管辖范围内`,
    en: (p) => `"${p.value}" is outside your scope`,
  },
  unknown_compound: {
    'zh-CN': (p) => `找不到小区“${p.value}”，请先导入小区台账，或填写小区编码`,
    en: (p) => `no compound "${p.value}"; import the compound ledger first, or give the compound code`,
  },
  ambiguous_compound: {
    'zh-CN': (p) => `有多个小区名为“${p.value}”，请填写街道（乡）或小区编码`,
    en: (p) => `several compounds are named "${p.value}"; add the subdistrict or the compound code`,
  },
  duplicate_row: {
    'zh-CN': (p) => `与第 ${p.first} 行重复（${p.value}）`,
    en: (p) => `duplicates row ${p.first} (${p.value})`,
  },
  code_conflict: {
    'zh-CN': (p) => `小区编码“${p.value}”已属于另一个小区“${p.other}”`,
    en: (p) => `compound code "${p.value}" already belongs to "${p.other}"`,
  },
  exceeds_building_count: {
    'zh-CN': (p) => `${p.building}登记户数为 ${p.limit}，导入后将有 ${p.count} 户，请核对楼栋台账`,
    en: (p) => `${p.building} is registered with ${p.limit} households; this import would make ${p.count}`,
  },
  unknown_type: {
    'zh-CN': (p) => `“${p.value}”不是登记的违建类型（可选：${p.options}），类型清单可在系统设置中修改`,
    en: (p) => `"${p.value}" is not a listed structure type (${p.options}); the list is kept in the settings`,
  },
  not_in_compound: {
    'zh-CN': (p) => `${p.compound}没有${p.value}，请核对楼栋、单元和房号，或先导入住户台账`,
    en: (p) =>
      `${p.compound} has no ${p.value}; check building, unit and room, or import the household ledger first`,
  },
  place_incomplete: {
    'zh-CN': () => '填写房号时须同时填写楼栋和单元，填写单元时须填写楼栋',
    en: () => 'a room needs its building and unit, and a unit its building',
  },
  measurer_required: {
    'zh-CN': () => '填写了测量面积，须同时填写测量人',
    en: () => 'an area needs the person who measured it',
  },
  area_required: {
    'zh-CN': () => '填写了测量人，须同时填写测量面积',
    en: () => 'a measurer needs the area measured',
  },
  before_survey: {
    'zh-CN': (p) => `日期 ${p.value} 早于调查日期 ${p.survey}`,
    en: (p) => `${p.value} is before the survey on ${p.survey}`,
  },
  remover_required: {
    'zh-CN': () => '填写了拆除日期，须填写拆除方式（自行拆除或依法拆除）',
    en: () => 'a removal date needs how it was removed (by the owner or by enforcement)',
  },
  removal_date_required: {
    'zh-CN': () => '填写了拆除方式，须填写拆除日期',
    en: () => 'a removal needs its date',
  },
  removed_unverified: {
    'zh-CN': (p) =>
      `面积未核定，不能登记为已拆除：须有两名不同测量人的面积相差不超过 ${p.tolerance}%（初测、复测）`,
    en: (p) =>
      `the area is not verified, so it cannot be recorded as removed: two measurements by different people must agree within ${p.tolerance}%`,
  },
  legal_basis_required: {
    'zh-CN': () => '依法拆除须填写法律依据',
    en: () => 'removal by enforcement needs its legal basis',
  },
  wrong_kind: {
    'zh-CN': (p) => `这份表格看起来是${p.kind}台账；请选择“${p.kind}”导入`,
    en: (p) => `this looks like a ${p.kind} sheet; choose ${p.kind}s to import it`,
  },
};

export function importMessage(
  reason: ImportReason,
  params: Record<string, string | number>,
  lang: Lang,
): string {
  return text[reason][lang](params);
}
