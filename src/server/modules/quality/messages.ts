/** The quality area's refusals, in the caller's language. */
import type {
  AcceptanceParty,
  FirmKind,
  Gate,
  GateProblem,
  QualityBlock,
  UseProblem,
} from '../../../domain/quality.js';
import type { Lang } from '../../platform/errors.js';

type Text = Record<Lang, string>;

export const firmKindText: Record<FirmKind, Text> = {
  construction: { 'zh-CN': '施工单位', en: 'construction unit' },
  supervision: { 'zh-CN': '监理单位', en: 'supervising unit' },
  design: { 'zh-CN': '设计单位', en: 'design unit' },
};

export const partyText: Record<AcceptanceParty, Text> = {
  subdistrict: { 'zh-CN': '街道', en: 'subdistrict' },
  community: { 'zh-CN': '社区', en: 'community' },
  owners: { 'zh-CN': '业主代表', en: 'owners’ representatives' },
  design: { 'zh-CN': '设计单位', en: 'design unit' },
  construction: { 'zh-CN': '施工单位', en: 'construction unit' },
  supervision: { 'zh-CN': '监理单位', en: 'supervising unit' },
};

export const gateText: Record<Gate, Text> = {
  process: { 'zh-CN': '全过程质量管理关', en: 'whole-process management' },
  tendering: { 'zh-CN': '施工招标关', en: 'tendering' },
  materials: { 'zh-CN': '主要材料检测关', en: 'main materials' },
  supervision: { 'zh-CN': '现场质量监督关', en: 'on-site supervision' },
  acceptance: { 'zh-CN': '竣工验收关', en: 'completion acceptance' },
};

/** Plain reasons a request is refused, by code. */
export const refusals = {
  bad_credit_code: {
    'zh-CN': '统一社会信用代码校验位不正确',
    en: 'is not a valid unified social credit code',
  },
  credit_code_taken: { 'zh-CN': '该统一社会信用代码已登记', en: 'this credit code is already registered' },
  no_such_login: {
    'zh-CN': '没有该用户，或其角色不是施工/监理',
    en: 'no such contractor or supervisor login',
  },
  login_taken: { 'zh-CN': '该用户已对应其他人员', en: 'this login already acts for someone else' },
  unit_twice: { 'zh-CN': '同一类单位只能指定一家', en: 'one firm per kind' },
  person_not_of_firm: {
    'zh-CN': '该人员不属于所选单位',
    en: 'this person does not belong to the chosen firm',
  },
  not_a_party_of_yours: { 'zh-CN': '您不能代表该方签字', en: 'you do not represent this party' },
  notice_too_late: {
    'zh-CN': '验收日期距告知质量监督机构不足7个工作日',
    en: 'the acceptance is less than 7 working days after the agency was notified',
  },
  not_accepted: {
    'zh-CN': '隐蔽工程未经监理验收，不能覆盖',
    en: 'concealed works may be covered only once accepted',
  },
  already_covered: { 'zh-CN': '已覆盖', en: 'already covered' },
  already_decided: { 'zh-CN': '该申请已有验收结论', en: 'this request has already been decided' },
  photo_required: {
    'zh-CN': '请先上传隐蔽工程现场照片，再作验收结论',
    en: 'attach a photo of the works before deciding',
  },
  already_approved: { 'zh-CN': '该批次已签认使用', en: 'this batch is already approved for use' },
  wrong_state: { 'zh-CN': '整改单当前状态不允许此操作', en: 'the ticket’s state does not allow this' },
  no_evidence: {
    'zh-CN': '尚无整改照片：须至少上传一张整改后的照片（文字说明不能代替），才能提交或销号',
    en: 'no photo of the fix yet: at least one photo is needed (a note alone is not evidence)',
  },
  own_fix: { 'zh-CN': '不能核验自己提交的整改', en: 'nobody verifies their own fix' },
  reason_required: { 'zh-CN': '请写明原因', en: 'a reason is required' },
  remarks_required: { 'zh-CN': '拒签须写明理由', en: 'a refusal needs its reasons' },
  no_construction_unit: { 'zh-CN': '项目尚未指定施工单位', en: 'the project has no construction unit yet' },
  acceptance_exists: {
    'zh-CN': '该项目已组织竣工验收',
    en: 'this project’s acceptance is already organised',
  },
  acceptance_closed: { 'zh-CN': '验收已通过，不能再改', en: 'the acceptance has passed and is closed' },
  not_passed: { 'zh-CN': '验收尚未通过', en: 'the acceptance has not passed' },
} satisfies Record<string, Text>;
export type Refusal = keyof typeof refusals;

