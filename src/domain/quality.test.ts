import { describe, expect, it } from 'vitest';
import {
  type AcceptanceParty,
  acceptanceParties,
  acceptanceProblems,
  addWorkingDays,
  blockedBatches,
  type ConcealedStatus,
  calendarOf,
  checkFrequencyProblems,
  checksAgainstRequired,
  coverProblem,
  creditCheckChar,
  currentVerdict,
  decideProblem,
  defaultCalendar,
  earliestAcceptance,
  type Gate,
  type GateFacts,
  gateStatus,
  isCreditCode,
  isSupervisingEngineer,
  isWorkingDay,
  noticeEarlyEnough,
  qualityBlocks,
  type ReporterAction,
  type ReportFacts,
  reporterStep,
  represents,
  type Sample,
  signOffProblems,
  type TicketAction,
  type TicketFacts,
  ticketOverdue,
  ticketStep,
  type UseProblem,
  useApprovalProblems,
  witnessedShare,
} from './quality.js';

const calendar = calendarOf(defaultCalendar);

describe('working days (2026 State Council schedule, 2027 statutory holidays)', () => {
  const cases: [string, string, boolean][] = [
    ['an ordinary Wednesday', '2026-03-04', true],
    ['an ordinary Saturday', '2026-03-07', false],
    ['New Year’s Day (Thursday)', '2026-01-01', false],
    ['the Sunday after New Year, a make-up working day', '2026-01-04', true],
    ['Saturday before the Spring Festival, a make-up working day', '2026-02-14', true],
    ['Spring Festival Monday (正月初七)', '2026-02-23', false],
    ['Saturday after the Spring Festival, a make-up working day', '2026-02-28', true],
    ['Labour Day Tuesday', '2026-05-05', false],
    ['Saturday 9 May, a make-up working day', '2026-05-09', true],
    ['Sunday 20 September, a make-up working day', '2026-09-20', true],
    ['National Day Wednesday', '2026-10-07', false],
    ['Saturday 10 October, a make-up working day', '2026-10-10', true],
    ['2027 New Year’s Day (Friday)', '2027-01-01', false],
    ['2027 除夕 (Friday 5 February)', '2027-02-05', false],
    ['2027 正月初三 (Monday 8 February)', '2027-02-08', false],
    ['the Tuesday after the 2027 Spring Festival', '2027-02-09', true],
    ['2027 清明节 (Monday 5 April)', '2027-04-05', false],
    ['2027 端午节 (Wednesday 9 June)', '2027-06-09', false],
    ['2027 中秋节 (Wednesday 15 September)', '2027-09-15', false],
    ['2027 National Day (Friday 1 October)', '2027-10-01', false],
    [
      '2027 National Day’s fourth day, a Monday: no holiday until the State Council says so',
      '2027-10-04',
      true,
    ],
  ];
  it.each(cases)('%s (%s): working %s', (_name, date, expected) => {
    expect(isWorkingDay(date, calendar)).toBe(expected);
  });

  it('with an empty table only weekends are off', () => {
    expect(isWorkingDay('2026-10-01', calendarOf([]))).toBe(true);
    expect(isWorkingDay('2026-10-03', calendarOf([]))).toBe(false);
  });
});

describe('seven working days between notice and acceptance', () => {
  const cases: [string, string, string][] = [
    ['an ordinary week: Monday → the Wednesday after next', '2026-12-07', '2026-12-16'],
    ['notice on a Friday', '2026-12-04', '2026-12-15'],
    ['across National Day with its two make-up days', '2026-09-28', '2026-10-13'],
    ['across the Spring Festival, the make-up Saturdays counted', '2026-02-12', '2026-02-28'],
    ['across Labour Day and Saturday 9 May', '2026-04-29', '2026-05-12'],
    ['notice on a holiday', '2026-10-03', '2026-10-15'],
    // 2 Feb–4 Feb, then 除夕 to 正月初三 (5–8 Feb) off, then 9–12 Feb.
    ['across the 2027 Spring Festival', '2027-02-01', '2027-02-12'],
    ['notice on 2027 除夕', '2027-02-05', '2027-02-17'],
    ['notice the Friday before, the weekend and four holidays skipped', '2027-01-29', '2027-02-11'],
    ['across 2027 清明节 (Monday)', '2027-04-01', '2027-04-13'],
  ];
  it.each(cases)('%s: notice %s → earliest %s', (_name, notice, earliest) => {
    expect(earliestAcceptance(notice, calendar)).toBe(earliest);
    expect(noticeEarlyEnough(notice, earliest, calendar)).toBe(true);
    expect(noticeEarlyEnough(notice, addWorkingDays(notice, 6, calendar), calendar)).toBe(false);
  });
});

