import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultEscalationPolicy, districtToday, escalation } from '../../../domain/ledger.js';
import { ledgerItems, meetings } from '../../db/schema.js';
import { buildUser, login, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { brokenConstraint } from '../../testing/db.js';
import { buildCadre, buildLedgerItem, daysFromToday as inDays } from '../../testing/factories.js';
import { escalationSql, ledgerItemsWhere } from './queries.js';

let t: TestApp;
let hq: Session;
let viewer: Session;
let tieta: Session;
const today = districtToday();

const post = (url: string, payload: unknown, s: Session) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: s.headers });
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

beforeAll(async () => {
  // No demo district: every test builds the cadres and items it relies on.
  t = await testApp({}, { seeded: false });
  hq = await sessionAs(t, 'hq');
  viewer = await sessionAs(t, 'viewer');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
});

/** A cadre of 铁塔街道 (level "other"). */
const tietaCadre = () => buildCadre(t.database);

const item = (owner: { id: string }, over: Record<string, unknown> = {}) => ({
  title: '东棚板社区雨污分流管网接驳',
  ownerCadreId: owner.id,
  deadline: inDays(10),
  ...over,
});

describe('POST /api/ledger', () => {
  it('401 without a session, 403 for a read-only role', async () => {
    const owner = await tietaCadre();
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/ledger', payload: item(owner) })).statusCode,
    ).toBe(401);
    expect((await post('/api/ledger', item(owner), viewer)).statusCode).toBe(403);
  });

  it.each([
    ['a deadline in the past', { deadline: '2020-01-01' }, 'deadline'],
    ['a date that is not one', { deadline: '2024-13-40' }, 'deadline'],
    ['an unknown field', { urgent: true }, 'urgent'],
    ['an empty title', { title: '  ' }, 'title'],
  ])('400 for %s, naming the field', async (_name, over, field) => {
    const res = await post('/api/ledger', item(await tietaCadre(), over), hq);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty([field]);
  });

  it('400 for a cadre outside the caller’s scope', async () => {
    const qingpingCadre = await buildCadre(t.database, { regionCode: '410203001' });
    const res = await post('/api/ledger', item(qingpingCadre), tieta);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('ownerCadreId');
  });

  it('creates an item, not escalated while the deadline is far', async () => {
    const owner = await tietaCadre();
    const res = await post('/api/ledger', item(owner), tieta);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', escalation: 'none', owner: { id: owner.id } });
  });
});

