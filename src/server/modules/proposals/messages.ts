/** The proposals area's refusals, in the caller's language. */
import { AppError, type Lang } from '../../platform/errors.js';

export const refusals = {
  wrong_step: {
    'zh-CN': '提案当前所处环节不允许此操作',
    en: 'the proposal is not at a step that allows this',
  },
  number_taken: {
    'zh-CN': '该届次会议已有此编号的提案',
    en: 'this session already has a proposal with this number',
  },
  unknown_unit: { 'zh-CN': '不是已登记的单位', en: 'is not a registered unit' },
  lead_also_co: { 'zh-CN': '主办单位不能同时为协办单位', en: 'the lead unit cannot also co-handle' },
  not_co_unit: { 'zh-CN': '该单位不是本提案的协办单位', en: 'this unit does not co-handle this proposal' },
  return_too_late: {
    'zh-CN': '交办已超过10日，不能再退回',
    en: 'more than 10 days since assignment: it can no longer be returned',
  },
  reason_required: { 'zh-CN': '延期须说明理由', en: 'an extension needs a reason' },
  not_later: { 'zh-CN': '延期后的期限须晚于当前期限', en: 'must be later than the current deadline' },
  past_six_months: {
    'zh-CN': '延期后的期限不能超过交办之日起6个月',
    en: 'cannot be more than 6 months after assignment',
  },
  no_reply: { 'zh-CN': '尚未起草答复', en: 'no reply has been drafted' },
  reply_signed: {
    'zh-CN': '答复已签发，内容和数据已固定，不能修改',
    en: 'the reply is signed off: its text and figures are frozen',
  },
  grade_not_allowed: { 'zh-CN': '不在设置的办理结果等级中', en: 'is not one of the grades in the settings' },
  grade_required: { 'zh-CN': '签发前须确定办理结果', en: 'a grade is needed before sign-off' },
  number_required: { 'zh-CN': '签发前须填写发文字号', en: 'a document number is needed before sign-off' },
  not_a_member: {
    'zh-CN': '只能登记本提案提出委员的反馈',
    en: 'only feedback of the proposal’s own members can be recorded',
  },
  one_link: {
    'zh-CN': '请关联一个改造项目或一个督办事项（二选一）',
    en: 'link either a project or a ledger item, not both',
  },
  not_b: { 'zh-CN': '只有办理结果为B类的提案可提升为A类', en: 'only a B can be raised to A' },
  a_not_in_list: {
    'zh-CN': '设置的办理结果等级中没有A类',
    en: 'A is not one of the grades in the settings',
  },
  no_commitments: {
    'zh-CN': '答复没有关联承诺事项，无从确认已经解决',
    en: 'the reply has no commitments whose completion would show it solved',
  },
  too_many_commitments: { 'zh-CN': '承诺事项已达上限', en: 'too many commitments' },
  already_linked: {
    'zh-CN': '该项目或督办事项已关联到本提案的承诺',
    en: 'already linked to a commitment of this proposal',
  },
  unreadable: { 'zh-CN': '无法读取', en: 'cannot be read' },
} as const;
export type Refusal = keyof typeof refusals;

/** A 400 naming the field and the reason, in the caller's language. */
export const refuse = (field: string, reason: Refusal, lang: Lang) =>
  new AppError('VALIDATION_FAILED', { [field]: { text: refusals[reason][lang] } });

/** Raising to A refused while commitments are open: each open one named. */
export const openCommitmentsError = (open: string[], lang: Lang) =>
  new AppError('VALIDATION_FAILED', {
    grade: {
      text:
        lang === 'zh-CN'
          ? `尚有承诺事项未完成：${open.join('；')}`
          : `commitments still open: ${open.join('; ')}`,
    },
  });

/** A template or reply with placeholders that cannot be filled, each named. */
export const unknownPlaceholdersError = (field: string, names: string[], lang: Lang) =>
  new AppError('VALIDATION_FAILED', {
    [field]: {
      text:
        lang === 'zh-CN'
          ? `未知的占位符：${names.map((n) => `{{${n}}}`).join('、')}`
          : `unknown placeholders: ${names.map((n) => `{{${n}}}`).join(', ')}`,
    },
  });