describe('unified social credit code', () => {
  const cases: [string, boolean][] = [
    ['91350100M000100Y43', true],
    ['91110000100010433L', true],
    ['91350100M000100Y44', false],
    ['91350100M000100Y4', false],
    ['91350100M000100Y43X', false],
    ['91350100I000100Y43', false],
    ['91350100m000100Y43', false],
    ['', false],
  ];
  it.each(cases)('%j valid: %s', (code, expected) => {
    expect(isCreditCode(code)).toBe(expected);
  });
  it('a generated code carries its check character', () => {
    const first = '91410203MA0000001';
    expect(isCreditCode(first + creditCheckChar(first))).toBe(true);
  });
});

const sample = (over: Partial<Sample> = {}): Sample => ({
  material: '水泥',
  batch: 'B1',
  required: 10,
  witness: '李工',
  result: 'pass',
  at: '2026-05-01T08:00:00Z',
  reports: 1,
  ...over,
  taken: over.taken ?? over.required ?? 10,
});

describe('30% of required samples witnessed', () => {
  const cases: [string, Partial<Sample>[], boolean][] = [
    ['all witnessed', [{}], true],
    ['exactly 30%', [{ required: 3 }, { required: 7, witness: null }], true],
    ['30 of 100', [{ required: 30 }, { required: 70, witness: null }], true],
    ['29 of 100', [{ required: 29 }, { required: 71, witness: null }], false],
    ['none witnessed', [{ witness: null }], false],
    [
      'witnessed but not all taken',
      [
        { required: 10, taken: 2 },
        { required: 0, taken: 0 },
      ],
      false,
    ],
    [
      'more taken than required counts only the required',
      [
        { required: 2, taken: 9 },
        { required: 8, witness: null },
      ],
      false,
    ],
    ['nothing required', [], false],
  ];
  it.each(cases)('%s: %s', (_name, rows, enough) => {
    const list = rows.map((r) => sample(r));
    expect(witnessedShare(list).enough).toBe(enough);
  });
});

describe('a failed sample blocks its batch', () => {
  it.each([
    ['a pass', [sample()], []],
    ['a fail', [sample({ result: 'fail' })], [{ material: '水泥', batch: 'B1' }]],
    [
      'a fail then a passing re-test',
      [sample({ result: 'fail' }), sample({ at: '2026-05-02T00:00:00Z' })],
      [],
    ],
    [
      'a pass then a failing re-test',
      [sample(), sample({ result: 'fail', at: '2026-05-02T00:00:00Z' })],
      [{ material: '水泥', batch: 'B1' }],
    ],
    [
      'another batch failed',
      [sample(), sample({ batch: 'B2', result: 'fail' })],
      [{ material: '水泥', batch: 'B2' }],
    ],
  ] as [string, Sample[], unknown[]][])('%s', (_name, samples, blocked) => {
    expect(blockedBatches(samples)).toEqual(blocked);
  });
});

