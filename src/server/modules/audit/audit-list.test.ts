/**
 * The audit list: no way around masking (the records its events carry are masked for the
 * reader as their own pages mask them), and filters that take only declared codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { can, roles } from '../../../domain/access.js';
import { personalFields } from '../../../domain/masking.js';
import { recordAudit, systemActor } from '../../platform/audit.js';
import {
  adminPassword,
  login,
  requests,
  type Session,
  sessionAs,
  type TestApp,
  testApp,
} from '../../testing/app.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let admin: Session;
let hq: Session;

const phone = '13912345678';

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  admin = await login(t.app, 'admin', adminPassword);
  hq = await sessionAs(t, 'hq');
});

const eventsOf = async (entityType: string, entityId: string) =>
  (await get(`/api/audit?entityType=${entityType}&entityId=${entityId}`, admin)).json().items as {
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];

describe('audit events of cadres', () => {
  it('show the admin (without cadre.personal) a masked phone, before and after an edit', async () => {
    const created = await send(
      'POST',
      '/api/cadres',
      { name: '审计测试干部', level: 'section', regionCode: '410203002', phone },
      hq,
    );
    expect(created.statusCode).toBe(201);
    const cadre = created.json();
    const edited = await send(
      'PATCH',
      `/api/cadres/${cadre.id}`,
      { version: cadre.version, phone: '13800001111' },
      hq,
    );
    expect(edited.statusCode).toBe(200);

    const events = await eventsOf('cadre', cadre.id);
    expect(events.map((e) => e.action).sort()).toEqual(['cadre.create', 'cadre.update']);
    const body = JSON.stringify(events);
    expect(body).not.toContain(phone);
    expect(body).not.toContain('13800001111');
    const update = events.find((e) => e.action === 'cadre.update');
    expect(update?.before?.phone).toBe('139****5678');
    expect(update?.after?.phone).toBe('138****1111');
    // What is not personal stays as written.
    expect(update?.after?.name).toBe('审计测试干部');
  });
});

describe('audit events of owners and households', () => {
  it('show the admin (without household.personal) masked names, phones and ID numbers', async () => {
    const owner = { name: '王某甲', idNumber: '410203199001011234', phone, kind: 'person' };
    await recordAudit(t.database.db, systemActor('test'), {
      action: 'test.owner',
      entityType: 'owner',
      entityId: 'owner-1',
      before: owner,
      after: { ...owner, phone: '13800002222' },
    });
    await recordAudit(t.database.db, systemActor('test'), {
      action: 'test.household',
      entityType: 'household',
      entityId: 'household-1',
      after: {
        room: '101',
        ownerName: '李某乙',
        ownerIdNumber: '41020319850505432X',
        contactPhone: phone,
        owner,
      },
    });

    const [ownerEvent] = await eventsOf('owner', 'owner-1');
    expect(ownerEvent?.before).toEqual({
      name: '王**',
      idNumber: '4102**********1234',
      phone: '139****5678',
      kind: 'person',
    });
    expect(ownerEvent?.after?.phone).toBe('138****2222');

    const [household] = await eventsOf('household', 'household-1');
    expect(household?.after).toEqual({
      room: '101',
      ownerName: '李**',
      ownerIdNumber: '4102**********432X',
      contactPhone: '139****5678',
      owner: { name: '王**', idNumber: '4102**********1234', phone: '139****5678', kind: 'person' },
    });
  });
});

describe('who may read the audit log', () => {
  it('is a role without the personal rights, so the log shows nobody personal data whole', () => {
    // If a role ever gets audit.read and a personal right, extend these tests with that role
    // seeing the values whole (maskRecord's own tests show the rule does that).
    const readers = roles.filter((r) => can(r, 'audit.read'));
    expect(readers).toEqual(['admin']);
    for (const rule of Object.values(personalFields)) expect(can('admin', rule.action)).toBe(false);
  });
});

describe('filtering by action and object', () => {
  it('takes only declared action codes and entity types', async () => {
    for (const qs of ['action=cadre', 'action=cadre.nonsense', 'entityType=thing']) {
      const res = await get(`/api/audit?${qs}`, admin);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('filters by one exact code', async () => {
    const res = await get('/api/audit?action=cadre.update&pageSize=100', admin);
    expect(res.statusCode).toBe(200);
    const actions = new Set(res.json().items.map((e: { action: string }) => e.action));
    expect([...actions]).toEqual(['cadre.update']);
  });
});
