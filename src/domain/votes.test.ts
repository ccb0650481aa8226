import { describe, expect, it } from 'vitest';
import {
  areaCents,
  ballotCode,
  ballotCodeAlphabet,
  countedAreaCents,
  describeMeasure,
  describeTally,
  formatArea,
  formatShare,
  generalThreshold,
  headcountKey,
  meets,
  quorumThreshold,
  type RegisterUnit,
  specialThreshold,
  type Threshold,
  tally,
  type VoteChoice,
  type VoteMatter,
  votersOf,
} from './votes.js';

describe('meets (exact fractions at the boundary)', () => {
  const cases: [string, bigint, bigint, Threshold, boolean][] = [
    ['exactly 2/3 is 以上', 2n, 3n, quorumThreshold, true],
    ['just under 2/3', 66_666n, 100_000n, quorumThreshold, false],
    ['2/3 of an area in hundredths, exactly', 200_000n, 300_000n, quorumThreshold, true],
    ['one hundredth short of 2/3 of 3,000.00 m²', 199_999n, 300_000n, quorumThreshold, false],
    ['exactly 3/4 is 以上', 3n, 4n, specialThreshold, true],
    ['one hundredth short of 3/4', 224_999n, 300_000n, specialThreshold, false],
    ['exactly one half is not 过半数', 1n, 2n, generalThreshold, false],
    ['one more than half', 51n, 100n, generalThreshold, true],
    ['one hundredth more than half', 150_001n, 300_000n, generalThreshold, true],
    ['nobody took part: nothing is met', 0n, 0n, generalThreshold, false],
    ['floats would say 0.1+0.2 ≠ 0.3; hundredths are exact', 30n, 45n, quorumThreshold, true],
  ];
  it.each(cases)('%s', (_name, part, whole, t, expected) => {
    expect(meets(part, whole, t)).toBe(expected);
  });
});

describe('areas in hundredths', () => {
  const cases: [number | string, bigint][] = [
    [78.5, 7850n],
    ['2012.40', 201_240n],
    [0.1 + 0.2, 30n],
    [52.07, 5207n],
    ['96', 9600n],
  ];
  it.each(cases)('%s m²', (a, cents) => expect(areaCents(a)).toBe(cents));

  it('counts registered, else surveyed, else contract area', () => {
    expect(countedAreaCents({ areaRegistered: 70, areaSurveyed: 71, areaContract: 72 })).toBe(7000n);
    expect(countedAreaCents({ areaRegistered: null, areaSurveyed: 71, areaContract: 72 })).toBe(7100n);
    expect(countedAreaCents({ areaRegistered: null, areaSurveyed: null, areaContract: 72 })).toBe(7200n);
    expect(countedAreaCents({ areaRegistered: null, areaSurveyed: null, areaContract: null })).toBe(0n);
  });
});

describe('headcount', () => {
  const u = (
    householdId: string,
    ownerId: string | null,
    ownerKind = 'person',
    area = 1000n,
  ): RegisterUnit => ({
    householdId,
    ownerId,
    ownerKind,
    areaCents: area,
  });
  it('one owner with several units counts once, with all their area', () => {
    const voters = votersOf([u('h1', 'o1'), u('h2', 'o1', 'person', 2000n), u('h3', 'o2')]);
    expect(voters.size).toBe(2);
    expect(voters.get('owner:o1')).toEqual({ areaCents: 3000n, units: 2 });
  });
  it("unsold developer units count together as one, whoever's record they sit under", () => {
    const voters = votersOf([u('h1', 'd1', 'developer'), u('h2', 'd2', 'developer'), u('h3', 'o1')]);
    expect(voters.size).toBe(2);
    expect(voters.get('developer')).toEqual({ areaCents: 2000n, units: 2 });
  });
  it('a unit without an owner on record counts as one', () => {
    expect(headcountKey({ householdId: 'h9', ownerId: null, ownerKind: null })).toBe('household:h9');
  });
});

