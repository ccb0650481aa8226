import { describe, expect, it } from 'vitest';
import {
  agree,
  leadersFirst,
  type Measurement,
  type RemovalCohort,
  removalPace,
  type Step,
  type StepProblem,
  type StructureFacts,
  type StructureStatus,
  selfRemovalRates,
  statusOf,
  stepProblem,
  type Verification,
  verify,
} from './illegal.js';

describe('agree (within a share of the larger)', () => {
  const cases: [string, number, number, number, boolean][] = [
    ['equal', 20, 20, 5, true],
    ['exactly 5% apart', 100, 95, 5, true],
    ['just over 5% apart', 100, 94.99, 5, false],
    ['order does not matter', 95, 100, 5, true],
    ['a zero tolerance needs equal areas', 12.5, 12.5, 0, true],
    ['a zero tolerance refuses a hundredth', 12.5, 12.51, 0, false],
    ['a wider tolerance', 100, 90, 10, true],
    ['nothing to compare', 0, 0, 5, false],
  ];
  it.each(cases)('%s', (_name, a, b, tolerance, expected) => {
    expect(agree(a, b, tolerance)).toBe(expected);
  });
});

describe('verify (two independent measurements within 5%)', () => {
  const m = (by: string, area: number): Measurement => ({ by, area });
  const cases: [string, Measurement[], Verification][] = [
    ['nothing measured', [], { state: 'unmeasured' }],
    ['one measurement', [m('张', 20)], { state: 'needs_second' }],
    ['the same person twice is not independent', [m('张', 20), m(' 张 ', 20)], { state: 'needs_second' }],
    [
      'two people agree: their mean',
      [m('张', 20), m('李', 19.5)],
      { state: 'verified', area: 19.75, pair: [0, 1] },
    ],
    [
      'two people 10% apart: a third is needed',
      [m('张', 20), m('李', 18)],
      { state: 'needs_third', gapPercent: 10 },
    ],
    [
      'a third agreeing with the first resolves it',
      [m('张', 20), m('李', 18), m('王', 19.8)],
      { state: 'verified', area: 19.9, pair: [0, 2] },
    ],
    [
      'a third agreeing with the second resolves it',
      [m('张', 20), m('李', 18), m('王', 18.2)],
      { state: 'verified', area: 18.1, pair: [1, 2] },
    ],
    [
      'a third far from both asks for another',
      [m('张', 20), m('李', 18), m('王', 30)],
      { state: 'needs_third', gapPercent: 40 },
    ],
    [
      'a third by one of the first two agrees only with the other',
      [m('张', 20), m('李', 18), m('李', 19.9)],
      { state: 'verified', area: 19.95, pair: [0, 2] },
    ],
    [
      'later measurements do not move an agreed area',
      [m('张', 20), m('李', 20), m('王', 20.5)],
      { state: 'verified', area: 20, pair: [0, 1] },
    ],
  ];
  it.each(cases)('%s', (_name, measurements, expected) => {
    expect(verify(measurements, 5)).toEqual(expected);
  });

  it('follows the district tolerance', () => {
    const pair = [m('张', 20), m('李', 18)];
    expect(verify(pair, 5).state).toBe('needs_third');
    expect(verify(pair, 10)).toEqual({ state: 'verified', area: 19, pair: [0, 1] });
  });
});

describe('statusOf and stepProblem (not removed before verified, not cleared before removed)', () => {
  const surveyed: StructureFacts & { surveyOn: string } = {
    surveyOn: '2022-03-01',
    verifiedArea: null,
    noticeOn: null,
    removedOn: null,
    clearedOn: null,
  };
  const verified = { ...surveyed, verifiedArea: 20 };
  const noticed = { ...verified, noticeOn: '2022-03-10' };
  const removed = { ...noticed, removedOn: '2022-03-20' };
  const cleared = { ...removed, clearedOn: '2022-03-21' };

  const statuses: [string, StructureFacts, StructureStatus][] = [
    ['surveyed', surveyed, 'surveyed'],
    ['verified', verified, 'verified'],
    ['noticed', noticed, 'noticed'],
    ['removed', removed, 'removed'],
    ['cleared', cleared, 'cleared'],
  ];
  it.each(statuses)('%s', (_name, facts, expected) => expect(statusOf(facts)).toBe(expected));

  const byOwner = (on: string): Step => ({ kind: 'remove', on, by: 'owner' });
  const cases: [string, StructureFacts & { surveyOn: string }, Step, StepProblem | null][] = [
    ['measure a surveyed structure', surveyed, { kind: 'measure' }, null],
    ['measure a verified structure again', verified, { kind: 'measure' }, null],
    ['measure a removed structure', removed, { kind: 'measure' }, 'already_removed'],
    [
      'notice before verification',
      surveyed,
      { kind: 'notice', on: '2022-03-05', deadline: '2022-03-20' },
      'not_verified',
    ],
    ['notice once verified', verified, { kind: 'notice', on: '2022-03-05', deadline: '2022-03-20' }, null],
    [
      'notice dated before the survey',
      verified,
      { kind: 'notice', on: '2022-02-28', deadline: '2022-03-20' },
      'before_survey',
    ],
    [
      'a deadline before the notice',
      verified,
      { kind: 'notice', on: '2022-03-05', deadline: '2022-03-04' },
      'deadline_before_notice',
    ],
    ['remove before verification', surveyed, byOwner('2022-03-20'), 'not_verified'],
    ['remove once verified, without a notice', verified, byOwner('2022-03-20'), null],
    ['remove on the survey day', verified, byOwner('2022-03-01'), null],
    ['remove before the survey', verified, byOwner('2022-02-28'), 'before_survey'],
    ['remove before the notice', noticed, byOwner('2022-03-09'), 'before_notice'],
    ['remove twice', removed, byOwner('2022-03-25'), 'already_removed'],
    [
      'enforcement without a legal basis',
      verified,
      { kind: 'remove', on: '2022-03-20', by: 'enforcement', legalBasis: ' ' },
      'legal_basis_required',
    ],
    [
      'enforcement with its legal basis',
      verified,
      { kind: 'remove', on: '2022-03-20', by: 'enforcement', legalBasis: '城乡规划法第六十五条' },
      null,
    ],
    ['clear before removal', noticed, { kind: 'clear', on: '2022-03-25' }, 'not_removed'],
    ['clear before the removal date', removed, { kind: 'clear', on: '2022-03-19' }, 'before_removal'],
    ['clear on the removal day', removed, { kind: 'clear', on: '2022-03-20' }, null],
    ['clear twice', cleared, { kind: 'clear', on: '2022-03-22' }, 'already_cleared'],
  ];
  it.each(cases)('%s', (_name, facts, step, expected) => expect(stepProblem(facts, step)).toBe(expected));
});

