import { describe, expect, it } from 'vitest';
import {
  type ConsultationStatus,
  completionProblems,
  consultationStatus,
  currentStage,
  defaultStageList,
  fourDeliberationsList,
  normaliseCode,
  passedAndDisclosed,
  type ResolutionVote,
  type ResolutionVoteProblem,
  resolutionVoteProblem,
  responseRate,
  type StageCompletion,
  type StageList,
  type StageListProblem,
  type StageProblem,
  type StageRecord,
  type StageRole,
  stageListProblem,
  stageListsProblem,
  stageProblems,
} from './consultations.js';

const roles = (list: StageList) => list.stages.map((s) => s.role);
const listOf = (...r: StageRole[]): StageList => ({
  code: 'x',
  name: 'x',
  stages: r.map((role, i) => ({ key: `s${i}`, name: `s${i}`, role })),
});

describe('stageListProblem (a usable stage list)', () => {
  const cases: [string, StageList, StageListProblem | null][] = [
    ['一征三议两公开', defaultStageList, null],
    ['四议两公开', fourDeliberationsList, null],
    [
      '五议五公开-like: more meetings',
      listOf(
        'solicit',
        'deliberate',
        'deliberate',
        'deliberate',
        'deliberate',
        'resolve',
        'disclose_resolution',
        'disclose_result',
      ),
      null,
    ],
    ['empty', listOf(), 'no_stages'],
    [
      'a key twice',
      {
        ...defaultStageList,
        stages: [...defaultStageList.stages, { key: 'propose', name: '再议', role: 'deliberate' }],
      },
      'duplicate_key',
    ],
    [
      'solicit after a meeting',
      listOf('deliberate', 'solicit', 'resolve', 'disclose_resolution', 'disclose_result'),
      'solicit_not_first',
    ],
    [
      'no resolution',
      listOf('solicit', 'deliberate', 'disclose_resolution', 'disclose_result'),
      'one_resolve_needed',
    ],
    [
      'two resolutions',
      listOf('resolve', 'resolve', 'disclose_resolution', 'disclose_result'),
      'one_resolve_needed',
    ],
    ['resolution never disclosed', listOf('resolve', 'disclose_result'), 'one_resolution_disclosure_needed'],
    ['no result disclosure', listOf('resolve', 'disclose_resolution'), 'one_result_disclosure_needed'],
    [
      'disclosed before resolving',
      listOf('disclose_resolution', 'resolve', 'disclose_result'),
      'disclosure_before_resolve',
    ],
    [
      'result before resolution',
      listOf('resolve', 'disclose_result', 'disclose_resolution'),
      'result_before_resolution',
    ],
  ];
  it.each(cases)('%s', (_name, list, expected) => {
    expect(stageListProblem(list)).toBe(expected);
  });
  it('the default is solicit, three meetings, two disclosures', () => {
    expect(roles(defaultStageList)).toEqual([
      'solicit',
      'deliberate',
      'deliberate',
      'resolve',
      'disclose_resolution',
      'disclose_result',
    ]);
  });
});

describe('completionProblems (what each stage needs)', () => {
  const meeting: StageCompletion = {
    completedOn: '2026-03-01',
    attendance: 12,
    minutes: '同意',
    outcome: 'passed',
  };
  const disclosure: StageCompletion = {
    completedOn: '2026-03-05',
    published: '决议全文',
    place: '小区公告栏',
  };
  const cases: [string, StageRole, StageCompletion, number, StageProblem[]][] = [
    ['questionnaire with answers', 'solicit', { completedOn: '2026-03-01' }, 3, []],
    ['questionnaire nobody answered', 'solicit', { completedOn: '2026-03-01' }, 0, ['no_answers']],
    ['a meeting in full', 'deliberate', meeting, 0, []],
    ['a meeting nobody attended', 'deliberate', { ...meeting, attendance: 0 }, 0, ['attendance_needed']],
    ['a meeting without minutes', 'deliberate', { ...meeting, minutes: '  ' }, 0, ['minutes_needed']],
    ['a resolution without an outcome', 'resolve', { ...meeting, outcome: undefined }, 0, ['outcome_needed']],
    [
      'a resolution with nothing',
      'resolve',
      { completedOn: '2026-03-01' },
      0,
      ['attendance_needed', 'minutes_needed', 'outcome_needed'],
    ],
    ['a disclosure in full', 'disclose_resolution', disclosure, 0, []],
    [
      'a disclosure saying nothing',
      'disclose_result',
      { ...disclosure, published: '' },
      0,
      ['published_needed'],
    ],
    ['a disclosure nowhere', 'disclose_result', { ...disclosure, place: undefined }, 0, ['place_needed']],
  ];
  it.each(cases)('%s', (_name, role, input, answers, expected) => {
    expect(completionProblems(role, input, answers)).toEqual(expected);
  });
});

