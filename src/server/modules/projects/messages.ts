import type { Unmet } from '../../../domain/projects.js';
import type { Lang } from '../../platform/errors.js';
import { qualityBlockText } from '../quality/messages.js';

const text: Record<Exclude<Unmet['reason'], 'quality_gate'>, Record<Lang, string>> = {
  not_next_step: { 'zh-CN': '只能进入下一阶段', en: 'a project moves one step at a time' },
  liaison_cadre_missing: { 'zh-CN': '未指定联系县级干部', en: 'no county-level liaison cadre' },
  liaison_cadre_not_county_level: {
    'zh-CN': '联系干部须为县级干部',
    en: 'the liaison cadre must be county-level',
  },
  cadre_in_charge_missing: { 'zh-CN': '未指定分包科级干部', en: 'no section-level cadre in charge' },
  cadre_in_charge_not_section_level: {
    'zh-CN': '分包干部须为科级干部',
    en: 'the cadre in charge must be section-level',
  },
  temp_party_org_missing: { 'zh-CN': '未建立临时党组织', en: 'no temporary party organisation' },
  work_group_empty: { 'zh-CN': '工作组尚无成员', en: 'the work group has no members' },
  ledger_empty: { 'zh-CN': '督办台账尚无事项', en: 'the supervision ledger has no items' },
  resolution_not_disclosed: {
    'zh-CN': '居民决议尚未通过并公开（一征三议两公开），不能结束征求意见阶段',
    en: "the residents' resolution is not yet passed and disclosed (一征三议两公开)",
  },
  mandatory_items_missing: {
    'zh-CN': '必改项目未全部纳入（或未写明不改原因）',
    en: 'mandatory items missing (or waived without a reason)',
  },
};

/** Why a project cannot take its next step, in the caller's language. */
export function unmetMessage(u: Unmet, lang: Lang): string {
  if (u.reason === 'quality_gate') return qualityBlockText(u, lang);
  return text[u.reason][lang];
}
