/** The supervisors area's refusals, in the caller's language. */
import type { Lang } from '../../platform/errors.js';

export const refusals = {
  not_their_compound: {
    'zh-CN': '监督员只能聘任到本小区的项目',
    en: 'a resident supervisor serves the projects of their own compound',
  },
  login_exists: { 'zh-CN': '该监督员已有账号', en: 'this supervisor already has a login' },
  building_not_in_compound: {
    'zh-CN': '该楼栋不属于本项目的小区',
    en: 'the building is not in the project’s compound',
  },
  nothing_to_judge: {
    'zh-CN': '施工单位尚未提交整改证据',
    en: 'the construction unit has not sent a fix yet',
  },
  already_confirmed: { 'zh-CN': '已确认过本次整改', en: 'this fix is already confirmed' },
  reason_required: { 'zh-CN': '请写明有异议的原因', en: 'say why the fix is disputed' },
  no_acceptance: { 'zh-CN': '该项目尚未组织竣工验收', en: 'no completion acceptance has been organised' },
} as const;
export type Refusal = keyof typeof refusals;

/** A refusal for one field, as `AppError` takes it. */
export const refusal = (code: Refusal, lang: Lang) => ({ text: refusals[code][lang] });