describe('selfRemovalRates (percent, one decimal, by count and by area)', () => {
  const cases: [string, [number, number, number, number], { byCount: number; byArea: number }][] = [
    ['nothing removed', [0, 0, 0, 0], { byCount: 0, byArea: 0 }],
    ['the seed district: 68% of 4,091', [4091, 136_042.6, 2782, 92_510.9], { byCount: 68, byArea: 68 }],
    ['all by their owners', [3, 30, 3, 30], { byCount: 100, byArea: 100 }],
    ['two of three, the small ones', [3, 100, 2, 10], { byCount: 66.7, byArea: 10 }],
    ['one of three, rounding down', [3, 300, 1, 0.4], { byCount: 33.3, byArea: 0.1 }],
  ];
  it.each(cases)('%s', (_name, [removed, removedArea, selfRemoved, selfRemovedArea], expected) => {
    expect(selfRemovalRates({ removed, removedArea, selfRemoved, selfRemovedArea })).toEqual(expected);
  });
});

describe('removalPace (share of a cohort removed, and its average days survey → removal)', () => {
  const cases: [string, RemovalCohort, { rate: number; averageDays: number | null }][] = [
    ['nothing surveyed', { structures: 0, removed: 0, days: 0 }, { rate: 0, averageDays: null }],
    ['none removed yet', { structures: 4, removed: 0, days: 0 }, { rate: 0, averageDays: null }],
    ['all removed, whole days', { structures: 2, removed: 2, days: 30 }, { rate: 100, averageDays: 15 }],
    ['half days kept', { structures: 3, removed: 2, days: 45 }, { rate: 66.7, averageDays: 22.5 }],
    ['one decimal', { structures: 3, removed: 3, days: 10 }, { rate: 100, averageDays: 3.3 }],
    ['one of three', { structures: 3, removed: 1, days: 7 }, { rate: 33.3, averageDays: 7 }],
  ];
  it.each(cases)('%s', (_name, cohort, expected) => expect(removalPace(cohort)).toEqual(expected));
});

describe('leadersFirst (party members and public employees beside everyone else)', () => {
  const c = (structures: number, removed: number, days: number): RemovalCohort => ({
    structures,
    removed,
    days,
  });
  const cases: [string, RemovalCohort, RemovalCohort, boolean | null][] = [
    ['no leaders’ structures: nothing to compare', c(0, 0, 0), c(5, 3, 30), null],
    ['only leaders’ structures: nothing to compare', c(2, 2, 10), c(0, 0, 0), null],
    ['a larger share removed', c(2, 2, 40), c(4, 2, 10), true],
    ['a smaller share removed, however quickly', c(3, 1, 1), c(2, 2, 60), false],
    ['the same share, sooner', c(2, 1, 10), c(4, 2, 30), true],
    ['the same share, later', c(2, 1, 20), c(4, 2, 30), false],
    ['the same share and pace is not first', c(1, 1, 10), c(2, 2, 20), false],
    ['neither removed any', c(1, 0, 0), c(3, 0, 0), false],
    // 1/3 and 333/1000 round to the same 33.3%, but a third is more.
    ['compared exactly, not on the rounded rates', c(3, 1, 5), c(1000, 333, 1665), true],
  ];
  it.each(cases)('%s', (_name, leaders, others, expected) =>
    expect(leadersFirst(leaders, others)).toBe(expected),
  );
});