describe('rectification tickets', () => {
  const t = (over: Partial<TicketFacts> = {}): TicketFacts => ({
    status: 'open',
    evidence: 1,
    fixedBy: 'contractor',
    ...over,
  });
  const cases: [string, TicketFacts, TicketAction, string, string, string][] = [
    ['evidence on an open ticket', t(), 'submit_evidence', 'contractor', '', 'evidence_uploaded'],
    [
      'evidence on a reopened ticket',
      t({ status: 'reopened' }),
      'submit_evidence',
      'contractor',
      '',
      'evidence_uploaded',
    ],
    [
      'evidence without any photo (a note alone)',
      t({ evidence: 0 }),
      'submit_evidence',
      'contractor',
      '',
      'no_evidence',
    ],
    [
      'evidence on a verified ticket',
      t({ status: 'verified' }),
      'submit_evidence',
      'contractor',
      '',
      'wrong_state',
    ],
    ['verify after evidence', t({ status: 'evidence_uploaded' }), 'verify', 'inspector', '', 'verified'],
    ['verify one’s own fix', t({ status: 'evidence_uploaded' }), 'verify', 'contractor', '', 'own_fix'],
    ['verify with no evidence yet', t(), 'verify', 'inspector', '', 'wrong_state'],
    [
      'close without evidence',
      t({ status: 'evidence_uploaded', evidence: 0 }),
      'verify',
      'inspector',
      '',
      'no_evidence',
    ],
    [
      'reopen with a reason',
      t({ status: 'evidence_uploaded' }),
      'reopen',
      'inspector',
      '裂缝未处理',
      'reopened',
    ],
    [
      'reopen without a reason',
      t({ status: 'evidence_uploaded' }),
      'reopen',
      'inspector',
      '  ',
      'reason_required',
    ],
    ['reopen one’s own fix', t({ status: 'evidence_uploaded' }), 'reopen', 'contractor', '再看', 'own_fix'],
    ['reopen a verified ticket', t({ status: 'verified' }), 'reopen', 'inspector', '再看', 'wrong_state'],
  ];
  it.each(cases)('%s', (_name, facts, action, by, reason, expected) => {
    const step = ticketStep(facts, action, by, reason);
    expect('to' in step ? step.to : step.problem).toBe(expected);
  });

  it.each([
    ['open, deadline passed', 'open', '2026-06-01', true],
    ['open, due today', 'open', '2026-06-02', false],
    ['reopened, deadline passed', 'reopened', '2026-06-01', true],
    ['evidence uploaded, deadline passed', 'evidence_uploaded', '2026-06-01', false],
    ['verified, deadline passed', 'verified', '2026-06-01', false],
  ] as const)('%s: overdue %s', (_name, status, deadline, expected) => {
    expect(ticketOverdue({ status, deadline }, '2026-06-02')).toBe(expected);
  });
});

describe('a resident supervisor’s verdict on the fix of their report', () => {
  const fixed = '2026-06-02T08:00:00.000Z';
  const r = (over: Partial<ReportFacts> = {}): ReportFacts => ({
    status: 'evidence_uploaded',
    fixedAt: fixed,
    verdict: null,
    verdictAt: null,
    ...over,
  });
  const cases: [string, ReportFacts, ReporterAction, string, string][] = [
    ['confirm a fix the contractor sent', r(), 'confirm', '', 'evidence_uploaded confirmed'],
    ['confirm after the inspector verified', r({ status: 'verified' }), 'confirm', '', 'verified confirmed'],
    ['confirm before any fix', r({ status: 'open', fixedAt: null }), 'confirm', '', 'nothing_to_judge'],
    ['confirm while reopened', r({ status: 'reopened' }), 'confirm', '', 'nothing_to_judge'],
    [
      'confirm the same fix twice',
      r({ verdict: 'confirmed', verdictAt: '2026-06-02T09:00:00.000Z' }),
      'confirm',
      '',
      'already_confirmed',
    ],
    [
      'confirm a new fix after disputing the last',
      r({ verdict: 'disputed', verdictAt: '2026-06-01T09:00:00.000Z' }),
      'confirm',
      '',
      'evidence_uploaded confirmed',
    ],
    ['dispute a fix with a reason', r(), 'dispute', '墙面仍渗水', 'reopened disputed'],
    ['dispute after verification', r({ status: 'verified' }), 'dispute', '雨后又漏', 'reopened disputed'],
    [
      'dispute after confirming',
      r({ status: 'verified', verdict: 'confirmed', verdictAt: '2026-06-02T09:00:00.000Z' }),
      'dispute',
      '雨后又漏',
      'reopened disputed',
    ],
    ['dispute without a reason', r(), 'dispute', '  ', 'reason_required'],
    ['dispute before any fix', r({ status: 'open', fixedAt: null }), 'dispute', '没修', 'nothing_to_judge'],
  ];
  it.each(cases)('%s', (_name, facts, action, reason, expected) => {
    const step = reporterStep(facts, action, reason);
    expect('to' in step ? `${step.to} ${step.verdict}` : step.problem).toBe(expected);
  });

  it.each([
    ['no verdict', null, null, null],
    ['confirmed this fix', 'confirmed', '2026-06-02T09:00:00.000Z', 'confirmed'],
    ['confirmed an earlier fix', 'confirmed', '2026-06-01T09:00:00.000Z', null],
    ['disputed this fix', 'disputed', '2026-06-02T09:00:00.000Z', 'disputed'],
  ] as const)('current verdict: %s', (_name, verdict, verdictAt, expected) => {
    expect(currentVerdict({ fixedAt: fixed, verdict, verdictAt })).toBe(expected);
  });
});