const open = (role: StageRole, answers = 0): StageRecord => ({
  role,
  completedOn: null,
  attendance: null,
  minutes: null,
  outcome: null,
  published: null,
  place: null,
  answers,
});
const done = (role: StageRole, on: string, outcome: 'passed' | 'failed' | null = null): StageRecord => ({
  ...open(role),
  completedOn: on,
  outcome,
});
const meeting = (on: string): StageCompletion => ({
  completedOn: on,
  attendance: 9,
  minutes: '纪要',
  outcome: 'passed',
});
const disclosure = (on: string): StageCompletion => ({ completedOn: on, published: '决议', place: '公告栏' });

describe('stageProblems (order, dates, the resolution)', () => {
  const fresh = [
    open('solicit', 5),
    open('deliberate'),
    open('resolve'),
    open('disclose_resolution'),
    open('disclose_result'),
  ];
  const cases: [string, StageRecord[], number, StageCompletion, StageProblem[]][] = [
    ['the first stage', fresh, 0, { completedOn: '2026-03-01' }, []],
    ['a meeting before the questionnaire closed', fresh, 1, meeting('2026-03-02'), ['earlier_stage_open']],
    ['the last stage first', fresh, 4, disclosure('2026-03-02'), ['earlier_stage_open']],
    ['the next stage', [done('solicit', '2026-03-01'), ...fresh.slice(1)], 1, meeting('2026-03-02'), []],
    [
      'the same day as the stage before',
      [done('solicit', '2026-03-01'), ...fresh.slice(1)],
      1,
      meeting('2026-03-01'),
      [],
    ],
    [
      'dated before the stage before',
      [done('solicit', '2026-03-01'), ...fresh.slice(1)],
      1,
      meeting('2026-02-28'),
      ['before_earlier_stage'],
    ],
    [
      'a stage done twice',
      [done('solicit', '2026-03-01'), ...fresh.slice(1)],
      0,
      { completedOn: '2026-03-01' },
      ['already_completed'],
    ],
    [
      'after a meeting said no',
      [done('solicit', '2026-03-01'), done('deliberate', '2026-03-02', 'failed'), ...fresh.slice(2)],
      2,
      meeting('2026-03-03'),
      ['consultation_failed'],
    ],
    [
      'disclosing a resolution that failed',
      [
        done('solicit', '2026-03-01'),
        done('deliberate', '2026-03-02', 'passed'),
        { ...done('resolve', '2026-03-03'), outcome: null },
        ...fresh.slice(3),
      ],
      3,
      disclosure('2026-03-04'),
      ['resolution_not_passed'],
    ],
    [
      'disclosing a passed resolution',
      [
        done('solicit', '2026-03-01'),
        done('deliberate', '2026-03-02', 'passed'),
        done('resolve', '2026-03-03', 'passed'),
        ...fresh.slice(3),
      ],
      3,
      disclosure('2026-03-04'),
      [],
    ],
    ['a stage that is not there', fresh, 9, meeting('2026-03-01'), ['earlier_stage_open']],
  ];
  it.each(cases)('%s', (_name, stages, index, input, expected) => {
    expect(stageProblems(stages, index, input)).toEqual(expected);
  });
});

