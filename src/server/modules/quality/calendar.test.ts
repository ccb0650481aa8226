/**
 * PUT /api/quality/calendar: refusals first (401, 403, 400 writing nothing), then a year's
 * holidays and make-up days replaced (other years kept), audited, and read back by GET.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../domain/quality.js';
import { auditEvents, workingCalendar } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { seedCalendar } from './calendar.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let admin: Session;
let street: Session;

const days2027 = [
  { date: '2027-02-06', kind: 'holiday', name: '春节' },
  { date: '2027-02-07', kind: 'holiday', name: '春节' },
  { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
];

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  admin = await sessionAs(t, 'admin');
  street = await sessionAs(t, 'subdistrict');
  await t.database.db.insert(workingCalendar).values([
    { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ]);
});

const calendarRows = () => t.database.db.select().from(workingCalendar).orderBy(workingCalendar.date);
const calendarEvents = () =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.update'));

describe('PUT /api/quality/calendar', () => {
  it('401 without a session, 403 without settings.manage, writing nothing', async () => {
    const before = await calendarRows();
    expect((await send('PUT', '/api/quality/calendar', { days: days2027 })).statusCode).toBe(401);
    expect((await send('PUT', '/api/quality/calendar', { days: days2027 }, street)).statusCode).toBe(403);
    expect(await calendarRows()).toEqual(before);
  });

  it.each([
    [
      'a date that is no date',
      { days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] },
      'days.0.date',
    ],
    [
      'a date in another form',
      { days: [{ date: '2027/02/06', kind: 'holiday', name: '春节' }] },
      'days.0.date',
    ],
    ['an unknown kind', { days: [{ date: '2027-02-06', kind: 'weekend', name: '春节' }] }, 'days.0.kind'],
    ['a day without a name', { days: [{ date: '2027-02-06', kind: 'holiday', name: ' ' }] }, 'days.0.name'],
    ['a field of its own', { days: days2027, year: 2027 }, null],
  ])('400 for %s, writing nothing', async (_case, body, field) => {
    const before = await calendarRows();
    const events = (await calendarEvents()).length;
    const res = await send('PUT', '/api/quality/calendar', body, hq);
    expect(res.statusCode).toBe(400);
    if (field) expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    expect(await calendarRows()).toEqual(before);
    expect((await calendarEvents()).length).toBe(events);
  });

  it('replaces the days of the years listed, keeps the others, audits it, and GET reads it back', async () => {
    const res = await send('PUT', '/api/quality/calendar', { days: days2027 }, admin);
    expect(res.statusCode).toBe(200);
    const expected = [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }, ...days2027];
    expect(res.json().days).toEqual(expected);
    const read = await get('/api/quality/calendar', street);
    expect(read.statusCode).toBe(200);
    expect(read.json().days).toEqual(expected);
    const [event] = (await calendarEvents()).slice(-1);
    expect(event?.outcome).toBe('ok');
  });
});

describe('seedCalendar at each start', () => {
  const defaults = (year: string) =>
    defaultCalendar
      .filter((d) => d.date.startsWith(year))
      .map(({ date, kind, name }) => ({ date, kind, name }));

  it('adds the default days of a year without rows, and never touches a year that has some', async () => {
    await t.database.db.delete(workingCalendar);
    // An install from last year: the administrator has 2026 as they edited it, and no 2027 yet.
    const mine2026 = [{ date: '2026-10-08', kind: 'holiday' as const, name: '国庆节（本区）' }];
    await t.database.db.insert(workingCalendar).values(mine2026);
    const events = (await calendarEvents()).length;
    await seedCalendar(t.database);
    expect(await calendarRows()).toEqual([...mine2026, ...defaults('2027')]);
    expect((await calendarEvents()).length).toBe(events + 1);
    // The next start: nothing missing, nothing written.
    await seedCalendar(t.database);
    expect((await calendarRows()).length).toBe(1 + defaults('2027').length);
    expect((await calendarEvents()).length).toBe(events + 1);
  });

  it('does not re-add a default day the administrator removed from a year', async () => {
    await t.database.db.delete(workingCalendar).where(eq(workingCalendar.date, '2027-06-09'));
    const before = await calendarRows();
    const events = (await calendarEvents()).length;
    await seedCalendar(t.database);
    expect(await calendarRows()).toEqual(before);
    expect(
      await t.database.db.select().from(workingCalendar).where(eq(workingCalendar.date, '2027-06-09')),
    ).toEqual([]);
    expect((await calendarEvents()).length).toBe(events);
  });
});
