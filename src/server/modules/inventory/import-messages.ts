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
  | 'wrong_kind';

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
