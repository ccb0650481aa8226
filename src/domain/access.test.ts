import { describe, expect, it } from 'vitest';
import {
  type Action,
  actsForFirm,
  can,
  commonRegion,
  inScope,
  projectScoped,
  type Role,
  scopePrefixes,
  scopeProblem,
} from './access.js';

describe('can (role × action)', () => {
  const cases: [Role, Action, boolean][] = [
    ['admin', 'user.manage', true],
    ['hq', 'opinion.handle', true],
    ['subdistrict', 'opinion.handle', true],
    ['community', 'opinion.handle', true],
    ['viewer', 'opinion.read', true],
    ['viewer', 'opinion.handle', false],
    ['contractor', 'opinion.read', false],
    ['supervisor', 'opinion.read', false],
    ['resident_supervisor', 'opinion.read', false],
    ['admin', 'opinion.read', false],
    ['hq', 'proposal.handle', true],
    ['hq', 'proposal.review', true],
    ['hq', 'proposal.sign', false],
    ['leader', 'proposal.sign', true],
    ['leader', 'proposal.handle', false],
    ['viewer', 'proposal.read', true],
    ['viewer', 'proposal.handle', false],
    ['subdistrict', 'proposal.read', false],
    ['admin', 'proposal.read', false],
    ['admin', 'audit.read', true],
    ['hq', 'user.manage', false],
    ['hq', 'audit.read', false],
    ['viewer', 'user.manage', false],
    ['subdistrict', 'region.read', true],
    ['resident_supervisor', 'region.read', true],
    ['resident_supervisor', 'audit.read', false],
    ['contractor', 'user.manage', false],
    ['viewer', 'stats.read', true],
    ['viewer', 'inventory.write', false],
    ['community', 'inventory.write', true],
    ['community', 'household.personal', true],
    ['admin', 'household.personal', false],
    ['hq', 'household.personal', false],
    ['hq', 'inventory.write', true],
    ['contractor', 'inventory.write', false],
    ['viewer', 'project.write', false],
    ['hq', 'project.write', true],
    ['subdistrict', 'ledger.write', true],
    ['community', 'ledger.write', false],
    ['viewer', 'ledger.read', true],
    ['hq', 'ledger.report', true],
    ['subdistrict', 'ledger.report', true],
    ['community', 'ledger.report', true],
    ['contractor', 'ledger.report', true],
    ['resident_supervisor', 'ledger.report', true],
    ['viewer', 'ledger.report', false],
    ['admin', 'ledger.report', false],
    ['hq', 'organisation.write', true],
    ['subdistrict', 'organisation.write', false],
    ['admin', 'organisation.write', false],
    ['hq', 'cadre.personal', true],
    ['subdistrict', 'cadre.personal', true],
    ['viewer', 'cadre.personal', false],
    ['hq', 'catalogue.manage', true],
    ['subdistrict', 'catalogue.manage', false],
    ['admin', 'settings.manage', true],
    ['hq', 'settings.manage', true],
    ['subdistrict', 'settings.manage', false],
    ['hq', 'firm.manage', true],
    ['subdistrict', 'firm.manage', false],
    ['hq', 'quality.manage', true],
    ['subdistrict', 'quality.manage', true],
    ['contractor', 'quality.manage', false],
    ['supervisor', 'quality.inspect', true],
    ['viewer', 'consultation.read', true],
    ['viewer', 'consultation.write', false],
    ['community', 'consultation.write', true],
    ['subdistrict', 'consultation.write', true],
    ['hq', 'consultation.write', true],
    ['contractor', 'consultation.write', false],
    ['admin', 'consultation.write', false],
    ['contractor', 'quality.inspect', false],
    ['viewer', 'facility.read', true],
    ['contractor', 'facility.read', true],
    ['hq', 'facility.write', true],
    ['subdistrict', 'facility.write', true],
    ['community', 'facility.write', true],
    ['contractor', 'facility.write', false],
    ['viewer', 'facility.write', false],
    ['admin', 'facility.write', false],
    ['contractor', 'quality.rectify', true],
    ['supervisor', 'quality.rectify', false],
    ['hq', 'quality.rectify', false],
    ['viewer', 'quality.inspect', false],
    ['resident_supervisor', 'quality.sign', true],
    ['community', 'quality.sign', true],
    ['hq', 'quality.sign', false],
    ['viewer', 'quality.sign', false],
    ['viewer', 'illegal.read', true],
    ['hq', 'illegal.write', true],
    ['subdistrict', 'illegal.write', true],
    ['community', 'illegal.write', true],
    ['contractor', 'illegal.write', false],
    ['viewer', 'illegal.write', false],
    ['admin', 'illegal.write', false],
    ['community', 'illegal.visit', true],
    ['contractor', 'illegal.visit', true],
    ['viewer', 'illegal.visit', false],
    ['admin', 'illegal.visit', false],
    ['hq', 'supervisor.manage', true],
    ['subdistrict', 'supervisor.manage', true],
    ['community', 'supervisor.manage', false],
    ['resident_supervisor', 'supervisor.manage', false],
    ['viewer', 'supervisor.manage', false],
    ['resident_supervisor', 'supervisor.report', true],
    ['contractor', 'supervisor.report', false],
    ['hq', 'supervisor.report', false],
    ['hq', 'vote.manage', true],
    ['subdistrict', 'vote.manage', true],
    ['community', 'vote.manage', true],
    ['contractor', 'vote.manage', false],
    ['viewer', 'vote.manage', false],
    ['admin', 'vote.manage', false],
  ];
  it.each(cases)('%s may %s: %s', (role, action, expected) => {
    expect(can(role, action)).toBe(expected);
  });
});

