import type { ErrorCode } from '../../contract/common.js';

export type Lang = 'zh-CN' | 'en';

const status: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_JSON: 400,
  INVALID_ENCODING: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const messages: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的内容有误，请按提示修改',
    en: 'Some fields are not valid; correct them and try again',
  },
  BAD_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  INVALID_ENCODING: { 'zh-CN': '请求内容不是有效的 UTF-8 文本', en: 'The request body is not valid UTF-8' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持的内容类型，请以 JSON 提交',
    en: 'Unsupported content type; send JSON',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please log in first' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed logins; the account is locked for a while, try again later',
  },
  CSRF_INVALID: {
    'zh-CN': '页面已失效，请刷新后重试',
    en: 'This page is out of date; reload it and try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '请先修改初始密码，再继续使用',
    en: 'Change the password you were given before going on',
  },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '找不到该记录，或您无权查看', en: 'Not found, or not visible to you' },
  CONFLICT: {
    'zh-CN': '该记录已被他人修改，请刷新后重新编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; wait a moment and try again' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请稍后再试或联系管理员',
    en: 'Internal error; try again later or contact the administrator',
  },
};

/** Field-level reasons the services raise themselves (validation reasons come from zod's locales). */
const fieldMessages = {
  taken: { 'zh-CN': '已被占用', en: 'is already taken' },
  too_short: { 'zh-CN': '密码至少 10 个字符', en: 'must be at least 10 characters' },
  too_long: { 'zh-CN': '密码过长', en: 'is too long' },
  common: { 'zh-CN': '密码过于常见，请换一个', en: 'is a common password; choose another' },
  wrong_password: { 'zh-CN': '当前密码不正确', en: 'is not your current password' },
  same_password: { 'zh-CN': '新密码不能与当前密码相同', en: 'must differ from the current password' },
  contains_username: { 'zh-CN': '密码不能包含用户名', en: 'must not contain the username' },
  weak: {
    'zh-CN': '密码太容易被猜中（如重复字符、键盘顺序、常见词加数字），请换一个更长、更随机的',
    en: 'is too easy to guess (repeated characters, keyboard runs, a common word with digits); choose a longer, less predictable one',
  },
  scope_required: { 'zh-CN': '该角色必须指定管辖范围', en: 'this role needs a scope' },
  scope_not_allowed: {
    'zh-CN': '该角色为全区范围，不能指定管辖范围',
    en: 'this role is district-wide and takes no scope',
  },
  unknown_region: {
    'zh-CN': '包含不存在或不在您范围内的区域',
    en: 'contains a region that does not exist or is outside your scope',
  },
  too_complex: {
    'zh-CN': '提交的内容字段过多或嵌套过深',
    en: 'has too many fields or is nested too deeply',
  },
  bad_text: {
    'zh-CN': '包含空字符（NUL）或无效的 Unicode 字符',
    en: 'contains a NUL character or invalid Unicode',
  },
  unknown_field: { 'zh-CN': '不是可接受的字段', en: 'is not a field this request accepts' },
  empty_file: { 'zh-CN': '文件为空', en: 'the file is empty' },
  deadline_past: { 'zh-CN': '完成时限不能早于今天', en: 'the deadline cannot be before today' },
  cadre_outside_scope: {
    'zh-CN': '该干部不在您的管辖范围内，或不能负责该项目',
    en: 'this cadre is outside your scope or cannot serve this project',
  },
  one_owner: {
    'zh-CN': '请指定一名责任人或一个责任单位（二选一）',
    en: 'name either a cadre or a unit as the owner, not both',
  },
  not_found: { 'zh-CN': '不存在', en: 'does not exist' },
  not_an_image: { 'zh-CN': '不是 JPEG、PNG 或 WebP 图片', en: 'is not a JPEG, PNG or WebP image' },
  not_a_document: {
    'zh-CN': '不是 PDF 文件或 JPEG、PNG、WebP 图片',
    en: 'is not a PDF, or a JPEG, PNG or WebP image',
  },
  superior_cycle: {
    'zh-CN': '上级关系会形成循环',
    en: 'would make the chain of superiors a loop',
  },
  not_county_level: { 'zh-CN': '须为县级干部', en: 'must be a county-level cadre' },
  item_retired: { 'zh-CN': '该改造内容已停用', en: 'this catalogue item is retired' },
  not_in_compound: { 'zh-CN': '不属于该小区', en: 'is not in this compound' },
  not_in_building: { 'zh-CN': '不属于该楼栋', en: 'is not in this building' },
  unknown_type: { 'zh-CN': '不是已设置的违建类型', en: 'is not one of the structure types in the settings' },
  in_future: { 'zh-CN': '日期不能晚于今天', en: 'the date cannot be after today' },
  not_verified: {
    'zh-CN': '面积尚未核定（需两人独立测量且差异在允许范围内），不能拆除或下达通知',
    en: 'the area is not verified yet (two independent measurements within the tolerance)',
  },
  already_removed: { 'zh-CN': '该违建已拆除', en: 'the structure is already removed' },
  not_removed: { 'zh-CN': '尚未拆除，不能记录清理', en: 'not removed yet, so it cannot be cleared' },
  already_cleared: { 'zh-CN': '现场已清理', en: 'the site is already cleared' },
  before_survey: { 'zh-CN': '日期不能早于摸排日期', en: 'the date cannot be before the survey' },
  before_notice: { 'zh-CN': '拆除日期不能早于通知日期', en: 'the removal cannot be before the notice' },
  before_removal: { 'zh-CN': '清理日期不能早于拆除日期', en: 'the clearing cannot be before the removal' },
  deadline_before_notice: { 'zh-CN': '期限不能早于通知日期', en: 'the deadline cannot be before the notice' },
  legal_basis_required: {
    'zh-CN': '依法拆除须写明法律依据',
    en: 'a removal by enforcement needs its legal basis',
  },
  no_cadre: {
    'zh-CN': '您的账号未关联干部，请选择走访干部',
    en: 'your login is not linked to a cadre; choose the visiting cadre',
  },
  not_in_register: {
    'zh-CN': '该户不在本小区的住户登记中',
    en: 'this household is not in the compound’s register',
  },
  wrong_code: {
    'zh-CN': '住户码不正确，请核对入户通知上的住户码',
    en: 'the code is wrong; check the one on your notice',
  },
  already_answered: {
    'zh-CN': '该户已提交过答复，每户只能答复一次；如需更正请联系社区',
    en: 'this household has already answered (one answer per household); ask the community to correct it',
  },
  questionnaire_closed: { 'zh-CN': '问卷未开放或已结束', en: 'the questionnaire is not open' },
  questionnaire_answered: {
    'zh-CN': '已有住户答复，问卷不能再修改',
    en: 'households have answered; the questionnaire can no longer change',
  },
  no_solicit_stage: { 'zh-CN': '该流程没有征求意见环节', en: 'this workflow has no solicit stage' },
  unknown_item: { 'zh-CN': '不是问卷中的改造内容', en: 'is not an item of the questionnaire' },
  unknown_stage_list: {
    'zh-CN': '不是已设置的议事流程',
    en: 'is not one of the stage lists in the settings',
  },
  not_a_member: { 'zh-CN': '不是该议事会的成员', en: 'is not a member of this council' },
  attendance_below_members: {
    'zh-CN': '到会人数不能少于到会成员数',
    en: 'the attendance cannot be below the members present',
  },
  project_not_in_compound: { 'zh-CN': '该项目不属于该小区', en: 'this project is not in the compound' },
  unknown_stage: { 'zh-CN': '该流程没有这个环节', en: 'this workflow has no such stage' },
  already_completed: { 'zh-CN': '该环节已完成', en: 'this stage is already complete' },
  earlier_stage_open: {
    'zh-CN': '须按顺序进行：前一环节尚未完成',
    en: 'stages complete in order: an earlier stage is still open',
  },
  consultation_failed: {
    'zh-CN': '此前环节未通过，流程已终止',
    en: 'an earlier stage did not pass; the consultation has ended',
  },
  before_earlier_stage: {
    'zh-CN': '日期不能早于前一环节',
    en: 'the date cannot be before the previous stage',
  },
  attendance_needed: { 'zh-CN': '请填写到会人数', en: 'give the attendance' },
  minutes_needed: { 'zh-CN': '请填写会议纪要', en: 'give the minutes' },
  outcome_needed: { 'zh-CN': '请选择通过或未通过', en: 'say whether it passed' },
  published_needed: { 'zh-CN': '请填写公开内容', en: 'say what was published' },
  place_needed: { 'zh-CN': '请填写公开地点或渠道', en: 'say where it was published' },
  no_answers: { 'zh-CN': '问卷尚无答复，不能结束征求意见', en: 'no household has answered yet' },
  resolution_not_passed: {
    'zh-CN': '决议未通过，不能公开为通过的决议',
    en: 'the resolution did not pass, so it cannot be disclosed as passed',
  },
  vote_not_open: { 'zh-CN': '表决未在进行中，不能投票', en: 'the vote is not open for ballots' },
  vote_not_draft: { 'zh-CN': '表决已开始，不能再开始', en: 'the vote has already been opened' },
  already_voted: {
    'zh-CN': '该业主已投票，每位业主只能投一票',
    en: 'this owner has already voted; one ballot per owner',
  },
  not_a_voter: {
    'zh-CN': '不在本次表决冻结的业主名册内（表决范围以外）',
    en: 'is not in the register frozen for this vote (outside its scope)',
  },
  wrong_ballot_code: {
    'zh-CN': '表决码不正确，请核对表决通知上的表决码',
    en: 'wrong code; check the code on your ballot notice',
  },
  empty_register: {
    'zh-CN': '表决范围内没有登记的住户，请先完善住户名册',
    en: 'no households are registered in the vote’s scope; complete the register first',
  },
  unknown_measure: {
    'zh-CN': '不是可用的统计指标',
    en: 'is not a measure a breakdown can show',
  },
  not_split_by: {
    'zh-CN': '该统计指标不能按所选维度拆分',
    en: 'this measure cannot be split by the chosen dimension',
  },
  statuses_differ: {
    'zh-CN': '按状态拆分时只能选择同一类业务的指标',
    en: 'a breakdown by status takes the measures of one area only',
  },
  after_to: { 'zh-CN': '起始年份不能晚于截止年份', en: 'the first year cannot be after the last' },
  ends_before_start: { 'zh-CN': '结束日期不能早于开始日期', en: 'the end cannot be before the start' },
  not_a_paper_ballot: { 'zh-CN': '只能为纸质票附扫描件', en: 'only a paper ballot takes a scan' },
  unknown_facility_type: {
    'zh-CN': '不是已设置的设施类型',
    en: 'is not one of the facility types in the settings',
  },
  not_positive_integer: { 'zh-CN': '须为大于 0 的整数', en: 'must be a whole number above zero' },
  stairwell_needed: {
    'zh-CN': '加装电梯须写明楼栋和单元',
    en: 'a lift names the building and stairwell unit it was added to',
  },
  unit_without_building: { 'zh-CN': '写明单元时须选择楼栋', en: 'a stairwell unit needs its building' },
  duplicate_type: { 'zh-CN': '类型名称重复', en: 'a type is listed twice' },
  no_types: { 'zh-CN': '至少保留一个类型', en: 'keep at least one type' },
  vote_not_resolution: {
    'zh-CN': '只有决议环节可以以业主表决为依据',
    en: 'only the resolve stage rests on an owners’ vote',
  },
  vote_not_found: { 'zh-CN': '找不到该业主表决', en: "no such owners' vote" },
  vote_other_compound: {
    'zh-CN': '该表决不属于本小区，不能作为本次决议',
    en: "this vote is not of the consultation's compound",
  },
  vote_not_closed: {
    'zh-CN': '该表决尚未结束，须表决结束后才能作为决议',
    en: 'the vote has not closed; only a closed vote can be the resolution',
  },
  vote_failed: {
    'zh-CN': '该表决未通过，不能作为通过的决议',
    en: 'the vote failed, so it cannot be a passed resolution',
  },
  vote_passed: {
    'zh-CN': '该表决已通过，决议结果须与表决结果一致',
    en: "the vote passed; the resolution's outcome must be the vote's",
  },
  lift_scope: {
    'zh-CN': '加装电梯以单元或楼栋为表决范围，不能以整个小区表决',
    en: 'a lift is voted per stairwell unit or building, not by the whole compound',
  },
  not_a_lift_vote: {
    'zh-CN': '只有加装电梯表决需要标记专有部分被占用的业主',
    en: 'only a lift vote asks the consent of owners whose exclusive part it occupies',
  },
  not_assisted: {
    'zh-CN': '只能更正工作人员代录的答复，住户自己提交的答复不能更改',
    en: 'only an answer entered by staff can be corrected, not one a household gave itself',
  },
  no_stages: { 'zh-CN': '流程至少要有一个环节', en: 'a stage list needs stages' },
  duplicate_key: { 'zh-CN': '环节标识重复', en: 'two stages share a key' },
  solicit_not_first: {
    'zh-CN': '征求意见环节至多一个，且须是第一个环节',
    en: 'at most one solicit stage, and it comes first',
  },
  one_resolve_needed: { 'zh-CN': '须有且只有一个决议环节', en: 'exactly one resolve stage is needed' },
  one_resolution_disclosure_needed: {
    'zh-CN': '须有且只有一个决议公开环节',
    en: 'exactly one disclosure of the resolution is needed',
  },
  one_result_disclosure_needed: {
    'zh-CN': '须有且只有一个实施结果公开环节',
    en: 'exactly one disclosure of the result is needed',
  },
  disclosure_before_resolve: {
    'zh-CN': '公开环节须在决议环节之后',
    en: 'the disclosures come after the resolve stage',
  },
  result_before_resolution: {
    'zh-CN': '实施结果公开须在决议公开之后',
    en: 'the result is disclosed after the resolution',
  },
  duplicate_code: { 'zh-CN': '流程编号重复', en: 'two stage lists share this code' },
  self_lockout: {
    'zh-CN': '不能停用自己或撤销自己的管理员角色',
    en: 'you cannot disable yourself or drop your own admin role',
  },
} as const;
export type FieldReason = keyof typeof fieldMessages;

export function fieldMessage(reason: FieldReason, lang: Lang): string {
  return fieldMessages[reason][lang];
}

/** The one error type. `fields` maps a field path (or sheet!row!column) to a reason code or text. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, FieldReason | { text: string }>,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }

  get status(): number {
    return status[this.code];
  }

  render(lang: Lang) {
    const fields = this.fields
      ? Object.fromEntries(
          Object.entries(this.fields).map(([k, v]) => [
            k,
            typeof v === 'string' ? fieldMessage(v, lang) : v.text,
          ]),
        )
      : undefined;
    return { error: { code: this.code, message: messages[this.code][lang], ...(fields ? { fields } : {}) } };
  }
}

export const notFound = () => new AppError('NOT_FOUND');
/** The value, or a 404 when there is none (a record gone or outside the caller's scope). */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value;
}
export const conflict = () => new AppError('CONFLICT');