describe('meetings', () => {
  it('turns each decision into a ledger item in one step', async () => {
    const owner = await tietaCadre();
    const res = await post(
      '/api/meetings',
      {
        kind: 'onsite',
        title: '铁塔街道现场办公会',
        heldOn: today,
        attendees: ['指挥部', '铁塔街道'],
        problems: '管网接驳滞后',
        decisions: [
          item(owner, { title: '三日内完成接驳方案' }),
          item(owner, { title: '协调自来水公司进场', deadline: inDays(5) }),
        ],
      },
      hq,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((i: { meetingId: string }) => i.meetingId)).toEqual([
      res.json().id,
      res.json().id,
    ]);
  });

  it('writes nothing when one decision is invalid', async () => {
    const owner = await tietaCadre();
    const before = (await t.database.db.select().from(meetings)).length;
    const res = await post(
      '/api/meetings',
      {
        kind: 'progress',
        title: '周例会',
        heldOn: today,
        decisions: [item(owner), item(owner, { deadline: '2001-01-01' })],
      },
      hq,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty(['decisions.1.deadline']);
    expect(await t.database.db.select().from(meetings)).toHaveLength(before);
  });
});

describe('my ledger and progress', () => {
  it('the owner sees their item and reports progress; a stale report is refused', async () => {
    const cadre = await tietaCadre();
    const owner = await buildUser(t.database, 'community', ['410203002']);
    // The administrator links the login to its cadre record.
    const admin = await sessionAs(t, 'admin');
    const linked = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${owner.id}`,
      payload: { version: owner.version, cadreId: cadre.id },
      headers: admin.headers,
    });
    expect(linked.json().cadreId).toBe(cadre.id);
    const s = await login(t.app, owner.username, owner.password);
    // Assigned from now on, they hear about it.
    expect((await post('/api/ledger', item(cadre, { title: '补充楼栋入户核查' }), hq)).statusCode).toBe(201);
    const bell = (await get('/api/notifications', s)).json();
    expect(bell.items.find((n: { kind: string }) => n.kind === 'assignment')?.title).toBe('补充楼栋入户核查');
    const mine = (await get('/api/ledger/mine', s)).json();
    expect(mine.items.map((i: { title: string }) => i.title)).toEqual(['补充楼栋入户核查']);
    const first = mine.items[0];
    const ok = await post(
      `/api/ledger/${first.id}/progress`,
      { version: first.version, note: '已完成管线探测' },
      s,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lastProgress.note).toBe('已完成管线探测');
    const stale = await post(
      `/api/ledger/${first.id}/progress`,
      { version: first.version, note: '重复提交' },
      s,
    );
    expect(stale.statusCode).toBe(409);
    const done = await post(
      `/api/ledger/${first.id}/progress`,
      { version: ok.json().version, note: '已接驳', status: 'done' },
      s,
    );
    expect(done.json()).toMatchObject({ status: 'done', escalation: 'none' });
  });

  it('someone who neither owns nor supervises the item cannot report on it', async () => {
    const any = await buildLedgerItem(t.database);
    const res = await post(`/api/ledger/${any.id}/progress`, { version: any.version, note: '越权' }, viewer);
    expect(res.statusCode).toBe(403);
  });
});

describe('escalation on the board', () => {
  it('shows an overdue item escalated to the owner’s superior, overdue first', async () => {
    const boss = await buildCadre(t.database, { level: 'section' });
    const owner = await buildCadre(t.database, { superiorId: boss.id });
    const late = await buildLedgerItem(t.database, {
      title: '楼道修缮验收',
      ownerCadreId: owner.id,
      deadline: inDays(-2),
    });
    // The other escalations, and a subdistrict worse off than 铁塔街道.
    await buildLedgerItem(t.database, { deadline: inDays(1) });
    await buildLedgerItem(t.database, { deadline: inDays(30) });
    await buildLedgerItem(t.database, { regionCode: '410203003', deadline: inDays(-30) });
    const overdue = (await get('/api/ledger?escalation=overdue', hq)).json();
    const found = overdue.items.find((i: { id: string }) => i.id === late.id);
    expect(found).toMatchObject({ escalation: 'overdue', escalatedTo: boss.name });
    const board = (await get('/api/ledger/board', hq)).json();
    const tietaRow = board.bySubdistrict.find((r: { regionCode: string }) => r.regionCode === '410203002');
    expect(tietaRow).toMatchObject({ name: '铁塔街道' });
    expect(tietaRow.overdue).toBeGreaterThan(0);
    // the board puts the worst subdistrict first
    const weight = (r: { seriouslyOverdue: number; overdue: number }) =>
      r.seriouslyOverdue * 1000 + r.overdue;
    expect(board.bySubdistrict[0]).toMatchObject({ regionCode: '410203003', name: '曹门街道' });
    const weights = board.bySubdistrict.map(weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const list = (await get('/api/ledger?status=open&pageSize=100', hq)).json().items;
    const rank = { seriously_overdue: 3, overdue: 2, due_soon: 1, none: 0 } as Record<string, number>;
    const ranks = list.map((i: { escalation: string }) => rank[i.escalation] ?? 0);
    expect(new Set(ranks)).toEqual(new Set([3, 2, 1, 0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Each item names its subdistrict.
    const caomen = (await get('/api/ledger?region=410203003&pageSize=5', hq)).json().items;
    expect(caomen.length).toBeGreaterThan(0);
    for (const i of caomen) expect(i.subdistrictName).toBe('曹门街道');
  });

  it('pages through every item in the board’s order, the urgent ones and the rest', async () => {
    // Items in a subdistrict of their own: each escalation, open and done, due on the same days.
    const region = '410203005';
    for (const days of [-30, -8, -7, -2, 0, 0, 2, 3, 4, 10, 30]) {
      await buildLedgerItem(t.database, { regionCode: region, deadline: inDays(days) });
      if (days % 2 === 0)
        await buildLedgerItem(t.database, { regionCode: region, deadline: inDays(days), status: 'done' });
    }
    const day = { today, policy: defaultEscalationPolicy };
    const expected = (await ledgerItemsWhere(t.database.db, eq(ledgerItems.regionCode, region), day)).map(
      (i) => i.id,
    );
    expect(expected.length).toBe(20);
    for (const pageSize of [1, 3, 7, 20, 100]) {
      const seen: string[] = [];
      for (let page = 1; seen.length < expected.length; page++) {
        const res = await get(`/api/ledger?region=${region}&page=${page}&pageSize=${pageSize}`, hq);
        const body = res.json<{ items: { id: string }[]; total: number; totalExact: boolean }>();
        expect(body).toMatchObject({ total: 20, totalExact: true });
        expect(body.items.length, `page ${page} of ${pageSize}`).toBeGreaterThan(0);
        seen.push(...body.items.map((i) => i.id));
      }
      expect(seen, `pages of ${pageSize}`).toEqual(expected);
    }
  });

  it('computes escalation in SQL exactly as the domain rule does', async () => {
    for (const offset of [-9, -8, -7, -1, 0, 1, 3, 4, 30]) {
      const deadline = inDays(offset);
      const [row] = await t.database.db
        .select({ level: escalationSql({ today, policy: defaultEscalationPolicy }) })
        .from(sql`(SELECT ${deadline}::date AS deadline, 'open' AS status) AS ledger_items`);
      expect(row?.level, `deadline ${deadline}`).toBe(escalation({ status: 'open', deadline }, today));
    }
  });
});

describe('notifications and the 台账 export', () => {
  it('raises overdue reminders once, and marks them read', async () => {
    const owner = await buildUser(t.database, 'community', ['410203002']);
    const cadre = await buildCadre(t.database, { userId: owner.id });
    await buildLedgerItem(t.database, { ownerCadreId: cadre.id, deadline: inDays(-2) });
    await buildLedgerItem(t.database, { ownerCadreId: cadre.id, deadline: inDays(-12) });
    const s = await login(t.app, owner.username, owner.password);
    const first = (await get('/api/notifications', s)).json();
    const overdue = first.items.filter((n: { kind: string }) => n.kind === 'overdue');
    expect(overdue).toHaveLength(2);
    const again = (await get('/api/notifications', s)).json();
    expect(again.items.filter((n: { kind: string }) => n.kind === 'overdue')).toHaveLength(overdue.length);
    const read = await post('/api/notifications/read', { all: true }, s);
    expect(read.json().unread).toBe(0);
  });

  it('exports the ledger in the usual 台账 columns', async () => {
    const late = await buildLedgerItem(t.database, { deadline: inDays(-2) });
    const res = await get('/api/ledger/export?status=open', hq);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const values = wb.worksheets[0]?.getRow(2).values as unknown[];
    expect(values.slice(1)).toEqual(['序号', '事项', '责任单位', '责任人', '完成时限', '进展情况', '状态']);
    const row = wb.worksheets[0]
      ?.getSheetValues()
      .find((r) => JSON.stringify(r ?? null).includes(late.title));
    expect(JSON.stringify(row)).toMatch(/逾期/);
  });
});

describe('status and priority columns', () => {
  it('hold only the domain’s values: the database refuses any other, whoever writes it', async () => {
    const item = await buildLedgerItem(t.database);
    const where = eq(ledgerItems.id, item.id);
    const db = t.database.db;
    const status = db.update(ledgerItems).set({ status: sql`'closed'` }).where(where);
    expect(await brokenConstraint(status)).toBe('ledger_items_status_check');
    const priority = db.update(ledgerItems).set({ priority: sql`'urgent'` }).where(where);
    expect(await brokenConstraint(priority)).toBe('ledger_items_priority_check');
  });
});