describe('concealed works', () => {
  it.each([
    ['requested', null, null, 'not_accepted'],
    ['rejected', null, 'already_decided', 'not_accepted'],
    ['accepted', null, 'already_decided', null],
  ] as [ConcealedStatus, string | null, string | null, string | null][])(
    '%s: decide → %s, cover → %s',
    (status, coveredAt, decide, cover) => {
      expect(decideProblem({ status, photos: 1 })).toBe(decide);
      expect(coverProblem({ status, coveredAt })).toBe(cover);
    },
  );
  it.each([
    ['a request with a photo', 'requested', 2, null],
    ['a request without a photo', 'requested', 0, 'photo_required'],
    ['a decided request without a photo', 'accepted', 0, 'already_decided'],
  ] as [string, ConcealedStatus, number, string | null][])(
    'deciding %s → %s',
    (_n, status, photos, problem) => {
      expect(decideProblem({ status, photos })).toBe(problem);
    },
  );
  it('a covered work is not covered twice', () => {
    expect(coverProblem({ status: 'accepted', coveredAt: '2026-05-01' })).toBe('already_covered');
  });
});

describe('who signs for a party', () => {
  const cases: [AcceptanceParty, string, boolean, string[], boolean][] = [
    ['subdistrict', 'subdistrict', true, [], true],
    ['subdistrict', 'subdistrict', false, [], false],
    ['subdistrict', 'community', true, [], false],
    ['community', 'community', true, [], true],
    ['owners', 'resident_supervisor', true, [], true],
    ['owners', 'community', true, [], false],
    ['construction', 'contractor', true, ['construction'], true],
    ['construction', 'supervisor', true, ['supervision'], false],
    ['supervision', 'supervisor', true, ['supervision'], true],
    ['design', 'contractor', true, ['design'], true],
    ['design', 'hq', true, [], false],
  ];
  it.each(cases)('%s by %s (in scope %s, firms %j): %s', (party, role, inScope, kinds, expected) => {
    expect(represents(party, { role, inScope, firmKinds: kinds as never })).toBe(expected);
  });
});

const signedBy = (parties: readonly AcceptanceParty[], refused: AcceptanceParty[] = []) =>
  parties.map((party) => ({
    party,
    decision: refused.includes(party) ? ('refused' as const) : ('signed' as const),
  }));

describe('completion acceptance', () => {
  const ok = { noticeDate: '2026-12-07', acceptanceDate: '2026-12-16', openTickets: 0 };
  it.each([
    ['all six signed, notice in time', ok, signedBy(acceptanceParties), []],
    [
      'notice one working day short',
      { ...ok, acceptanceDate: '2026-12-15' },
      signedBy(acceptanceParties),
      ['notice_too_late'],
    ],
    ['five signed', ok, signedBy(acceptanceParties.slice(1)), ['party_not_signed']],
    ['one refused', ok, signedBy(acceptanceParties, ['owners']), ['party_refused']],
    ['a ticket open', { ...ok, openTickets: 2 }, signedBy(acceptanceParties), ['tickets_open']],
  ] as const)('%s', (_name, facts, signatures, reasons) => {
    expect(acceptanceProblems({ ...facts, signatures }, calendar).map((p) => p.reason)).toEqual(reasons);
  });
});

const passing: GateFacts = {
  hasQualityPlan: true,
  responsiblePeople: 2,
  zones: 3,
  firmKinds: ['construction', 'supervision', 'design'],
  bidDate: '2026-03-01',
  bidAmount: 320.5,
  bidDocuments: 2,
  samples: [sample()],
  approvedBatches: [{ material: '水泥', batch: 'B1' }],
  checks: checksAgainstRequired({ 屋面防水: 2 }, [{ keyPart: '屋面防水' }, { keyPart: '屋面防水' }]),
  concealedPending: 0,
  acceptance: [],
  signed: ['process', 'tendering', 'materials', 'supervision'],
};

