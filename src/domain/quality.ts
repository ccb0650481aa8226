/**
 * Engineering quality (mechanism 3): the working-day calendar behind the acceptance notice, the
 * material-sampling rules, concealed works, rectification tickets, the five gates and the hard
 * acceptance gate. Pure rules over facts the server reads; tested by tables of cases.
 */

// ─── Working days ────────────────────────────────────────────────────────────────────────────

/** A day the calendar table overrides: a public holiday (off), or a make-up working day (调休上班). */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];
export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  /** What the day is: 春节, 国庆节调休 … */
  name: string;
}

const span = (from: string, to: string, kind: CalendarDayKind, name: string): CalendarDay[] => {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, kind, name });
  return days;
};

/**
 * The table every install starts with (editable on the calendar page). 2026: the State Council's
 * schedule (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025), holidays and make-up
 * working days. 2027: the statutory holidays of 《全国年节及纪念日放假办法》 (as amended in 2024) on
 * their 2027 dates — 元旦 1 Jan; 春节 除夕 to 正月初三 (5–8 Feb); 清明节 5 Apr; 劳动节 1–2 May;
 * 端午节 9 Jun; 中秋节 15 Sep; 国庆节 1–3 Oct. The State Council's 2027 notice (bridging days off
 * and make-up working days) was not yet to be found when this table was written: an administrator
 * enters those days from the calendar page once it is published; none is guessed here.
 */
