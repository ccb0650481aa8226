import { describe, expect, it } from 'vitest';
import type { ProjectStatus } from './inventory.js';
import {
  cadreCanServe,
  defaultCatalogue,
  missingMandatory,
  type ProjectFacts,
  transitionProblems,
} from './projects.js';

const complete: ProjectFacts = {
  liaisonCadreLevel: 'county',
  cadreInChargeLevel: 'section',
  hasTempPartyOrg: true,
  workGroupSize: 4,
  ledgerItems: 2,
  missingMandatoryItems: [],
  qualityBlocks: [],
  resolutionDisclosed: true,
};

describe('transitionProblems', () => {
  const cases: [string, ProjectStatus, ProjectStatus, Partial<ProjectFacts>, string[]][] = [
    ['planned → consulting', 'planned', 'consulting', {}, []],
    ['consulting → designed', 'consulting', 'designed', {}, []],
    [
      'consulting → designed before the resolution is passed and disclosed',
      'consulting',
      'designed',
      { resolutionDisclosed: false },
      ['resolution_not_disclosed'],
    ],
    [
      'planned → consulting needs no resolution yet',
      'planned',
      'consulting',
      { resolutionDisclosed: false },
      [],
    ],
    ['skipping a step', 'planned', 'designed', {}, ['not_next_step']],
    ['going back', 'tendered', 'designed', {}, ['not_next_step']],
    ['staying put', 'tendered', 'tendered', {}, ['not_next_step']],
    ['construction with everything in place', 'tendered', 'under_construction', {}, []],
    [
      'construction without a liaison cadre',
      'tendered',
      'under_construction',
      { liaisonCadreLevel: null },
      ['liaison_cadre_missing'],
    ],
    [
      'construction with a section-level liaison',
      'tendered',
      'under_construction',
      { liaisonCadreLevel: 'section' },
      ['liaison_cadre_not_county_level'],
    ],
    [
      'construction with a county-level cadre in charge',
      'tendered',
      'under_construction',
      { cadreInChargeLevel: 'county' },
      ['cadre_in_charge_not_section_level'],
    ],
    [
      'construction without a party organisation',
      'tendered',
      'under_construction',
      { hasTempPartyOrg: false },
      ['temp_party_org_missing'],
    ],
    [
      'construction without a work group',
      'tendered',
      'under_construction',
      { workGroupSize: 0 },
      ['work_group_empty'],
    ],
    ['construction without a ledger', 'tendered', 'under_construction', { ledgerItems: 0 }, ['ledger_empty']],
    [
      'construction with nothing in place lists every gap',
      'tendered',
      'under_construction',
      {
        liaisonCadreLevel: null,
        cadreInChargeLevel: null,
        hasTempPartyOrg: false,
        workGroupSize: 0,
        ledgerItems: 0,
      },
      [
        'liaison_cadre_missing',
        'cadre_in_charge_missing',
        'temp_party_org_missing',
        'work_group_empty',
        'ledger_empty',
      ],
    ],
    ['acceptance with every mandatory item', 'under_construction', 'accepted', {}, []],
    [
      'acceptance with a mandatory item missing',
      'under_construction',
      'accepted',
      { missingMandatoryItems: ['sewer'] },
      ['mandatory_items_missing'],
    ],
    [
      'acceptance with a gate open and a ticket open lists both, with the missing items',
      'under_construction',
      'accepted',
      {
        missingMandatoryItems: ['sewer'],
        qualityBlocks: [
          { gate: 'materials', problem: { reason: 'batch_blocked', material: '水泥', batch: 'B2' } },
          { gate: null, problem: { reason: 'tickets_open', count: 1 } },
        ],
      },
      ['mandatory_items_missing', 'quality_gate', 'quality_gate'],
    ],
    [
      'an open ticket does not stop construction from starting',
      'tendered',
      'under_construction',
      { qualityBlocks: [{ gate: null, problem: { reason: 'tickets_open', count: 1 } }] },
      [],
    ],
    ['hand-over after acceptance', 'accepted', 'handed_over', {}, []],
  ];
  it.each(cases)('%s', (_name, from, to, facts, expected) => {
    expect(transitionProblems(from, to, { ...complete, ...facts }).map((p) => p.reason)).toEqual(expected);
  });
});

describe('cadreCanServe', () => {
  it.each([
    ['410203', '410203002001', true],
    ['410203002', '410203002001', true],
    ['410203002', '410203001003', false],
    ['410203002001', '410203002002', false],
  ])('a cadre of %s on a project in %s: %s', (cadre, project, expected) => {
    expect(cadreCanServe(cadre, project)).toBe(expected);
  });
});

describe('missingMandatory', () => {
  const mandatory = ['sewer', 'road', 'lighting'];
  it.each([
    ['all chosen', [{ code: 'sewer' }, { code: 'road' }, { code: 'lighting' }], []],
    ['one missing', [{ code: 'sewer' }, { code: 'road' }], ['lighting']],
    [
      'one waived with a reason',
      [
        { code: 'sewer' },
        { code: 'road' },
        { code: 'lighting', status: 'waived', waiverReason: '已于2021年专项改造' },
      ],
      [],
    ],
    [
      'one waived without a reason',
      [{ code: 'sewer' }, { code: 'road' }, { code: 'lighting', status: 'waived', waiverReason: ' ' }],
      ['lighting'],
    ],
    ['optional items do not count', [{ code: 'lift' }], ['sewer', 'road', 'lighting']],
  ] as [string, { code: string; status?: string; waiverReason?: string }[], string[]][])(
    '%s',
    (_name, chosen, expected) => {
      expect(
        missingMandatory(
          mandatory,
          chosen.map((c) => ({
            code: c.code,
            status: c.status ?? 'planned',
            waiverReason: c.waiverReason ?? null,
          })),
        ),
      ).toEqual(expected);
    },
  );

  it('the default catalogue flags exactly the district’s eight mandatory items', () => {
    expect(defaultCatalogue.filter((c) => c.mandatory).map((c) => c.code)).toEqual([
      'sewer',
      'road',
      'facade',
      'stairwell',
      'lighting',
      'greening',
      'bicycle_shed',
      'parking',
    ]);
  });
});