describe('projectScoped', () => {
  it.each([
    ['contractor', true],
    ['supervisor', true],
    ['subdistrict', false],
    ['resident_supervisor', true],
    ['hq', false],
  ] as [Role, boolean][])('%s reaches only projects it is named on: %s', (role, expected) => {
    expect(projectScoped(role)).toBe(expected);
  });
  it.each([
    ['contractor', true],
    ['supervisor', true],
    ['resident_supervisor', false],
    ['subdistrict', false],
  ] as [Role, boolean][])('%s acts for a firm: %s', (role, expected) => {
    expect(actsForFirm(role)).toBe(expected);
  });
});

describe('scopeProblem', () => {
  const cases: [Role, string[], ReturnType<typeof scopeProblem>][] = [
    ['admin', [], null],
    ['hq', [], null],
    ['viewer', ['410203001'], 'scope_not_allowed'],
    ['subdistrict', [], 'scope_required'],
    ['subdistrict', ['410203001'], null],
    ['community', ['410203001001', '410203001002'], null],
    ['resident_supervisor', [], 'scope_required'],
  ];
  it.each(cases)('%s with %j → %s', (role, scope, expected) => {
    expect(scopeProblem(role, scope)).toBe(expected);
  });
});

describe('scopePrefixes and inScope', () => {
  it('district-wide roles see everything whatever is stored', () => {
    expect(scopePrefixes('hq', ['410203001'])).toBeNull();
    expect(inScope(null, '410203006')).toBe(true);
    expect(inScope(null, null)).toBe(true);
  });
  const cases: [string[], string | null, boolean][] = [
    [['410203002'], '410203002', true],
    [['410203002'], '410203002001', true],
    [['410203002'], '410203001', false],
    [['410203002'], '410203', false],
    [['410203002', '410203200'], '410203200003', true],
    [[], '410203002', false],
    [['410203002'], null, false],
  ];
  it.each(cases)('prefixes %j contain %s: %s', (prefixes, code, expected) => {
    expect(inScope(scopePrefixes('subdistrict', prefixes), code)).toBe(expected);
  });
});

describe('commonRegion', () => {
  it.each([
    [[], null],
    [['410203002'], '410203002'],
    [['410203001', '410203002'], '410203'],
    [['410203002001', '410203002005'], '410203002'],
    [['410203001', '420100'], null],
  ] as [string[], string | null][])('commonRegion(%j) = %s', (scope, expected) => {
    expect(commonRegion(scope)).toBe(expected);
  });
});