describe('consultationStatus and passedAndDisclosed', () => {
  const s = done('solicit', '2026-03-01');
  const d = done('deliberate', '2026-03-02', 'passed');
  const rPassed = done('resolve', '2026-03-03', 'passed');
  const rFailed = done('resolve', '2026-03-03', 'failed');
  const dr = done('disclose_resolution', '2026-03-04');
  const res = done('disclose_result', '2026-09-01');
  const cases: [string, StageRecord[], ConsultationStatus, boolean, number | null][] = [
    [
      'just opened',
      [
        open('solicit'),
        open('deliberate'),
        open('resolve'),
        open('disclose_resolution'),
        open('disclose_result'),
      ],
      'in_progress',
      false,
      0,
    ],
    [
      'resolved, not disclosed',
      [s, d, rPassed, open('disclose_resolution'), open('disclose_result')],
      'in_progress',
      false,
      3,
    ],
    [
      'resolution failed',
      [s, d, rFailed, open('disclose_resolution'), open('disclose_result')],
      'failed',
      false,
      null,
    ],
    ['passed and disclosed', [s, d, rPassed, dr, open('disclose_result')], 'resolved', true, 4],
    ['result disclosed too', [s, d, rPassed, dr, res], 'completed', true, null],
  ];
  it.each(cases)('%s', (_name, stages, status, disclosed, current) => {
    expect(consultationStatus(stages)).toBe(status);
    expect(passedAndDisclosed(stages)).toBe(disclosed);
    expect(currentStage(stages)).toBe(current);
  });
});

describe('normaliseCode and responseRate', () => {
  it.each([
    ['ab2c-3d4e', 'AB2C3D4E'],
    [' AB2C 3D4E ', 'AB2C3D4E'],
  ])('%s reads as %s', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });
  it.each([
    [0, 0, null],
    [0, 12, 0],
    [1, 3, 33.3],
    [12, 12, 100],
  ])('%i of %i households: %s%', (answered, households, rate) => {
    expect(responseRate(answered, households)).toBe(rate);
  });
});

describe('stageListsProblem (the district setting as a whole)', () => {
  it('takes the defaults, and names the list that is wrong', () => {
    expect(stageListsProblem([defaultStageList, fourDeliberationsList])).toBeNull();
    expect(stageListsProblem([defaultStageList, listOf('deliberate', 'disclose_resolution')])).toEqual({
      index: 1,
      problem: 'one_resolve_needed',
    });
    expect(stageListsProblem([defaultStageList, { ...fourDeliberationsList, code: '1-3-2' }])).toEqual({
      index: 1,
      problem: 'duplicate_code',
    });
  });
});

describe("resolutionVoteProblem (a resolution that is an owners' vote)", () => {
  const compound = 'c1';
  const vote = (over: Partial<ResolutionVote> = {}): ResolutionVote => ({
    compoundId: compound,
    status: 'closed',
    passed: true,
    ...over,
  });
  const cases: [
    string,
    ResolutionVote | null,
    'passed' | 'failed' | undefined,
    ResolutionVoteProblem | null,
  ][] = [
    ['a closed vote that passed, resolution passed', vote(), 'passed', null],
    ['a closed vote that failed, resolution failed', vote({ passed: false }), 'failed', null],
    ['no such vote', null, 'passed', 'vote_not_found'],
    ['a vote of another compound', vote({ compoundId: 'c2' }), 'passed', 'vote_other_compound'],
    ['a vote still open', vote({ status: 'open', passed: null }), 'passed', 'vote_not_closed'],
    ['a draft', vote({ status: 'draft', passed: null }), 'failed', 'vote_not_closed'],
    ['a failed vote cannot be the passed resolution', vote({ passed: false }), 'passed', 'vote_failed'],
    ['a passed vote cannot be a failed resolution', vote(), 'failed', 'vote_passed'],
  ];
  it.each(cases)('%s', (_name, v, outcome, expected) => {
    expect(resolutionVoteProblem(v, compound, outcome)).toBe(expected);
  });
});