describe('a batch’s use approval', () => {
  const later = '2026-05-09T08:00:00Z';
  const cases: [string, Sample[], UseProblem[]][] = [
    ['passed, witnessed, reported', [sample()], []],
    ['no samples', [], ['no_samples']],
    ['failed', [sample({ result: 'fail' })], ['batch_failed']],
    ['failed, then a passing re-test', [sample({ result: 'fail' }), sample({ at: later })], []],
    ['passed, then a failing re-test', [sample(), sample({ result: 'fail', at: later })], ['batch_failed']],
    ['pending (no report owed yet)', [sample({ result: 'pending', reports: 0 })], ['result_pending']],
    ['passed without its report', [sample({ reports: 0 })], ['no_report']],
    ['nobody witnessed', [sample({ witness: null })], ['witnessed_share_low']],
    [
      'exactly 30% witnessed',
      [sample({ required: 3 }), sample({ required: 7, witness: null, at: later })],
      [],
    ],
    [
      '29% witnessed',
      [sample({ required: 29 }), sample({ required: 71, witness: null, at: later })],
      ['witnessed_share_low'],
    ],
    [
      'failed, unwitnessed, no report',
      [sample({ result: 'fail', witness: null, reports: 0 })],
      ['batch_failed', 'witnessed_share_low', 'no_report'],
    ],
  ];
  it.each(cases)('%s → %j', (_name, samples, problems) => {
    expect(useApprovalProblems(samples)).toEqual(problems);
  });
});

describe('who signs for the supervising unit', () => {
  it.each([
    ['a supervisor named for the supervising unit', 'supervisor', ['supervision'], true],
    ['a supervisor named for another unit only', 'supervisor', ['design'], false],
    ['a supervisor not named on the project', 'supervisor', [], false],
    ['a contractor login named for the supervising unit', 'contractor', ['supervision'], false],
    ['headquarters', 'hq', [], false],
    ['the subdistrict', 'subdistrict', [], false],
  ] as const)('%s → %s', (_name, role, firmKinds, may) => {
    expect(isSupervisingEngineer({ role, firmKinds })).toBe(may);
  });
});

describe('the five gates', () => {
  const cases: [string, Gate, Partial<GateFacts>, string, string[]][] = [
    ['process complete and signed', 'process', {}, 'passed', []],
    ['process complete, not signed', 'process', { signed: [] }, 'ready', ['not_signed']],
    ['process without a plan', 'process', { hasQualityPlan: false }, 'open', ['no_quality_plan']],
    [
      'process without people or zones',
      'process',
      { responsiblePeople: 0, zones: 0 },
      'open',
      ['no_responsible_people', 'no_zones'],
    ],
    [
      'tendering without a design unit',
      'tendering',
      { firmKinds: ['construction', 'supervision'] },
      'open',
      ['firm_missing'],
    ],
    [
      'tendering without bid details',
      'tendering',
      { bidDate: null, bidAmount: null, bidDocuments: 0 },
      'open',
      ['no_bid_date', 'no_bid_amount', 'no_bid_documents'],
    ],
    ['materials without samples', 'materials', { samples: [] }, 'open', ['no_samples']],
    [
      'materials with a failed batch',
      'materials',
      { samples: [sample(), sample({ batch: 'B2', result: 'fail' })] },
      'open',
      ['batch_blocked'],
    ],
    [
      'materials pending and short',
      'materials',
      { samples: [sample({ taken: 5, result: 'pending' })] },
      'open',
      ['samples_short', 'results_pending'],
    ],
    [
      'materials with a tested sample’s report missing',
      'materials',
      { samples: [sample({ reports: 0 })] },
      'open',
      ['report_missing'],
    ],
    [
      'materials with a batch not approved for use',
      'materials',
      { approvedBatches: [] },
      'open',
      ['batch_not_approved'],
    ],
    [
      'materials: a pending result owes no report yet, but its batch no approval either',
      'materials',
      { samples: [sample(), sample({ batch: 'B2', result: 'pending', reports: 0 })] },
      'open',
      ['results_pending', 'batch_not_approved'],
    ],
    [
      'materials: a failed batch is blocked, not owed an approval',
      'materials',
      {
        samples: [sample(), sample({ batch: 'B2', result: 'fail' })],
        approvedBatches: passing.approvedBatches,
      },
      'open',
      ['batch_blocked'],
    ],
    [
      'materials under-witnessed',
      'materials',
      { samples: [sample({ witness: null })] },
      'open',
      ['witnessed_share_low'],
    ],
    [
      'supervision with too few checks',
      'supervision',
      { checks: [{ keyPart: '屋面防水', required: 3, done: 2 }] },
      'open',
      ['checks_short'],
    ],
    [
      'supervision with a request undecided',
      'supervision',
      { concealedPending: 1 },
      'open',
      ['concealed_pending'],
    ],
    ['acceptance not organised', 'acceptance', { acceptance: null }, 'open', ['no_acceptance']],
    [
      'acceptance with a refusal',
      'acceptance',
      { acceptance: [{ reason: 'party_refused', party: 'design' }] },
      'open',
      ['acceptance'],
    ],
    ['acceptance passed (no sign-off of its own)', 'acceptance', { signed: [] }, 'passed', []],
  ];
  it.each(cases)('%s', (_name, gate, over, status, reasons) => {
    const s = gateStatus(gate, { ...passing, ...over });
    expect(s.status).toBe(status);
    expect(s.problems.map((p) => p.reason)).toEqual(reasons);
  });

  it('the acceptance gate is never signed off by hand', () => {
    expect(signOffProblems('acceptance', passing).map((p) => p.reason)).toEqual(['no_acceptance']);
    expect(signOffProblems('process', passing)).toEqual([]);
  });
});

