import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, households, voteBallots } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildRegions, buildVotingCompound, daysFromToday } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let tieta: Session;
let qingping: Session;
let viewer: Session;
let community: Session;

const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  await buildRegions(t.database);
  ({ get, send } = requests(t));
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  viewer = await sessionAs(t, 'viewer');
  community = await sessionAs(t, 'community', ['410203002']);
});

type Built = Awaited<ReturnType<typeof buildVotingCompound>>;

async function draft(c: Built, over: Record<string, unknown> = {}) {
  const res = await send(
    'POST',
    '/api/votes',
    {
      compoundId: c.id,
      scope: 'compound',
      matter: 'renovation_plan',
      title: '老旧小区改造方案表决',
      startsOn: daysFromToday(0),
      endsOn: daysFromToday(14),
      ...over,
    },
    tieta,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function opened(c: Built, over: Record<string, unknown> = {}) {
  const v = await draft(c, over);
  const res = await send('POST', `/api/votes/${v.id}/open`, { version: v.version }, tieta);
  expect(res.statusCode, res.body).toBe(200);
  const notices = (await get(`/api/votes/${v.id}/notices`, tieta)).json().notices as {
    key: string;
    rooms: string;
    code: string;
  }[];
  const voter = (rooms: string) => {
    const n = notices.find((x) => x.rooms.includes(rooms));
    if (!n) throw new Error(`no voter for ${rooms}`);
    return n;
  };
  return { vote: res.json(), notices, voter };
}

const paper = (voteId: string, voterKey: string, choice: string, s: Session = tieta, remark?: string) =>
  send('POST', `/api/votes/${voteId}/ballots`, { voterKey, choice, ...(remark ? { remark } : {}) }, s);

const ballots = async (voteId: string) =>
  (await t.database.db.select({ n: count() }).from(voteBallots).where(eq(voteBallots.voteId, voteId)))[0]?.n;

describe('POST /api/votes', () => {
  it('401 without a session, 403 for a viewer, 400 for a bad body, 404 outside the region', async () => {
    const c = await buildVotingCompound(t.database);
    const body = {
      compoundId: c.id,
      scope: 'compound',
      matter: 'renovation_plan',
      title: '表决',
      startsOn: daysFromToday(0),
      endsOn: daysFromToday(7),
    };
    expect((await send('POST', '/api/votes', body)).statusCode).toBe(401);
    expect((await send('POST', '/api/votes', body, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/api/votes', { ...body, matter: 'whatever' }, tieta)).statusCode).toBe(400);
    const backwards = await send('POST', '/api/votes', { ...body, endsOn: daysFromToday(-1) }, tieta);
    expect(backwards.json().error.fields).toHaveProperty('endsOn');
    expect((await send('POST', '/api/votes', body, qingping)).statusCode).toBe(404);
  });

  it('a stairwell unit must be one of the building’s', async () => {
    const c = await buildVotingCompound(t.database);
    const res = await send(
      'POST',
      '/api/votes',
      {
        compoundId: c.id,
        scope: 'unit',
        buildingId: c.buildingB.id,
        unit: '9单元',
        matter: 'add_lift',
        title: '加装电梯',
        startsOn: daysFromToday(0),
        endsOn: daysFromToday(7),
      },
      tieta,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('unit');
  });
});

describe('opening freezes the register', () => {
  it('one owner with two flats counts once, unsold developer flats as one; area registered, else surveyed, else contract', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, notices } = await opened(c);
    expect(vote.status).toBe('open');
    expect(vote.tally.totalHeadcount).toBe(6);
    expect(vote.tally.totalArea).toBe('660.00');
    const developer = notices.find((n) => n.key === 'developer');
    expect(developer?.rooms).toContain('201');
    expect(developer?.rooms).toContain('202');
    expect(new Set(notices.map((n) => n.code)).size).toBe(6);
    const voters = (await get(`/api/votes/${vote.id}/voters?q=A1单元102`, tieta)).json();
    expect(voters.items).toHaveLength(1);
    expect(voters.items[0].area).toBe('140.00');
    expect(voters.items[0].units).toBe(2);
  });

  it('a lift vote takes only its stairwell unit', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote } = await opened(c, {
      scope: 'unit',
      buildingId: c.buildingA.id,
      unit: '2单元',
      matter: 'add_lift',
    });
    expect(vote.tally.totalHeadcount).toBe(2);
    expect(vote.tally.totalArea).toBe('200.00');
    expect(vote.special).toBe(true);
  });

  it('a vote whose register changed after it opened keeps the register as frozen', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    const a101 = c.households.find(
      (h) => h.buildingId === c.buildingA.id && h.room === '101' && h.unit === '1单元',
    );
    await t.database.db
      .update(households)
      .set({ areaRegistered: 500 })
      .where(eq(households.id, a101?.id ?? ''));
    await t.database.db.insert(households).values({
      compoundId: c.id,
      buildingId: c.buildingB.id,
      regionCode: c.regionCode,
      unit: '1单元',
      room: '999',
      areaRegistered: 1000,
    });
    expect((await paper(vote.id, voter('A1单元 101').key, 'for')).statusCode).toBe(201);
    const after = (await get(`/api/votes/${vote.id}`, tieta)).json();
    expect(after.tally.totalHeadcount).toBe(6);
    expect(after.tally.totalArea).toBe('660.00');
    expect(after.tally.for.area).toBe('140.00');
  });

  it('a scope with nobody registered cannot open, and stays a draft', async () => {
    const c = await buildVotingCompound(t.database);
    await t.database.db.delete(households).where(eq(households.compoundId, c.id));
    const v = await draft(c);
    const res = await send('POST', `/api/votes/${v.id}/open`, { version: v.version }, tieta);
    expect(res.statusCode).toBe(400);
    expect((await get(`/api/votes/${v.id}`, tieta)).json().status).toBe('draft');
  });
});

describe('ballots', () => {
  it('paper: 401, 403, 400 first; one ballot per owner; nothing partial', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    const key = voter('A2单元 101').key;
    expect(
      (await send('POST', `/api/votes/${vote.id}/ballots`, { voterKey: key, choice: 'for' })).statusCode,
    ).toBe(401);
    expect((await paper(vote.id, key, 'for', viewer)).statusCode).toBe(403);
    expect((await paper(vote.id, key, 'maybe')).statusCode).toBe(400);
    const first = await paper(vote.id, key, 'for', community);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().ballot.channel).toBe('paper');
    const second = await paper(vote.id, key, 'against');
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.voterKey).toMatch(/已投票|already/);
    expect(await ballots(vote.id)).toBe(1);
    // The second owner's flat of owner 1 is the same voter: one ballot.
    expect((await paper(vote.id, voter('A1单元 101').key, 'for')).statusCode).toBe(201);
    expect((await paper(vote.id, voter('102').key, 'for')).statusCode).toBe(400);
  });

  it('a household outside the vote’s scope is no voter of it', async () => {
    const c = await buildVotingCompound(t.database);
    const lift = await opened(c, {
      scope: 'unit',
      buildingId: c.buildingA.id,
      unit: '2单元',
      matter: 'add_lift',
    });
    const whole = await opened(c);
    const outsider = whole.voter('B1单元 101');
    const res = await paper(lift.vote.id, outsider.key, 'for');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.voterKey).toMatch(/名册|register/);
    // Codes are per vote: the compound vote's code does not open the lift vote.
    const online = await pub('POST', `/api/public/votes/${lift.vote.id}/ballot`, {
      code: outsider.code,
      choice: 'for',
    });
    expect(online.statusCode).toBe(400);
    expect(online.json().error.fields).toHaveProperty('code');
    expect(await ballots(lift.vote.id)).toBe(0);
  });

  it('online with the code on the notice; a wrong code is refused; script in a remark stays text', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    const owner = voter('B1单元 102');
    expect((await pub('GET', `/api/public/votes/${vote.id}`)).json().title).toBe('老旧小区改造方案表决');
    const wrong = await pub('POST', `/api/public/votes/${vote.id}/check`, { code: 'ZZZZZZZZZZ' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.code).toMatch(/表决码|code/);
    const check = await pub('POST', `/api/public/votes/${vote.id}/check`, { code: owner.code.toLowerCase() });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ rooms: 'B1单元 102', area: '90.00', choice: null });
    expect(check.json().name).not.toBe('表决业主5');
    const script = '<script>alert(1)</script>';
    const cast = await pub('POST', `/api/public/votes/${vote.id}/ballot`, {
      code: owner.code,
      choice: 'against',
      remark: script,
    });
    expect(cast.statusCode, cast.body).toBe(201);
    expect(cast.json().choice).toBe('against');
    const [stored] = await t.database.db.select().from(voteBallots).where(eq(voteBallots.voteId, vote.id));
    expect(stored?.remark).toBe(script);
    expect(stored?.channel).toBe('online');
    const again = await pub('POST', `/api/public/votes/${vote.id}/ballot`, {
      code: owner.code,
      choice: 'for',
    });
    expect(again.statusCode).toBe(400);
    expect(await ballots(vote.id)).toBe(1);
  });

  it('a draft vote is not public', async () => {
    const c = await buildVotingCompound(t.database);
    const v = await draft(c);
    expect((await pub('GET', `/api/public/votes/${v.id}`)).statusCode).toBe(404);
  });

  it('a correction needs a reason and is audited; after closing nothing changes', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    const entered = (await paper(vote.id, voter('A2单元 102').key, 'for')).json();
    const url = `/api/votes/${vote.id}/ballots/${entered.ballot.id}/correct`;
    expect((await send('POST', url, { version: 1, choice: 'against' }, tieta)).statusCode).toBe(400);
    expect(
      (await send('POST', url, { version: 1, choice: 'against', reason: '纸质票识读错误' }, viewer))
        .statusCode,
    ).toBe(403);
    const fixed = await send('POST', url, { version: 1, choice: 'against', reason: '纸质票识读错误' }, tieta);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().ballot).toMatchObject({
      choice: 'against',
      correctionReason: '纸质票识读错误',
      version: 2,
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'vote.correct'), eq(auditEvents.entityId, entered.ballot.id)));
    expect(event?.before).toEqual({ choice: 'for' });
    const current = (await get(`/api/votes/${vote.id}`, tieta)).json();
    const closed = await send('POST', `/api/votes/${vote.id}/close`, { version: current.version }, tieta);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const late = await paper(vote.id, voter('B1单元 101').key, 'for');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields.status).toMatch(/未在进行|not open/);
    const lateOnline = await pub('POST', `/api/public/votes/${vote.id}/ballot`, {
      code: voter('B1单元 102').code,
      choice: 'for',
    });
    expect(lateOnline.statusCode).toBe(400);
    expect(
      (await send('POST', url, { version: 2, choice: 'for', reason: '再次更正' }, tieta)).statusCode,
    ).toBe(400);
    expect(await ballots(vote.id)).toBe(1);
  });
});

