import { describe, expect, it } from 'vitest';
import {
  addMonths,
  afterFeedback,
  currentStep,
  deadlineOf,
  type ExtensionProblem,
  extensionProblem,
  type FeedbackLevel,
  type FilledValue,
  fillText,
  formatValue,
  gradeAllowed,
  gradeListProblem,
  isOverdue,
  mayDo,
  mayRaiseToA,
  mayReturn,
  type PlaceholderFormat,
  type ProposalAction,
  type ProposalStatus,
  type ProposalStep,
  paragraphsOf,
  parsePlaceholder,
  piecesOf,
  type RaiseProblem,
  raiseProblem,
  replyTitle,
  unknownPlaceholders,
} from './proposals.js';

describe('addMonths (day clamped to the month end)', () => {
  const cases: [string, number, string][] = [
    ['2023-03-05', 3, '2023-06-05'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2022-11-30', 3, '2023-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2023-10-15', 3, '2024-01-15'],
  ];
  it.each(cases)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it('the deadline is 3 months after assignment', () => expect(deadlineOf('2023-03-05')).toBe('2023-06-05'));
});

describe('extensionProblem (a reason, later, never past 6 months)', () => {
  const assigned = '2023-03-05';
  const deadline = '2023-06-05';
  const cases: [string, string, string | null, ExtensionProblem | null][] = [
    ['a month more with a reason', '2023-07-05', '需协调市级部门', null],
    ['exactly 6 months', '2023-09-05', '资金待批复', null],
    ['a day past 6 months', '2023-09-06', '资金待批复', 'past_six_months'],
    ['a year', '2024-03-05', '资金待批复', 'past_six_months'],
    ['no reason', '2023-07-05', null, 'reason_required'],
    ['a blank reason', '2023-07-05', '  ', 'reason_required'],
    ['not later than now', '2023-06-05', '资金待批复', 'not_later'],
    ['earlier', '2023-05-01', '资金待批复', 'not_later'],
  ];
  it.each(cases)('%s', (_name, to, reason, expected) => {
    expect(extensionProblem(assigned, deadline, to, reason)).toBe(expected);
  });
});

describe('mayReturn (a misassigned proposal, within 10 days)', () => {
  const cases: [string, string, boolean][] = [
    ['the same day', '2023-03-05', true],
    ['the 10th day', '2023-03-15', true],
    ['the 11th day', '2023-03-16', false],
  ];
  it.each(cases)('%s', (_name, today, expected) => expect(mayReturn('2023-03-05', today)).toBe(expected));
});

describe('isOverdue (reply owed after the deadline day)', () => {
  const cases: [ProposalStatus, string | null, string, boolean][] = [
    ['assigned', '2023-06-05', '2023-06-05', false],
    ['assigned', '2023-06-05', '2023-06-06', true],
    ['drafted', '2023-06-05', '2023-07-01', true],
    ['signed', '2023-06-05', '2023-07-01', true],
    ['replied', '2023-06-05', '2023-07-01', false],
    ['closed', '2023-06-05', '2023-07-01', false],
    ['registered', null, '2023-07-01', false],
  ];
  it.each(cases)('%s due %s, on %s: %s', (status, deadline, today, expected) => {
    expect(isOverdue({ status, deadline }, today)).toBe(expected);
  });
});

describe('mayDo (steps in order)', () => {
  const cases: [ProposalAction, ProposalStatus, boolean][] = [
    ['assign', 'registered', true],
    ['assign', 'assigned', false],
    ['draft', 'assigned', true],
    ['draft', 'drafted', true],
    ['draft', 'signed', false],
    ['review', 'drafted', true],
    ['review', 'assigned', false],
    ['sign', 'reviewed', true],
    ['sign', 'drafted', false],
    ['send', 'signed', true],
    ['feedback', 'replied', true],
    ['feedback', 'signed', false],
    ['extend', 'signed', false],
  ];
  it.each(cases)('%s from %s: %s', (action, status, expected) =>
    expect(mayDo(action, status)).toBe(expected),
  );
});

describe('afterFeedback (not satisfied reopens it)', () => {
  const cases: [FeedbackLevel, ProposalStatus][] = [
    ['satisfied', 'closed'],
    ['basically_satisfied', 'closed'],
    ['not_satisfied', 'assigned'],
  ];
  it.each(cases)('%s → %s', (level, expected) => expect(afterFeedback(level)).toBe(expected));
});

describe('currentStep', () => {
  const cases: [ProposalStatus, boolean, ProposalStep][] = [
    ['registered', false, 'assigned'],
    ['assigned', true, 'inputs'],
    ['assigned', false, 'drafted'],
    ['drafted', false, 'reviewed'],
    ['reviewed', false, 'signed'],
    ['signed', false, 'replied'],
    ['replied', false, 'feedback'],
  ];
  it.each(cases)('%s (inputs owed %s) → %s', (status, owed, expected) =>
    expect(currentStep(status, owed)).toBe(expected),
  );
});

describe('grades', () => {
  const cases: [string, readonly string[], boolean][] = [
    ['B', ['A', 'B', 'C'], true],
    ['D', ['A', 'B', 'C'], false],
    ['D', ['A', 'B', 'C', 'D'], true],
    ['b', ['A', 'B', 'C'], false],
  ];
  it.each(cases)('%s in %j: %s', (grade, list, expected) => expect(gradeAllowed(grade, list)).toBe(expected));

  const raise: [string | null, boolean[], boolean][] = [
    ['B', [true, true], true],
    ['B', [true, false], false],
    ['B', [], false],
    ['C', [true], false],
    ['A', [true], false],
  ];
  it.each(raise)('raise %s to A with commitments done %j: %s', (grade, done, expected) =>
    expect(mayRaiseToA(grade, done)).toBe(expected),
  );

  const why: [string | null, boolean[], string[], RaiseProblem | null][] = [
    ['B', [true], ['A', 'B', 'C'], null],
    ['B', [true, false], ['A', 'B', 'C'], 'open_commitments'],
    ['B', [], ['A', 'B', 'C'], 'no_commitments'],
    ['C', [true], ['A', 'B', 'C'], 'not_b'],
    [null, [true], ['A', 'B', 'C'], 'not_b'],
    ['B', [true], ['B', 'C', 'D'], 'a_not_in_list'],
  ];
  it.each(why)('why %s with %j in %j cannot be raised: %s', (grade, done, list, expected) =>
    expect(raiseProblem(grade, done, list)).toBe(expected),
  );

  const lists: [string, { code: string; label: string }[], ReturnType<typeof gradeListProblem>][] = [
    [
      'A/B/C',
      [
        { code: 'A', label: '已解决' },
        { code: 'B', label: '正在解决' },
      ],
      null,
    ],
    ['empty', [], { problem: 'empty', index: 0 }],
    ['no code', [{ code: ' ', label: '已解决' }], { problem: 'code_required', index: 0, field: 'code' }],
    [
      'no label',
      [
        { code: 'A', label: '已解决' },
        { code: 'D', label: '' },
      ],
      { problem: 'label_required', index: 1, field: 'label' },
    ],
    [
      'a code twice',
      [
        { code: 'A', label: '已解决' },
        { code: 'A ', label: '又一个' },
      ],
      { problem: 'duplicate_code', index: 1, field: 'code' },
    ],
  ];
  it.each(lists)('grade list %s', (_name, list, expected) =>
    expect(gradeListProblem(list)).toEqual(expected),
  );
});

describe('parsePlaceholder', () => {
  it.each([
    ['compounds', { figure: 'compounds', from: null, to: null, region: null, format: 'plain' }],
    [
      'renovatedCompounds|2019-2022',
      { figure: 'renovatedCompounds', from: 2019, to: 2022, region: null, format: 'plain' },
    ],
    [
      'households | 2019-2022 | 万',
      { figure: 'households', from: 2019, to: 2022, region: null, format: 'wan' },
    ],
    [
      'buildings|2022|410203002',
      { figure: 'buildings', from: 2022, to: 2022, region: '410203002', format: 'plain' },
    ],
    ['buildings|千分位', { figure: 'buildings', from: null, to: null, region: null, format: 'grouped' }],
    ['floorArea|2019-2022|万取整', { figure: 'floorArea', from: 2019, to: 2022, format: 'wan_int' }],
    ['cadres|取整十', { figure: 'cadres', format: 'tens' }],
    ['facilities|2019-2022|取整百', { figure: 'facilities', from: 2019, to: 2022, format: 'hundreds' }],
  ])('%s', (inside, expected) => expect(parsePlaceholder(inside)).toMatchObject(expected));
  it.each([
    ['', 'unknown_figure'],
    ['户数', 'unknown_figure'],
    ['households|2022-2019', 'bad_period'],
    ['households|某年', 'bad_part'],
  ])('%s is refused: %s', (inside, problem) => expect(parsePlaceholder(inside)).toBe(problem));
});

describe('unknownPlaceholders (named, each once)', () => {
  const figures = ['compounds', 'households', 'renovatedCompounds'];
  const cases: [string, string[]][] = [
    ['共有小区{{compounds}}个', []],
    ['改造{{renovatedCompounds|2019-2022}}个，惠及{{households|2019-2022|万}}万余户', []],
    ['{{compound}}个、{{compound}}个', ['compound']],
    ['{{households|去年}}户与{{shops}}处', ['households|去年', 'shops']],
    ['no placeholders', []],
  ];
  it.each(cases)('%s', (text, expected) => expect(unknownPlaceholders(text, figures)).toEqual(expected));
});

describe('formatValue (as the letter writes figures)', () => {
  const cases: [number, PlaceholderFormat, string][] = [
    [1203, 'plain', '1203'],
    [88.7, 'plain', '88.7'],
    [42_186, 'wan', '4.2'],
    [42_999, 'wan', '4.2'],
    [115_472, 'wan', '11.5'],
    [2_830_000, 'wan', '283'],
    [136_042.6, 'wan', '13.6'],
    [2_834_616.5, 'wan_int', '283'],
    [864, 'tens', '860'],
    [860, 'tens', '860'],
    [8634, 'hundreds', '8600'],
    [8699, 'hundreds', '8600'],
    [8600, 'hundreds', '8600'],
    [99, 'hundreds', '0'],
    [12_345, 'hundreds', '12300'],
    [1203, 'grouped', '1,203'],
  ];
  it.each(cases)('%d as %s → %s', (value, format, expected) =>
    expect(formatValue(value, format)).toBe(expected),
  );
});

describe('filling and pieces', () => {
  const v = (key: string, text: string): FilledValue => ({
    key,
    figure: key.split('|')[0] ?? key,
    from: null,
    to: null,
    region: null,
    value: 0,
    text,
  });
  it('fills every known placeholder and leaves the rest', () => {
    expect(fillText('共{{compounds}}个，{{ x }}', [v('compounds', '212')])).toBe('共212个，{{ x }}');
  });
  it('cuts a text into text and placeholder pieces', () => {
    expect(piecesOf('共{{compounds}}个')).toEqual([{ text: '共' }, { key: 'compounds' }, { text: '个' }]);
  });
  it('reads headings and paragraphs', () => {
    expect(paragraphsOf('# 凝聚推进力量\n\n## 强化组织领导。\n\n成立指挥部，\n抽调力量。')).toEqual([
      { kind: 'heading1', text: '凝聚推进力量' },
      { kind: 'heading2', text: '强化组织领导。' },
      { kind: 'text', text: '成立指挥部，抽调力量。' },
    ]);
  });
  it('titles the reply', () => {
    expect(
      replyTitle({ committee: '市政协', session: '十三届一次会议', number: 384, kind: 'proposal' }),
    ).toBe('关于市政协十三届一次会议第384号提案的答复');
  });
});