describe('the hard acceptance gate lists every reason', () => {
  it('nothing blocks a project that passed every gate with no ticket open', () => {
    expect(qualityBlocks({ ...passing, openTickets: 0 })).toEqual([]);
  });
  it('each open gate with each of its reasons, and the open tickets once', () => {
    const blocks = qualityBlocks({
      ...passing,
      hasQualityPlan: false,
      signed: ['process', 'materials', 'supervision'],
      samples: [sample({ result: 'fail' })],
      acceptance: null,
      openTickets: 2,
    });
    expect(blocks.map((b) => [b.gate, b.problem.reason])).toEqual([
      ['process', 'no_quality_plan'],
      ['tendering', 'not_signed'],
      ['materials', 'batch_blocked'],
      ['acceptance', 'no_acceptance'],
      [null, 'tickets_open'],
    ]);
  });
  it('open tickets the acceptance already names are not listed twice', () => {
    const blocks = qualityBlocks({
      ...passing,
      acceptance: [{ reason: 'tickets_open', count: 1 }],
      openTickets: 1,
    });
    expect(blocks.map((b) => b.problem.reason)).toEqual(['acceptance']);
  });
});

describe('the check-frequency setting, entry by entry', () => {
  const cases: [string, Record<string, number>, { key: string; problem: string }[]][] = [
    ['the default list', { 屋面防水: 3, 外墙保温: 2 }, []],
    ['no checks required of a part', { 屋面防水: 0 }, []],
    ['a blank name', { ' ': 2 }, [{ key: ' ', problem: 'name_required' }]],
    ['a name too long', { ['部'.repeat(101)]: 2 }, [{ key: '部'.repeat(101), problem: 'name_too_long' }]],
    [
      'a name twice once trimmed',
      { 屋面防水: 2, ' 屋面防水 ': 1 },
      [{ key: ' 屋面防水 ', problem: 'name_twice' }],
    ],
    ['a fraction of a check', { 屋面防水: 1.5 }, [{ key: '屋面防水', problem: 'checks_out_of_range' }]],
    ['a negative count', { 屋面防水: -1 }, [{ key: '屋面防水', problem: 'checks_out_of_range' }]],
    ['more than 100 checks', { 屋面防水: 101 }, [{ key: '屋面防水', problem: 'checks_out_of_range' }]],
    [
      'every bad entry, each named',
      { '': 1, 外墙保温: 2.5, 道路基层: 2 },
      [
        { key: '', problem: 'name_required' },
        { key: '外墙保温', problem: 'checks_out_of_range' },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, entries, expected) => {
    expect(checkFrequencyProblems(entries)).toEqual(expected);
  });
});
