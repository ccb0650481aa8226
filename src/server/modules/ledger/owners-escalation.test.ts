import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { defaultStageLists } from '../../../domain/consultations.js';
import { defaultFacilityTypes } from '../../../domain/facilities.js';
import { defaultOpinionCategories } from '../../../domain/opinions.js';
import { defaultGrades } from '../../../domain/proposals.js';
import { defaultCheckFrequency } from '../../../domain/quality.js';
import { cadres } from '../../db/schema.js';
import {
  buildUser,
  login,
  requests,
  type Session,
  sessionAs,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import {
  buildCadre,
  buildLedgerItem,
  buildLedUnit,
  buildTaskForce,
  buildUnit,
  daysFromToday as inDays,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let tieta: Session;
let admin: Session;

/** A user logged in as the given cadre. */
async function loginAs(cadreId: string, role: 'community' | 'hq' = 'community') {
  const u = await buildUser(t.database, role, role === 'hq' ? [] : ['410203002']);
  await t.database.db.update(cadres).set({ userId: u.id }).where(eq(cadres.id, cadreId));
  return login(t.app, u.username, u.password);
}

beforeAll(async () => {
  // No demo district: every test builds the cadres, units and items it relies on.
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  admin = await sessionAs(t, 'admin');
});

describe('items owned by a unit', () => {
  it('takes exactly one owner', async () => {
    const unit = await buildUnit(t.database);
    const cadre = await buildCadre(t.database);
    const base = { title: '汇总质量抽检', deadline: inDays(5) };
    for (const owners of [{}, { ownerCadreId: cadre.id, ownerUnitId: unit.id }]) {
      const res = await send('POST', '/api/ledger', { ...base, ...owners }, hq);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.ownerCadreId).toMatch(/二选一/);
    }
  });

  it('is answered for by the unit’s leader, who sees it in "my ledger" and is told of it', async () => {
    const unit = await buildLedUnit(t.database);
    const force = await buildTaskForce(t.database, { name: '资金整合专班' });
    const leader = await loginAs(unit.leader.id);
    const res = await send(
      'POST',
      '/api/ledger',
      { title: '完成管线迁改资金审核', ownerUnitId: unit.id, taskForceId: force.id, deadline: inDays(4) },
      hq,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().owner).toEqual({
      kind: 'unit',
      id: unit.id,
      name: unit.name,
      level: null,
      unitName: unit.name,
      personName: unit.leader.name,
    });
    expect(res.json().taskForce).toEqual({ id: force.id, name: '资金整合专班' });
    const mine = (await get('/api/ledger/mine', leader)).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toContain(res.json().id);
    const told = (await get('/api/notifications', leader)).json().items;
    expect(
      told.some(
        (n: { kind: string; title: string }) => n.kind === 'assignment' && n.title === '完成管线迁改资金审核',
      ),
    ).toBe(true);
    // Another task force's item is not listed under this one.
    await buildLedgerItem(t.database, { taskForceId: (await buildTaskForce(t.database)).id });
    const byForce = (await get(`/api/ledger?taskForceId=${force.id}`, hq)).json();
    expect(byForce.items.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    expect(byForce.items.every((i: { taskForce: { id: string } }) => i.taskForce.id === force.id)).toBe(true);
  });

  it('shows the board by task force, overdue first', async () => {
    const behind = await buildTaskForce(t.database);
    const onTime = await buildTaskForce(t.database);
    await buildLedgerItem(t.database, { taskForceId: behind.id, deadline: inDays(-30) });
    await buildLedgerItem(t.database, { taskForceId: onTime.id, deadline: inDays(2) });
    const board = (await get('/api/ledger/board', hq)).json();
    expect(board.byTaskForce.length).toBeGreaterThan(1);
    const late = (r: { overdue: number; seriouslyOverdue: number }) => r.overdue + r.seriouslyOverdue;
    expect(late(board.byTaskForce[0])).toBeGreaterThan(0);
    const at = (id: string) => board.byTaskForce.findIndex((r: { id: string | null }) => r.id === id);
    expect(at(behind.id)).toBeGreaterThanOrEqual(0);
    expect(at(behind.id)).toBeLessThan(at(onTime.id));
    const open = board.byTaskForce.reduce((n: number, r: { open: number }) => n + r.open, 0);
    expect(open).toBe((await get('/api/ledger?status=open&pageSize=1', hq)).json().total);
  });
});

describe('escalation to superiors', () => {
  it('tells the owner’s superior of an overdue item, and theirs once it is seriously overdue', async () => {
    const top = await buildCadre(t.database, { level: 'county' });
    const middle = await buildCadre(t.database, { level: 'section', superiorId: top.id });
    const owner = await buildCadre(t.database, { superiorId: middle.id });
    const superior = await loginAs(middle.id);
    const topSession = await loginAs(top.id, 'hq');
    await buildLedgerItem(t.database, {
      title: '示例·逾期两天的事项',
      ownerCadreId: owner.id,
      deadline: inDays(-2),
    });
    await buildLedgerItem(t.database, {
      title: '示例·严重逾期的事项',
      ownerCadreId: owner.id,
      deadline: inDays(-30),
    });
    const kinds = async (s: Session) =>
      (await get('/api/notifications', s))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'escalated');
    const toSuperior = (await kinds(superior)).map((n: { title: string }) => n.title).join('|');
    expect(toSuperior).toMatch(/逾期两天/);
    expect(toSuperior).toMatch(/严重逾期/);
    const toTop = (await kinds(topSession)).map((n: { title: string }) => n.title).join('|');
    expect(toTop).toMatch(/严重逾期/);
    expect(toTop).not.toMatch(/逾期两天/);
    // Once, not again on the next look.
    const seen = (await kinds(superior)).length;
    expect(await kinds(superior)).toHaveLength(seen);
  });
});

describe('settings', () => {
  it('401, 403 for a role that may not change them, 400 for a bad threshold', async () => {
    expect(
      (await send('PATCH', '/api/settings', { escalation: { dueSoonDays: 5, seriousAfterDays: 10 } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await send('PATCH', '/api/settings', { escalation: { dueSoonDays: 5, seriousAfterDays: 10 } }, tieta))
        .statusCode,
    ).toBe(403);
    const bad = await send(
      'PATCH',
      '/api/settings',
      { escalation: { dueSoonDays: -1, seriousAfterDays: 10 } },
      hq,
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['escalation.dueSoonDays']);
  });

  it('moves every item’s escalation with the thresholds', async () => {
    // Without the demo district's setting, the national cut-off; the default thresholds.
    expect((await get('/api/settings', tieta)).json()).toEqual({
      oldCutoffYear: 2000,
      escalation: { dueSoonDays: 3, seriousAfterDays: 7 },
      checkFrequency: defaultCheckFrequency,
      illegal: { tolerancePercent: 5, types: ['棚屋', '扩建', '封闭院落', '屋顶建筑', '占用绿地', '其他'] },
      consultations: { stageLists: defaultStageLists },
      proposalGrades: defaultGrades,
      opinionCategories: defaultOpinionCategories,
      facilities: { types: defaultFacilityTypes },
    });
    const owner = await buildCadre(t.database);
    const created = await send(
      'POST',
      '/api/ledger',
      { title: '十日后到期', ownerCadreId: owner.id, deadline: inDays(10) },
      hq,
    );
    expect(created.json().escalation).toBe('none');
    // The other tests here count on the default thresholds.
    onTestFinished(async () => {
      const back = { escalation: { dueSoonDays: 3, seriousAfterDays: 7 } };
      expect((await send('PATCH', '/api/settings', back, admin)).statusCode).toBe(200);
    });
    const changed = await send(
      'PATCH',
      '/api/settings',
      { escalation: { dueSoonDays: 14, seriousAfterDays: 7 } },
      admin,
    );
    expect(changed.json().escalation.dueSoonDays).toBe(14);
    const listed = (await get(`/api/ledger?q=${encodeURIComponent('十日后到期')}`, hq)).json().items;
    expect(listed.map((i: { id: string }) => i.id)).toEqual([created.json().id]);
    expect(listed[0].escalation).toBe('due_soon');
  });
});