/** A refusal for one field, as `AppError` takes it. */
export const refusal = (code: Refusal, lang: Lang) => ({ text: refusals[code][lang] });

/** One gate problem in words. */
export function gateProblemText(p: GateProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p.reason) {
    case 'no_quality_plan':
      return zh ? '未录入质量管理方案' : 'no quality plan';
    case 'no_responsible_people':
      return zh ? '未明确质量责任人' : 'no responsible people named';
    case 'no_zones':
      return zh ? '未完成分区分片分包' : 'no quality zones assigned';
    case 'firm_missing':
      return zh ? `未指定${firmKindText[p.kind][lang]}` : `no ${firmKindText[p.kind][lang]}`;
    case 'no_bid_date':
      return zh ? '未录入中标日期' : 'no bid date';
    case 'no_bid_amount':
      return zh ? '未录入中标金额' : 'no bid amount';
    case 'no_bid_documents':
      return zh ? '未上传招标文件' : 'no tender documents attached';
    case 'no_samples':
      return zh ? '尚无材料取样记录' : 'no material samples';
    case 'samples_short':
      return zh
        ? `${p.material}（批次 ${p.batch}）取样数量不足`
        : `${p.material} (batch ${p.batch}): fewer samples taken than required`;
    case 'results_pending':
      return zh ? `${p.count} 组样品尚无检测结果` : `${p.count} sample(s) without a result`;
    case 'witnessed_share_low':
      return zh
        ? `见证取样 ${p.witnessed}/${p.required}，不足30%`
        : `witnessed samples ${p.witnessed}/${p.required}, under 30%`;
    case 'batch_blocked':
      return zh
        ? `${p.material}（批次 ${p.batch}）检测不合格，该批次禁止使用`
        : `${p.material} (batch ${p.batch}) failed its test and is blocked`;
    case 'report_missing':
      return zh
        ? `${p.material}（批次 ${p.batch}）未上传检测报告`
        : `${p.material} (batch ${p.batch}): the lab report is not attached`;
    case 'batch_not_approved':
      return zh
        ? `${p.material}（批次 ${p.batch}）监理工程师未签认使用`
        : `${p.material} (batch ${p.batch}) not approved for use by the supervising engineer`;
    case 'checks_short':
      return zh
        ? `${p.keyPart}：已抽查 ${p.done} 次，应 ${p.required} 次`
        : `${p.keyPart}: ${p.done} of ${p.required} checks done`;
    case 'concealed_pending':
      return zh ? `${p.count} 项隐蔽工程待验收` : `${p.count} concealed-works request(s) undecided`;
    case 'no_acceptance':
      return zh ? '尚未组织竣工验收' : 'no completion acceptance organised';
    case 'acceptance':
      switch (p.problem.reason) {
        case 'notice_too_late':
          return refusals.notice_too_late[lang];
        case 'party_not_signed':
          return zh
            ? `${partyText[p.problem.party][lang]}未签字`
            : `${partyText[p.problem.party][lang]} has not signed`;
        case 'party_refused':
          return zh
            ? `${partyText[p.problem.party][lang]}拒签`
            : `${partyText[p.problem.party][lang]} refused to sign`;
        case 'tickets_open':
          return zh ? `${p.problem.count} 张整改单未销号` : `${p.problem.count} ticket(s) open`;
      }
      break;
    case 'not_signed':
      return zh ? '条件已具备，尚未签认' : 'ready, not yet signed off';
  }
}

/** One reason the hard acceptance gate holds, named with its gate: "主要材料检测关：…". */
export function qualityBlockText(b: QualityBlock, lang: Lang): string {
  if (b.gate === null)
    return lang === 'zh-CN' ? `${b.problem.count} 张整改单未销号` : `${b.problem.count} ticket(s) open`;
  return `${gateText[b.gate][lang]}${lang === 'zh-CN' ? '：' : ': '}${gateProblemText(b.problem, lang)}`;
}

/** Why a batch's use approval is refused, in words. */
export function useProblemText(p: UseProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p) {
    case 'no_samples':
      return zh ? '该批次没有取样记录' : 'this batch has no samples';
    case 'batch_failed':
      return zh ? '该批次检测不合格，禁止使用' : 'the batch failed its test and may not be used';
    case 'result_pending':
      return zh ? '该批次尚无检测结果' : 'the batch has no test result yet';
    case 'witnessed_share_low':
      return zh ? '该批次见证取样不足30%' : 'under 30% of the batch’s samples were witnessed';
    case 'no_report':
      return zh ? '未上传检测报告' : 'the lab report is not attached';
  }
}
