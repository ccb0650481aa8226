/** The opinions area's refusals, in the caller's language (the public pages use the Chinese). */
import type { Lang } from '../../platform/errors.js';

export const refusals = {
  challenge_wrong: {
    'zh-CN': '验证题答案不正确，请重新计算',
    en: 'the answer to the check question is wrong',
  },
  challenge_expired: {
    'zh-CN': '验证题已过期，请刷新页面后重新作答',
    en: 'the check question has expired; reload the page and answer the new one',
  },
  challenge_used: {
    'zh-CN': '该验证题已使用过，请刷新页面后重新作答',
    en: 'this check question was already used; reload the page and answer the new one',
  },
  unknown_category: { 'zh-CN': '请从列表中选择意见类别', en: 'choose one of the listed categories' },
  photo_exists: { 'zh-CN': '该意见已附照片', en: 'this opinion already has its photo' },
  photo_too_late: {
    'zh-CN': '只能在提交意见后一小时内补充照片',
    en: 'a photo can be added only within an hour of sending the opinion',
  },
  closed: { 'zh-CN': '该意见已办结', en: 'this opinion is closed' },
  already_turned: {
    'zh-CN': '该意见已转为整改单或督办事项',
    en: 'this opinion has already become a ticket or a ledger item',
  },
  project_not_in_compound: {
    'zh-CN': '该项目不属于该意见所在小区',
    en: 'the project is not in the opinion’s compound',
  },
} as const;
export type Refusal = keyof typeof refusals;

export const refusal = (code: Refusal, lang: Lang) => ({ text: refusals[code][lang] });

/** What a flood of opinions is told (429): in Chinese first, as the public pages speak. */
export const floodMessage = {
  'zh-CN': '提交过于频繁，请稍后再试。为防止恶意刷屏，同一网络和同一小区在一段时间内可提交的意见数量有限。',
  en: 'Too many opinions were sent; try again later. Each network and each compound may send only so many in a while.',
} as const;
