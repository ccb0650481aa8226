import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../contract/audit.js';
import { recordLink, recordName } from './labels.js';

const event = (e: Partial<AuditEvent>): AuditEvent => ({
  seq: 1,
  at: '2024-05-01T00:00:00.000Z',
  actorId: 'u-admin',
  actorName: 'admin',
  action: 'user.create',
  entityType: null,
  entityId: null,
  regionCode: null,
  outcome: 'ok',
  ip: null,
  before: null,
  after: null,
  ...e,
});

describe('recordLink', () => {
  it.each([
    [{ entityType: 'project', entityId: 'p-1' }, '/projects/p-1'],
    [
      { entityType: 'ledger_item', entityId: 'l-1', after: { title: '补齐消防通道' } },
      '/ledger?q=补齐消防通道',
    ],
    [{ entityType: 'cadre', entityId: 'c-1', after: { name: '张某' } }, '/organisation?tab=cadres&q=张某'],
    [
      { entityType: 'unit', entityId: 'n-1', before: { name: '区住建局' } },
      '/organisation?tab=units&q=区住建局',
    ],
    [{ entityType: 'user', entityId: 'u-2', after: { username: 'tieta' } }, '/admin/users?q=tieta'],
    // A login is the user's own act: the actor names the user.
    [{ entityType: 'user', entityId: 'u-admin', action: 'auth.login' }, '/admin/users?q=admin'],
    [{ entityType: 'setting', entityId: 'oldCutoffYear' }, '/admin/settings'],
    [{ entityType: 'households', action: 'import.households' }, '/compounds'],
    [{ entityType: 'first_secretaries', action: 'export.personal' }, '/organisation?tab=secretaries'],
  ] as const)('%o → %s', (e, link) => {
    expect(decodeURIComponent(recordLink(event(e)) ?? '')).toBe(link);
  });

  it('is null where no page shows the record', () => {
    expect(recordLink(event({ entityType: 'owner', entityId: 'o-1' }))).toBeNull();
    expect(recordLink(event({ action: 'access.denied' }))).toBeNull();
  });

  it('names the record by what the event carries', () => {
    expect(recordName(event({ entityType: 'cadre', after: { name: '张某', phone: '139****5678' } }))).toBe(
      '张某',
    );
    expect(recordName(event({ entityType: 'project', after: [{ code: 'A1' }] }))).toBeUndefined();
  });
});
