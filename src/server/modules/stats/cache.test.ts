import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tickets } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildProject, daysFromToday } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let tieta: Session;
let qingping: Session;

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
});

afterEach(() => {
  vi.useRealTimers();
});

const summary = async (s: Session) => (await get('/api/stats/summary?from=2019&to=2022', s)).json();
const byYear = async (s: Session) =>
  (await get('/api/stats/breakdown?by=year&measure=facilities&from=2019&to=2022', s)).json();

describe('cached figures', () => {
  it('an answer read twice is the same, and a write through the app shows at once', async () => {
    const project = await buildProject(t.database, { year: 2021, status: 'accepted' });
    const before = await summary(hq);
    const beforeYears = await byYear(hq);
    expect(await summary(hq)).toEqual(before);
    const room = {
      compoundId: project.compoundId,
      projectId: project.id,
      type: '党群活动室',
      count: 2,
      action: 'added',
      completedOn: '2021-09-30',
    };
    expect((await send('POST', '/api/facilities', room, hq)).statusCode).toBe(201);
    const after = await summary(hq);
    expect(after.activityRooms).toBe(before.activityRooms + 2);
    expect(after.facilities).toBe(before.facilities + 2);
    const years = await byYear(hq);
    expect(years.total.facilities).toBe(beforeYears.total.facilities + 2);
  });

  it('is not shared between scopes: each subdistrict gets its own figures', async () => {
    const inTieta = await buildProject(t.database, { year: 2021, status: 'accepted' });
    const room = {
      compoundId: inTieta.compoundId,
      type: '党群活动室',
      count: 3,
      action: 'added',
      completedOn: '2021-10-08',
    };
    const tietaBefore = await summary(tieta);
    const qingpingBefore = await summary(qingping);
    expect((await send('POST', '/api/facilities', room, hq)).statusCode).toBe(201);
    expect((await summary(tieta)).activityRooms).toBe(tietaBefore.activityRooms + 3);
    expect((await summary(qingping)).activityRooms).toBe(qingpingBefore.activityRooms);
    expect((await summary(hq)).activityRooms).toBeGreaterThanOrEqual((await summary(tieta)).activityRooms);
  });

  it('a contractor named on no project counts nothing, though a leader asked the same first', async () => {
    await buildProject(t.database, { year: 2021, status: 'accepted' });
    expect((await summary(hq)).acceptedProjects).toBeGreaterThan(0);
    const contractor = await sessionAs(t, 'contractor', ['410203002']);
    expect((await summary(contractor)).acceptedProjects).toBe(0);
  });

  it('overdue figures turn with the district’s day, with no write in between', async () => {
    // 23:58 in the district (UTC+8): a ticket due today is not overdue until midnight.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${tomorrow}T15:58:00Z`));
    const project = await buildProject(t.database, { year: 2025, status: 'under_construction' });
    await t.database.db.insert(tickets).values({
      projectId: project.id,
      source: 'inspection',
      title: '测试·整改',
      deadline: daysFromToday(0),
    });
    const leader = await sessionAs(t, 'hq');
    const today = await summary(leader);
    expect(await summary(leader)).toEqual(today);
    vi.setSystemTime(new Date(`${tomorrow}T16:02:00Z`));
    expect((await summary(leader)).overdueTickets).toBe(today.overdueTickets + 1);
  });
});