export const defaultCalendar: readonly CalendarDay[] = [
  ...span('2026-01-01', '2026-01-03', 'holiday', '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  ...span('2026-02-15', '2026-02-23', 'holiday', '春节'),
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...span('2026-04-04', '2026-04-06', 'holiday', '清明节'),
  ...span('2026-05-01', '2026-05-05', 'holiday', '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  ...span('2026-06-19', '2026-06-21', 'holiday', '端午节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  ...span('2026-09-25', '2026-09-27', 'holiday', '中秋节'),
  ...span('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...span('2027-02-05', '2027-02-08', 'holiday', '春节'),
  { date: '2027-04-05', kind: 'holiday', name: '清明节' },
  ...span('2027-05-01', '2027-05-02', 'holiday', '劳动节'),
  { date: '2027-06-09', kind: 'holiday', name: '端午节' },
  { date: '2027-09-15', kind: 'holiday', name: '中秋节' },
  ...span('2027-10-01', '2027-10-03', 'holiday', '国庆节'),
];

/** `date` plus `days` calendar days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar's overrides by date, for lookups. */
export type Calendar = ReadonlyMap<string, CalendarDayKind>;
export const calendarOf = (days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): Calendar =>
  new Map(days.map((d) => [d.date, d.kind]));

/** Monday to Friday, unless the table makes it a holiday; a weekend day the table makes a working day. */
export function isWorkingDay(date: string, calendar: Calendar): boolean {
  const kind = calendar.get(date);
  if (kind) return kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `date` (n ≥ 1). */
export function addWorkingDays(date: string, n: number, calendar: Calendar): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/** The agency must be told this many working days before the acceptance (竣工验收提前7个工作日告知). */
export const acceptanceNoticeWorkingDays = 7;
/** Filing (备案) must follow acceptance within this many days. */
export const filingDays = 15;

/**
 * The earliest day an acceptance may be held after the agency was notified on `noticeDate`: the
 * seventh working day after the notice.
 */
export function earliestAcceptance(noticeDate: string, calendar: Calendar): string {
  return addWorkingDays(noticeDate, acceptanceNoticeWorkingDays, calendar);
}

/** Whether an acceptance on `acceptanceDate` was notified early enough on `noticeDate`. */
export function noticeEarlyEnough(noticeDate: string, acceptanceDate: string, calendar: Calendar): boolean {
  return acceptanceDate >= earliestAcceptance(noticeDate, calendar);
}

// ─── Firms ───────────────────────────────────────────────────────────────────────────────────

/** The three units a project names (not the government units that send cadres). */
export const firmKinds = ['construction', 'supervision', 'design'] as const;
export type FirmKind = (typeof firmKinds)[number];

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Whether `code` is a well-formed unified social credit code (统一社会信用代码, GB 32100-2015):
 * 18 characters of the code's alphabet whose last is the check character of the first 17.
 */
export function isCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && code.charAt(17) === creditCheckChar(code.slice(0, 17));
}

/** The check character of a credit code's first 17 characters (for generated codes). */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditChars.indexOf(first17.charAt(i)) * (creditWeights[i] ?? 0);
  return creditChars.charAt((31 - (sum % 31)) % 31);
}

// ─── Materials ───────────────────────────────────────────────────────────────────────────────

/** At least this share of the required samples must be taken under a witness (见证取样). */
export const witnessedShareRequired = { numerator: 3, denominator: 10 } as const;
export const sampleResults = ['pending', 'pass', 'fail'] as const;
export type SampleResult = (typeof sampleResults)[number];

export interface Sample {
  material: string;
  batch: string;
  required: number;
  taken: number;
  /** The witness's name, when the sampling was witnessed. */
  witness: string | null;
  result: SampleResult;
  /** When the sample was recorded (a later test of a batch supersedes an earlier one). */
  at: string;
  /** The lab's report files attached to it (a PDF or a scan). */
  reports: number;
}

export interface WitnessedShare {
  witnessed: number;
  required: number;
  /** Exact: witnessed / required ≥ 3/10 (no rounding at the boundary). */
  enough: boolean;
}

/** Samples taken under a witness against the samples required, over a project's samples. */
export function witnessedShare(
  samples: readonly Pick<Sample, 'required' | 'taken' | 'witness'>[],
): WitnessedShare {
  const required = samples.reduce((n, s) => n + s.required, 0);
  const witnessed = samples.reduce((n, s) => n + (s.witness ? Math.min(s.taken, s.required) : 0), 0);
  const { numerator, denominator } = witnessedShareRequired;
  return { witnessed, required, enough: required > 0 && witnessed * denominator >= required * numerator };
}

/** Batches whose latest test failed: they may not be used until a later test passes. */
export function blockedBatches(samples: readonly Sample[]): { material: string; batch: string }[] {
  return batchesOf(samples)
    .filter((b) => b.samples.at(-1)?.result === 'fail')
    .map(({ material, batch }) => ({ material, batch }));
}

/** One batch of a material, as its samples have it. */
export interface Batch {
  material: string;
  batch: string;
  /** Its samples, oldest first. */
  samples: Sample[];
}

/** A project's samples by batch (material and batch), in the order each batch was first sampled. */
export function batchesOf(samples: readonly Sample[]): Batch[] {
  const byKey = new Map<string, Batch>();
  for (const s of [...samples].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const key = `${s.material}\u0000${s.batch}`;
    const batch = byKey.get(key) ?? { material: s.material, batch: s.batch, samples: [] };
    batch.samples.push(s);
    byKey.set(key, batch);
  }
  return [...byKey.values()];
}

export type UseProblem =
  | 'no_samples'
  | 'batch_failed'
  | 'result_pending'
  | 'witnessed_share_low'
  | 'no_report';

/**
 * Why the supervising engineer may not sign a batch's use approval (材料使用签认) now (empty: may).
 * Its latest test decides: it must have passed (a failed batch leaves the site; a pending one waits)
 * and carry the lab's report attached; and at least 30% of the batch's required samples must have
 * been taken under a witness, over all its samples.
 */
export function useApprovalProblems(samples: readonly Sample[]): UseProblem[] {
  const latest = batchesOf(samples)[0]?.samples.at(-1);
  // (The batch's own samples are passed: one batch, its latest test last.)
  if (!latest) return ['no_samples'];
  const p: UseProblem[] = [];
  if (latest.result === 'fail') p.push('batch_failed');
  if (latest.result === 'pending') p.push('result_pending');
  if (!witnessedShare(samples).enough) p.push('witnessed_share_low');
  if (latest.result !== 'pending' && latest.reports === 0) p.push('no_report');
  return p;
}

/** Whether the caller signs for the project's supervising unit: a supervisor login named on it for that unit. */
export function isSupervisingEngineer(who: { role: string; firmKinds: readonly FirmKind[] }): boolean {
  return who.role === 'supervisor' && who.firmKinds.includes('supervision');
}

// ─── Site supervision ────────────────────────────────────────────────────────────────────────

/** Key parts and processes (重点部位和工序) with the number of checks each project needs: a setting. */
export const defaultCheckFrequency: Readonly<Record<string, number>> = {
  雨污管网: 3,
  屋面防水: 3,
  外墙保温: 2,
  道路基层: 2,
  电气线路: 2,
};

/** What the check-frequency setting may hold: key parts listed, a name's length, checks one may require. */
export const checkFrequencyLimits = { parts: 50, name: 100, checks: 100 } as const;
export type CheckFrequencyProblem = 'name_required' | 'name_too_long' | 'name_twice' | 'checks_out_of_range';

/**
 * What is wrong with each entry of a check-frequency list, by the key it was sent under (empty:
 * nothing). Names are compared trimmed, so "屋面防水" and " 屋面防水" are one part named twice.
 */
export function checkFrequencyProblems(
  entries: Readonly<Record<string, number>>,
): { key: string; problem: CheckFrequencyProblem }[] {
  const problems: { key: string; problem: CheckFrequencyProblem }[] = [];
  const seen = new Set<string>();
  for (const [key, checks] of Object.entries(entries)) {
    const name = key.trim();
    if (name === '') problems.push({ key, problem: 'name_required' });
    else if (name.length > checkFrequencyLimits.name) problems.push({ key, problem: 'name_too_long' });
    else if (seen.has(name)) problems.push({ key, problem: 'name_twice' });
    else if (!Number.isInteger(checks) || checks < 0 || checks > checkFrequencyLimits.checks)
      problems.push({ key, problem: 'checks_out_of_range' });
    seen.add(name);
  }
  return problems;
}

export const inspectionKinds = ['inspection', 'spot_check'] as const;
/** What a quality zone is: a building, an area of the compound, or a renovation item. */
export const zoneKinds = ['building', 'area', 'item'] as const;

/** Checks done against required per key part; only the parts that have a requirement. */
export function checksAgainstRequired(
  frequency: Readonly<Record<string, number>>,
  done: readonly { keyPart: string }[],
): { keyPart: string; required: number; done: number }[] {
  return Object.entries(frequency).map(([keyPart, required]) => ({
    keyPart,
    required,
    done: done.filter((d) => d.keyPart === keyPart).length,
  }));
}

// ─── Concealed works ─────────────────────────────────────────────────────────────────────────

export const concealedStatuses = ['requested', 'accepted', 'rejected'] as const;
export type ConcealedStatus = (typeof concealedStatuses)[number];
export type ConcealedProblem = 'already_decided' | 'photo_required' | 'not_accepted' | 'already_covered';

/**
 * Why the supervising engineer may not decide a request now (null: may): only an undecided request,
 * and only with a photo of the works attached to it (accepting and rejecting alike).
 */
export function decideProblem(c: { status: ConcealedStatus; photos: number }): ConcealedProblem | null {
  if (c.status !== 'requested') return 'already_decided';
  return c.photos > 0 ? null : 'photo_required';
}

/** Why the work may not be marked covered now (null: may). Only an accepted request may be covered. */
export function coverProblem(c: {
  status: ConcealedStatus;
  coveredAt: string | null;
}): ConcealedProblem | null {
  if (c.status !== 'accepted') return 'not_accepted';
  if (c.coveredAt !== null) return 'already_covered';
  return null;
}

// ─── Rectification tickets ───────────────────────────────────────────────────────────────────

export const ticketStatuses = ['open', 'evidence_uploaded', 'verified', 'reopened'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketSources = [
  'inspection',
  'concealed_works',
  'resident_report',
  'opinion',
  'other',
] as const;
export type TicketSource = (typeof ticketSources)[number];
export const ticketActions = ['submit_evidence', 'verify', 'reopen'] as const;
export type TicketAction = (typeof ticketActions)[number];
export type TicketProblem = 'wrong_state' | 'no_evidence' | 'own_fix' | 'reason_required';

export interface TicketFacts {
  status: TicketStatus;
  /**
   * Photos of the current round (since the last reopen). A note may go with them but is no
   * evidence on its own: the fix must be seen.
   */
  evidence: number;
  /** Who submitted the latest evidence. */
  fixedBy: string | null;
}

/** The state a ticket moves to, or why it may not: open → evidence uploaded → verified | reopened. */
export function ticketStep(
  t: TicketFacts,
  action: TicketAction,
  by: string,
  reason = '',
): { to: TicketStatus } | { problem: TicketProblem } {
  switch (action) {
    case 'submit_evidence':
      if (t.status !== 'open' && t.status !== 'reopened') return { problem: 'wrong_state' };
      if (t.evidence === 0) return { problem: 'no_evidence' };
      return { to: 'evidence_uploaded' };
    case 'verify':
    case 'reopen':
      if (t.status !== 'evidence_uploaded') return { problem: 'wrong_state' };
      if (t.fixedBy === by) return { problem: 'own_fix' };
      if (action === 'verify') return t.evidence === 0 ? { problem: 'no_evidence' } : { to: 'verified' };
      return reason.trim() === '' ? { problem: 'reason_required' } : { to: 'reopened' };
  }
}

/** Open tickets are those not verified; the ones waiting on the contractor can be overdue. */
export const openTicketStatuses: readonly TicketStatus[] = ['open', 'evidence_uploaded', 'reopened'];
const waitingOnContractor: readonly TicketStatus[] = ['open', 'reopened'];

/** A ticket is overdue once its deadline has passed and the contractor has not answered it. */
export function ticketOverdue(t: { status: TicketStatus; deadline: string }, today: string): boolean {
  return waitingOnContractor.includes(t.status) && t.deadline < today;
}

// ─── A resident supervisor's report ──────────────────────────────────────────────────────────

/**
 * A resident supervisor's report is a ticket like any other (source `resident_report`): the
 * construction unit fixes it by this many days after the report, sends evidence, and the
 * inspector verifies or reopens it. The reporter follows it and gives their verdict on the fix.
 */
export const residentReportDays = 7;
export const reporterVerdicts = ['confirmed', 'disputed'] as const;
export type ReporterVerdict = (typeof reporterVerdicts)[number];
export const reporterActions = ['confirm', 'dispute'] as const;
export type ReporterAction = (typeof reporterActions)[number];
export type ReporterProblem = 'nothing_to_judge' | 'already_confirmed' | 'reason_required';

export interface ReportFacts {
  status: TicketStatus;
  /** When the latest evidence was sent (null: none yet). */
  fixedAt: string | null;
  /** The reporter's latest verdict and when it was given. */
  verdict: ReporterVerdict | null;
  verdictAt: string | null;
}

/** The reporter's verdict on the current fix: one given before the latest evidence was about an earlier fix. */
export function currentVerdict(
  r: Pick<ReportFacts, 'fixedAt' | 'verdict' | 'verdictAt'>,
): ReporterVerdict | null {
  if (!r.verdict || !r.verdictAt || !r.fixedAt) return null;
  return r.verdictAt >= r.fixedAt ? r.verdict : null;
}

/**
 * The reporter's verdict on a fix, and what it does to the ticket. They judge once there is a fix
 * to judge (evidence sent, or verified). Confirming records their word on the ticket and changes
 * nothing else: the inspector still verifies (the one way a ticket closes), and sees the
 * confirmation. Disputing, with a reason, reopens the ticket — before the inspector's
 * verification or after it — so the construction unit owes a new fix.
 */
export function reporterStep(
  r: ReportFacts,
  action: ReporterAction,
  reason = '',
): { to: TicketStatus; verdict: ReporterVerdict } | { problem: ReporterProblem } {
  if (r.status !== 'evidence_uploaded' && r.status !== 'verified') return { problem: 'nothing_to_judge' };
  if (action === 'confirm')
    return currentVerdict(r) === 'confirmed'
      ? { problem: 'already_confirmed' }
      : { to: r.status, verdict: 'confirmed' };
  return reason.trim() === '' ? { problem: 'reason_required' } : { to: 'reopened', verdict: 'disputed' };
}

// ─── Completion acceptance ───────────────────────────────────────────────────────────────────

/** The six parties who sign the completion acceptance (seed practice). */
export const acceptanceParties = [
  'subdistrict',
  'community',
  'owners',
  'design',
  'construction',
  'supervision',
] as const;
export type AcceptanceParty = (typeof acceptanceParties)[number];
export const signatureDecisions = ['signed', 'refused'] as const;
export type SignatureDecision = (typeof signatureDecisions)[number];

/** Who a user is for a project: their role, whether the project is in their region, their firms' kinds there. */
export interface Representative {
  role: string;
  inScope: boolean;
  firmKinds: readonly FirmKind[];
}

/** Whether `who` may sign for `party`: government parties by role and scope, the units by their people. */
export function represents(party: AcceptanceParty, who: Representative): boolean {
  switch (party) {
    case 'subdistrict':
      return who.role === 'subdistrict' && who.inScope;
    case 'community':
      return who.role === 'community' && who.inScope;
    case 'owners':
      return who.role === 'resident_supervisor' && who.inScope;
    case 'design':
    case 'construction':
    case 'supervision':
      return who.firmKinds.includes(party);
  }
}

export type AcceptanceProblem =
  | { reason: 'notice_too_late'; earliest: string }
  | { reason: 'party_not_signed'; party: AcceptanceParty }
  | { reason: 'party_refused'; party: AcceptanceParty }
  | { reason: 'tickets_open'; count: number };

export interface AcceptanceFacts {
  noticeDate: string;
  acceptanceDate: string;
  signatures: readonly { party: AcceptanceParty; decision: SignatureDecision }[];
  openTickets: number;
}

/** Why an acceptance does not pass (empty: it passes): notice, six signatures, no open ticket. */
export function acceptanceProblems(f: AcceptanceFacts, calendar: Calendar): AcceptanceProblem[] {
  const problems: AcceptanceProblem[] = [];
  if (!noticeEarlyEnough(f.noticeDate, f.acceptanceDate, calendar))
    problems.push({ reason: 'notice_too_late', earliest: earliestAcceptance(f.noticeDate, calendar) });
  for (const party of acceptanceParties) {
    const s = f.signatures.find((x) => x.party === party);
    if (!s) problems.push({ reason: 'party_not_signed', party });
    else if (s.decision === 'refused') problems.push({ reason: 'party_refused', party });
  }
  if (f.openTickets > 0) problems.push({ reason: 'tickets_open', count: f.openTickets });
  return problems;
}

// ─── The five gates ──────────────────────────────────────────────────────────────────────────

export const gates = ['process', 'tendering', 'materials', 'supervision', 'acceptance'] as const;
export type Gate = (typeof gates)[number];

/** What the gates need to know about one project. */
export interface GateFacts {
  /** Whole-process management. */
  hasQualityPlan: boolean;
  responsiblePeople: number;
  zones: number;
  /** Tendering: which of the three units are named, and the bid's date, amount and documents. */
  firmKinds: readonly FirmKind[];
  bidDate: string | null;
  bidAmount: number | null;
  /** Bid document files attached to the tender. */
  bidDocuments: number;
  /** Materials: the samples, and the batches the supervising engineer approved for use. */
  samples: readonly Sample[];
  approvedBatches: readonly { material: string; batch: string }[];
  /** Site supervision. */
  checks: readonly { keyPart: string; required: number; done: number }[];
  concealedPending: number;
  /** Acceptance: its problems, or null when none has been organised. */
  acceptance: AcceptanceProblem[] | null;
  /** Gates signed off (the first four; acceptance passes by its own signatures). */
  signed: readonly Gate[];
}

export type GateProblem =
  | { reason: 'no_quality_plan' }
  | { reason: 'no_responsible_people' }
  | { reason: 'no_zones' }
  | { reason: 'firm_missing'; kind: FirmKind }
  | { reason: 'no_bid_date' }
  | { reason: 'no_bid_amount' }
  | { reason: 'no_bid_documents' }
  | { reason: 'no_samples' }
  | { reason: 'samples_short'; material: string; batch: string }
  | { reason: 'results_pending'; count: number }
  | { reason: 'witnessed_share_low'; witnessed: number; required: number }
  | { reason: 'batch_blocked'; material: string; batch: string }
  | { reason: 'report_missing'; material: string; batch: string }
  | { reason: 'batch_not_approved'; material: string; batch: string }
  | { reason: 'checks_short'; keyPart: string; done: number; required: number }
  | { reason: 'concealed_pending'; count: number }
  | { reason: 'no_acceptance' }
  | { reason: 'acceptance'; problem: AcceptanceProblem }
  | { reason: 'not_signed' };

/** Why one gate is still open (empty: its conditions hold). Signing off is checked separately. */
export function gateConditions(gate: Gate, f: GateFacts): GateProblem[] {
  const p: GateProblem[] = [];
  switch (gate) {
    case 'process':
      if (!f.hasQualityPlan) p.push({ reason: 'no_quality_plan' });
      if (f.responsiblePeople === 0) p.push({ reason: 'no_responsible_people' });
      if (f.zones === 0) p.push({ reason: 'no_zones' });
      break;
    case 'tendering':
      for (const kind of firmKinds) if (!f.firmKinds.includes(kind)) p.push({ reason: 'firm_missing', kind });
      if (!f.bidDate) p.push({ reason: 'no_bid_date' });
      if (f.bidAmount === null) p.push({ reason: 'no_bid_amount' });
      if (f.bidDocuments === 0) p.push({ reason: 'no_bid_documents' });
      break;
    case 'materials': {
      if (f.samples.length === 0) {
        p.push({ reason: 'no_samples' });
        break;
      }
      for (const s of f.samples)
        if (s.taken < s.required) p.push({ reason: 'samples_short', material: s.material, batch: s.batch });
      const pending = f.samples.filter((s) => s.result === 'pending').length;
      if (pending > 0) p.push({ reason: 'results_pending', count: pending });
      const share = witnessedShare(f.samples);
      if (!share.enough)
        p.push({ reason: 'witnessed_share_low', witnessed: share.witnessed, required: share.required });
      const blocked = blockedBatches(f.samples);
      for (const b of blocked) p.push({ reason: 'batch_blocked', ...b });
      // A tested sample's result stands on its lab report, attached.
      for (const s of f.samples)
        if (s.result !== 'pending' && s.reports === 0)
          p.push({ reason: 'report_missing', material: s.material, batch: s.batch });
      // Every batch in use (each sampled batch but those whose latest test failed, which leave the
      // site and are named above) needs the supervising engineer's use approval.
      const same = (a: { material: string; batch: string }) => (b: { material: string; batch: string }) =>
        a.material === b.material && a.batch === b.batch;
      for (const b of batchesOf(f.samples))
        if (!blocked.some(same(b)) && !f.approvedBatches.some(same(b)))
          p.push({ reason: 'batch_not_approved', material: b.material, batch: b.batch });
      break;
    }
    case 'supervision':
      for (const c of f.checks) if (c.done < c.required) p.push({ reason: 'checks_short', ...c });
      if (f.concealedPending > 0) p.push({ reason: 'concealed_pending', count: f.concealedPending });
      break;
    case 'acceptance':
      if (f.acceptance === null) p.push({ reason: 'no_acceptance' });
      else for (const problem of f.acceptance) p.push({ reason: 'acceptance', problem });
      break;
  }
  return p;
}

export const gateStatuses = ['open', 'ready', 'passed'] as const;
export type GateStatus = (typeof gateStatuses)[number];

/**
 * One gate's status: open while a condition fails; ready when they hold but it is not signed off;
 * passed once signed. The acceptance gate passes by its six signatures, not a separate sign-off.
 */
export function gateStatus(gate: Gate, f: GateFacts): { status: GateStatus; problems: GateProblem[] } {
  const problems = gateConditions(gate, f);
  if (problems.length > 0) return { status: 'open', problems };
  if (gate === 'acceptance' || f.signed.includes(gate)) return { status: 'passed', problems };
  return { status: 'ready', problems: [{ reason: 'not_signed' }] };
}

/** Why a gate may not be signed off now: its conditions (the acceptance gate is never signed off). */
export function signOffProblems(gate: Gate, f: GateFacts): GateProblem[] {
  if (gate === 'acceptance') return [{ reason: 'no_acceptance' }];
  return gateConditions(gate, f);
}

/** One reason the project may not reach "accepted": a gate's problem, or open tickets (gate null). */
export type QualityBlock =
  | { gate: Gate; problem: GateProblem }
  | { gate: null; problem: { reason: 'tickets_open'; count: number } };

/** Every reason the project may not reach "accepted": each gate not passed, with its reasons, and open tickets. */
export function qualityBlocks(f: GateFacts & { openTickets: number }): QualityBlock[] {
  const blocks: QualityBlock[] = [];
  for (const gate of gates) {
    const { status, problems } = gateStatus(gate, f);
    if (status !== 'passed') for (const problem of problems) blocks.push({ gate, problem });
  }
  const counted = f.acceptance?.some((a) => a.reason === 'tickets_open') ?? false;
  if (f.openTickets > 0 && !counted)
    blocks.push({ gate: null, problem: { reason: 'tickets_open', count: f.openTickets } });
  return blocks;
}