describe('tally (quorum over the register, approval over those taking part)', () => {
  type Case = [string, VoteMatter, [bigint, VoteChoice | null][], { quorum: boolean; approved: boolean }];
  // Areas in hundredths; one entry per voter (headcount key).
  const cases: Case[] = [
    [
      'exactly 2/3 take part by area and headcount: quorum',
      'renovation_plan',
      [
        [100n, 'for'],
        [100n, 'for'],
        [100n, null],
      ],
      { quorum: true, approved: true },
    ],
    [
      'quorum met by area but not by headcount',
      'renovation_plan',
      [
        [800n, 'for'],
        [100n, null],
        [100n, null],
      ],
      { quorum: false, approved: true },
    ],
    [
      'quorum met by headcount but not by area',
      'renovation_plan',
      [
        [100n, 'for'],
        [100n, 'for'],
        [800n, null],
      ],
      { quorum: false, approved: true },
    ],
    [
      'exactly one half for a general matter: not approved',
      'renovation_plan',
      [
        [100n, 'for'],
        [100n, 'against'],
      ],
      { quorum: true, approved: false },
    ],
    [
      'abstaining takes part: 2 for of 4 is not more than half',
      'fund_use',
      [
        [100n, 'for'],
        [100n, 'for'],
        [100n, 'abstain'],
        [100n, 'against'],
      ],
      { quorum: true, approved: false },
    ],
    [
      'exactly 3/4 for a special matter: approved',
      'fund_raise',
      [
        [100n, 'for'],
        [100n, 'for'],
        [100n, 'for'],
        [100n, 'against'],
      ],
      { quorum: true, approved: true },
    ],
    [
      'a lift: 3/4 by headcount but under 3/4 by area',
      'add_lift',
      [
        [100n, 'for'],
        [100n, 'for'],
        [100n, 'for'],
        [301n, 'against'],
      ],
      { quorum: true, approved: false },
    ],
    ['nobody voted', 'other', [[100n, null]], { quorum: false, approved: false }],
  ];
  it.each(cases)('%s', (_name, matter, voters, expected) => {
    const t = tally(
      matter,
      voters.map(([areaCents, choice], i) => ({ key: String(i), areaCents, choice })),
    );
    expect(t.quorumMet).toBe(expected.quorum);
    expect(t.approved).toBe(expected.approved);
    expect(t.passed).toBe(expected.quorum && expected.approved);
  });

  describe('adding a lift: an owner whose exclusive part the lift occupies must consent', () => {
    type Row = [bigint, VoteChoice | null, boolean];
    const lift = (rows: Row[], matter: VoteMatter = 'add_lift') =>
      tally(
        matter,
        rows.map(([areaCents, choice, occupied], i) => ({ key: String(i), areaCents, choice, occupied })),
      );
    const cases: [string, Row[], { consent: [number, number, boolean]; passed: boolean }][] = [
      [
        'every owner for, the occupied one too',
        [
          [100n, 'for', true],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
        ],
        { consent: [1, 1, true], passed: true },
      ],
      [
        'thresholds met, but the occupied owner votes against: not passed',
        [
          [100n, 'against', true],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
        ],
        { consent: [1, 0, false], passed: false },
      ],
      [
        'abstaining is not consent',
        [
          [100n, 'abstain', true],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
        ],
        { consent: [1, 0, false], passed: false },
      ],
      [
        'an occupied owner who has not voted has not consented',
        [
          [100n, null, true],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
        ],
        { consent: [1, 0, false], passed: false },
      ],
      [
        'nobody occupied: the thresholds decide',
        [
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'for', false],
          [100n, 'against', false],
        ],
        { consent: [0, 0, true], passed: true },
      ],
    ];
    it.each(cases)('%s', (_name, rows, expected) => {
      const t = lift(rows);
      expect(t.consent).toEqual({
        required: expected.consent[0],
        given: expected.consent[1],
        met: expected.consent[2],
      });
      expect(t.passed).toBe(expected.passed);
    });
    it('other matters ask no consent', () => {
      expect(
        lift(
          [
            [100n, 'against', true],
            [100n, 'for', false],
            [100n, 'for', false],
          ],
          'renovation_plan',
        ).consent,
      ).toBeNull();
    });
  });

  it('states each threshold with its numbers', () => {
    const t = tally('renovation_plan', [
      { key: 'a', areaCents: 201_240n, choice: 'for' },
      { key: 'b', areaCents: 93_770n, choice: null },
    ]);
    expect(describeTally(t)).toEqual({
      quorumArea: '2,012.40 / 2,950.10 m² = 68.2% ≥ 66.7%',
      quorumHeadcount: '1 / 2 = 50.0% < 66.7%',
      approvalArea: '2,012.40 / 2,012.40 m² = 100.0% > 50.0%',
      approvalHeadcount: '1 / 1 = 100.0% > 50.0%',
    });
    expect(
      describeMeasure({ part: 1n, whole: 2n, threshold: generalThreshold, met: false }, 'headcount'),
    ).toBe('1 / 2 = 50.0% ≤ 50.0%');
  });
});

describe('formatting', () => {
  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [283_461_650n, '2,834,616.50'],
  ])('%s hundredths', (c, s) => expect(formatArea(c)).toBe(s));
  it.each([
    [2n, 3n, '66.7%'],
    [1n, 3n, '33.3%'],
    [1n, 2n, '50.0%'],
    [0n, 0n, '—'],
  ])('%s / %s', (p, w, s) => expect(formatShare(p, w)).toBe(s));
  it('ballot codes use the alphabet without look-alikes', () => {
    let i = 0;
    const code = ballotCode((n) => i++ % n);
    expect(code).toHaveLength(10);
    for (const ch of code) expect(ballotCodeAlphabet).toContain(ch);
  });
});
