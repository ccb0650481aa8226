import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtToday } from '../../../domain/ledger.js';
import { cadres, ledgerItems, taskForces, units } from '../../db/schema.js';
import {
  buildUser,
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
let hq: Session;
let tieta: Session;
let admin: Session;
const today = districtToday();
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A user logged in as the given cadre. */
async function loginAs(cadreId: string, role: 'community' | 'hq' = 'community') {
  const u = await buildUser(t.database, role, role === 'hq' ? [] : ['410203002']);
  await t.database.db.update(cadres).set({ userId: u.id }).where(eq(cadres.id, cadreId));
  return login(t.app, u.username, u.password);
}

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  admin = await sessionAs(t, 'admin');
});

describe('items owned by a unit', () => {
  it('takes exactly one owner', async () => {
    const [unit] = await t.database.db.select().from(units).limit(1);
    const [cadre] = await t.database.db.select().from(cadres).limit(1);
    const base = { title: '汇总质量抽检', deadline: inDays(5) };
    for (const owners of [{}, { ownerCadreId: cadre?.id, ownerUnitId: unit?.id }]) {
      const res = await send('POST', '/api/ledger', { ...base, ...owners }, hq);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.ownerCadreId).toMatch(/二选一/);
    }
  });

  it('is answered for by the unit’s leader, who sees it in "my ledger" and is told of it', async () => {
    const [unit] = await t.database.db.select().from(units).where(isNotNull(units.leaderCadreId)).limit(1);
    const [force] = await t.database.db.select().from(taskForces).where(eq(taskForces.code, 'funding'));
    if (!unit?.leaderCadreId || !force) throw new Error('demo units have leaders and task forces');
    const leader = await loginAs(unit.leaderCadreId);
    const res = await send(
      'POST',
      '/api/ledger',
      { title: '完成管线迁改资金审核', ownerUnitId: unit.id, taskForceId: force.id, deadline: inDays(4) },
      hq,
    );
    expect(res.statusCode).toBe(201);
    const [leaderRow] = await t.database.db.select().from(cadres).where(eq(cadres.id, unit.leaderCadreId));
    expect(res.json().owner).toEqual({
      kind: 'unit',
      id: unit.id,
      name: unit.name,
      level: null,
      unitName: unit.name,
      personName: leaderRow?.name,
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
    const byForce = (await get(`/api/ledger?taskForceId=${force.id}`, hq)).json();
    expect(byForce.items.every((i: { taskForce: { id: string } }) => i.taskForce.id === force.id)).toBe(true);
  });

  it('shows the board by task force, overdue first', async () => {
    const board = (await get('/api/ledger/board', hq)).json();
    expect(board.byTaskForce.length).toBeGreaterThan(1);
    const late = (r: { overdue: number; seriouslyOverdue: number }) => r.overdue + r.seriouslyOverdue;
    expect(late(board.byTaskForce[0])).toBeGreaterThan(0);
    const open = board.byTaskForce.reduce((n: number, r: { open: number }) => n + r.open, 0);
    expect(open).toBe((await get('/api/ledger?status=open&pageSize=1', hq)).json().total);
  });
});

describe('escalation to superiors', () => {
  it('tells the owner’s superior of an overdue item, and theirs once it is seriously overdue', async () => {
    const [owner] = await t.database.db
      .select({ id: cadres.id, superiorId: cadres.superiorId })
      .from(cadres)
      .where(and(eq(cadres.level, 'other'), eq(cadres.regionCode, '410203002')))
      .limit(1);
    const [middle] = await t.database.db
      .select()
      .from(cadres)
      .where(eq(cadres.id, owner?.superiorId ?? ''));
    if (!owner || !middle?.superiorId) throw new Error('demo chain missing');
    const superior = await loginAs(middle.id);
    const top = await loginAs(middle.superiorId, 'hq');
    const insert = (title: string, days: number) =>
      t.database.db
        .insert(ledgerItems)
        .values({ title, ownerCadreId: owner.id, deadline: inDays(days), regionCode: '410203002' })
        .returning({ id: ledgerItems.id });
    await insert('示例·逾期两天的事项', -2);
    await insert('示例·严重逾期的事项', -30);
    const kinds = async (s: Session) =>
      (await get('/api/notifications', s))
        .json()
        .items.filter((n: { kind: string }) => n.kind === 'escalated');
    const toSuperior = (await kinds(superior)).map((n: { title: string }) => n.title).join('|');
    expect(toSuperior).toMatch(/逾期两天/);
    expect(toSuperior).toMatch(/严重逾期/);
    const toTop = (await kinds(top)).map((n: { title: string }) => n.title).join('|');
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
    expect((await get('/api/settings', tieta)).json()).toEqual({
      oldCutoffYear: 2005,
      escalation: { dueSoonDays: 3, seriousAfterDays: 7 },
      illegal: { tolerancePercent: 5, types: ['棚屋', '扩建', '封闭院落', '屋顶建筑', '占用绿地', '其他'] },
    });
    const [owner] = await t.database.db
      .select()
      .from(cadres)
      .where(eq(cadres.regionCode, '410203002'))
      .limit(1);
    const created = await send(
      'POST',
      '/api/ledger',
      { title: '十日后到期', ownerCadreId: owner?.id, deadline: inDays(10) },
      hq,
    );
    expect(created.json().escalation).toBe('none');
    const changed = await send(
      'PATCH',
      '/api/settings',
      { escalation: { dueSoonDays: 14, seriousAfterDays: 7 } },
      admin,
    );
    expect(changed.json().escalation.dueSoonDays).toBe(14);
    const item = (await get(`/api/ledger?q=${encodeURIComponent('十日后到期')}`, hq)).json().items[0];
    expect(item.escalation).toBe('due_soon');
  });
});