describe('the tally and the result', () => {
  it('quorum met by area but not by headcount fails, each threshold stated with its numbers', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    // 3 of 6 voters (50% < 2/3) holding 140 + 140 + 100 = 380 of 660 m² … add owner 3: 480/660 = 72.7%.
    for (const rooms of ['A1单元 101', '201', 'A2单元 101']) await paper(vote.id, voter(rooms).key, 'for');
    const partial = (await get(`/api/votes/${vote.id}`, viewer)).json();
    expect(partial.tally.quorumHeadcount).toMatchObject({ part: '3', whole: '6', met: false });
    expect(partial.tally.quorumArea.text).toBe('380.00 / 660.00 m² = 57.6% < 66.7%');
    await paper(vote.id, voter('A2单元 102').key, 'against');
    const t4 = (await get(`/api/votes/${vote.id}`, viewer)).json().tally;
    expect(t4.quorumArea.text).toBe('480.00 / 660.00 m² = 72.7% ≥ 66.7%');
    expect(t4.quorumHeadcount.text).toBe('4 / 6 = 66.7% ≥ 66.7%');
    expect(t4.approvalArea.text).toBe('380.00 / 480.00 m² = 79.2% > 50.0%');
    expect(t4.approvalHeadcount.text).toBe('3 / 4 = 75.0% > 50.0%');
    expect(t4.passed).toBe(true);
    const closed = await send('POST', `/api/votes/${vote.id}/close`, { version: vote.version }, tieta);
    expect(closed.json().passed).toBe(true);
    const summary = (await get('/api/stats/summary', tieta)).json();
    expect(summary.votesPassed).toBeGreaterThanOrEqual(1);
    expect(summary).toHaveProperty('votesFailed');
  });

  it('exports the ballots and the result', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    await paper(vote.id, voter('B1单元 101').key, 'abstain');
    const res = await get(`/api/votes/${vote.id}/export`, tieta);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('弃权');
    expect(values.some((v) => v.includes('660.00 m²'))).toBe(true);
  });

  it('a paper ballot’s scan is attached', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c);
    const entered = (await paper(vote.id, voter('B1单元 101').key, 'for')).json();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/votes/${vote.id}/ballots/${entered.ballot.id}/scans?fileName=scan.jpg`,
      payload: jpeg,
      headers: { ...tieta.headers, 'content-type': 'image/jpeg' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const voters = (await get(`/api/votes/${vote.id}/voters?voted=true`, tieta)).json();
    expect(voters.items[0].ballot.photoIds).toEqual([res.json().id]);
    expect((await get(`/api/photos/${res.json().id}`, tieta)).statusCode).toBe(200);
    expect((await get(`/api/photos/${res.json().id}`, qingping)).statusCode).toBe(404);
  });

  it('a vote outside the caller’s region is not there', async () => {
    const c = await buildVotingCompound(t.database);
    const v = await draft(c);
    expect((await get(`/api/votes/${v.id}`, qingping)).statusCode).toBe(404);
    expect((await get('/api/votes', qingping)).json().items.map((x: { id: string }) => x.id)).not.toContain(
      v.id,
    );
    expect((await send('POST', `/api/votes/${v.id}/open`, { version: 1 }, qingping)).statusCode).toBe(404);
  });
});

describe('adding a lift (domain.md): per stairwell unit or building; an occupied owner must consent', () => {
  it('refuses a compound-wide lift vote', async () => {
    const c = await buildVotingCompound(t.database);
    const res = await send(
      'POST',
      '/api/votes',
      {
        compoundId: c.id,
        scope: 'compound',
        matter: 'add_lift',
        title: '加装电梯',
        startsOn: daysFromToday(0),
        endsOn: daysFromToday(7),
      },
      tieta,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.scope).toMatch(/单元或楼栋/);
  });

  it('thresholds met but the owner whose part the lift occupies votes against: not passed', async () => {
    const c = await buildVotingCompound(t.database);
    const { vote, voter } = await opened(c, {
      scope: 'building',
      buildingId: c.buildingA.id,
      matter: 'add_lift',
    });
    const ground = voter('1单元 101');
    const renovation = await opened(c);
    const notLift = await send(
      'POST',
      `/api/votes/${renovation.vote.id}/occupied`,
      { voterKey: renovation.voter('1单元 101').key, occupied: true },
      tieta,
    );
    expect(notLift.json().error.fields.voterKey).toMatch(/加装电梯/);
    expect(
      (await send('POST', `/api/votes/${vote.id}/occupied`, { voterKey: ground.key, occupied: true }, viewer))
        .statusCode,
    ).toBe(403);
    const marked = await send(
      'POST',
      `/api/votes/${vote.id}/occupied`,
      { voterKey: ground.key, occupied: true, note: '首层入户花园约 3㎡' },
      tieta,
    );
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ occupied: true, occupiedNote: '首层入户花园约 3㎡' });
    const { notices } = await opened(c, {
      scope: 'building',
      buildingId: c.buildingA.id,
      matter: 'add_lift',
    });
    expect(notices.length).toBeGreaterThan(0);
    // Everyone else for, the occupied owner against: 3/4 met by area and headcount, consent missing.
    const all = (await get(`/api/votes/${vote.id}/notices`, tieta)).json().notices as { key: string }[];
    for (const n of all) {
      const res = await paper(vote.id, n.key, n.key === ground.key ? 'against' : 'for');
      expect(res.statusCode).toBe(201);
    }
    const live = (await get(`/api/votes/${vote.id}`, tieta)).json();
    expect(live.tally.consent).toEqual({ required: 1, given: 0, met: false });
    const closed = (
      await send('POST', `/api/votes/${vote.id}/close`, { version: live.version }, tieta)
    ).json();
    expect(closed.passed).toBe(false);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'vote.occupied'));
    expect(event?.after).toMatchObject({ voterKey: ground.key, occupied: true });
  });
});
