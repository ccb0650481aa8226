import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  consultationAnswers,
  consultationCodes,
  households,
  projects,
} from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import {
  buildConsultation,
  buildProject,
  buildRegisteredCompound,
  daysFromToday,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let tieta: Session;
let qingping: Session;
let viewer: Session;

const day = (n: number) => daysFromToday(n);
const answer = (compoundId: string, body: object) =>
  t.app.inject({ method: 'POST', url: `/api/public/consultations/${compoundId}/answers`, payload: body });

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  tieta = await sessionAs(t, 'community', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  viewer = await sessionAs(t, 'viewer');
});

/** A registered compound (2 buildings × 4 households) with a consultation whose questionnaire is open. */
async function openConsultation() {
  const compound = await buildRegisteredCompound(t.database);
  const res = await send(
    'POST',
    '/api/consultations',
    {
      compoundId: compound.id,
      title: '是否实施老旧小区改造',
      openedOn: day(-10),
    },
    tieta,
  );
  expect(res.statusCode).toBe(201);
  const id: string = res.json().id;
  const q = await send(
    'PUT',
    `/api/consultations/${id}/questionnaire`,
    { intro: '请每户填写一份', itemCodes: ['charging', 'lift'] },
    tieta,
  );
  expect(q.statusCode).toBe(200);
  return { compound, id };
}

async function notices(id: string, buildingId: string) {
  const res = await send('POST', `/api/consultations/${id}/notices`, { buildingId }, tieta);
  expect(res.statusCode).toBe(200);
  return res.json() as { households: { householdId: string; unit: string; room: string; code: string }[] };
}

describe('routes refuse before they act', () => {
  it('401 without a session, 403 for a role that may only read, 400 for a bad body', async () => {
    const compound = await buildRegisteredCompound(t.database);
    const body = { compoundId: compound.id, title: '改不改', openedOn: day(-1) };
    expect((await send('POST', '/api/consultations', body)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/consultations' })).statusCode).toBe(401);
    expect((await send('POST', '/api/consultations', body, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/api/councils', { ...body, name: 'x' }, viewer)).statusCode).toBe(403);
    const bad = await send('POST', '/api/consultations', { ...body, title: '', extra: 1 }, tieta);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('title');
  });

  it('404 outside scope: another subdistrict neither sees nor changes the consultation', async () => {
    const { id } = await openConsultation();
    expect((await get(`/api/consultations/${id}`, qingping)).statusCode).toBe(404);
    const res = await send(
      'POST',
      `/api/consultations/${id}/stages/solicit`,
      { completedOn: day(0) },
      qingping,
    );
    expect(res.statusCode).toBe(404);
    expect((await get(`/api/consultations/${id}`, viewer)).json().canWrite).toBe(false);
  });
});

describe('councils', () => {
  it('sets up a council, adds members of each sector and records a meeting with attendance', async () => {
    const compound = await buildRegisteredCompound(t.database);
    const created = await send(
      'POST',
      '/api/councils',
      { compoundId: compound.id, name: '旧改议事会', termStart: '2025-01-01', termEnd: '2027-12-31' },
      tieta,
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const chair = await send(
      'POST',
      `/api/councils/${id}/members`,
      { name: '王秀英', sector: 'residents', role: 'chair' },
      tieta,
    );
    const property = await send(
      'POST',
      `/api/councils/${id}/members`,
      { name: '李物业', sector: 'property_company', role: 'member' },
      tieta,
    );
    const [a, b] = [chair.json().members[0].id, property.json().members[1].id];
    const tooFew = await send(
      'POST',
      `/api/councils/${id}/meetings`,
      { heldOn: day(-1), topic: '改造方案', attendeeIds: [a, b], attendance: 1, minutes: '讨论' },
      tieta,
    );
    expect(tooFew.json().error.fields.attendance).toMatch(/到会/);
    const stranger = await send(
      'POST',
      `/api/councils/${id}/meetings`,
      { heldOn: day(-1), topic: '改造方案', attendeeIds: [compound.id], attendance: 5, minutes: '讨论' },
      tieta,
    );
    expect(stranger.json().error.fields).toHaveProperty('attendeeIds');
    const met = await send(
      'POST',
      `/api/councils/${id}/meetings`,
      { heldOn: day(-1), topic: '改造方案', attendeeIds: [a, b], attendance: 14, minutes: '同意上报' },
      tieta,
    );
    expect(met.statusCode).toBe(201);
    const list = (await get(`/api/councils?compoundId=${compound.id}`, viewer)).json();
    expect(list[0].members.map((m: { sector: string }) => m.sector)).toEqual([
      'residents',
      'property_company',
    ]);
    expect(list[0].meetings[0]).toMatchObject({ attendance: 14, minutes: '同意上报' });
  });
});

describe('the questionnaire: one answer per household, proved by its code', () => {
  it('takes an online answer with the code, and an assisted one; results by building', async () => {
    const { compound, id } = await openConsultation();
    const [first, second] = compound.buildings;
    if (!first || !second) throw new Error('two buildings expected');
    const printed = await notices(id, first.id);
    expect(printed.households).toHaveLength(4);
    // Only the hash is kept.
    const [stored] = await t.database.db.select().from(consultationCodes).limit(1);
    expect(stored?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const h = printed.households[0];
    if (!h) throw new Error('a household expected');
    const code = `${h.code.slice(0, 4).toLowerCase()}-${h.code.slice(4)}`;
    const ok = await answer(compound.id, {
      building: `${first.number}号楼`,
      unit: h.unit,
      room: h.room,
      code,
      renovate: true,
      items: ['lift'],
      remarks: '希望加装电梯',
    });
    expect(ok.statusCode).toBe(201);
    const [other] = await t.database.db
      .select()
      .from(households)
      .where(eq(households.buildingId, second.id))
      .limit(1);
    if (!other) throw new Error('a household expected');
    const assisted = await send(
      'POST',
      `/api/consultations/${id}/answers`,
      { householdId: other.id, renovate: false, items: [] },
      tieta,
    );
    expect(assisted.statusCode).toBe(201);
    const { results } = assisted.json();
    expect(results.total).toMatchObject({
      households: 8,
      answered: 2,
      assisted: 1,
      renovateYes: 1,
      rate: 25,
    });
    expect(results.buildings.map((b: { answered: number; rate: number }) => [b.answered, b.rate])).toEqual([
      [1, 25],
      [1, 25],
    ]);
    expect(results.items).toEqual([{ code: 'lift', name: '加装电梯', chosen: 1 }]);
    const pub = (
      await t.app.inject({ method: 'GET', url: `/api/public/consultations/${compound.id}` })
    ).json();
    expect(pub.items.filter((i: { mandatory: boolean }) => i.mandatory)).toHaveLength(8);
    expect(
      pub.items.filter((i: { mandatory: boolean }) => !i.mandatory).map((i: { code: string }) => i.code),
    ).toEqual(expect.arrayContaining(['charging', 'lift']));
  });

  it('refuses a household not in the register, a wrong code, a second answer, and writes nothing', async () => {
    const { compound, id } = await openConsultation();
    const [first] = compound.buildings;
    if (!first) throw new Error('a building expected');
    const [h, next] = (await notices(id, first.id)).households;
    if (!h || !next) throw new Error('households expected');
    const base = {
      building: first.number,
      unit: h.unit,
      room: h.room,
      code: h.code,
      renovate: true,
      items: [],
    };
    const absent = await answer(compound.id, { ...base, room: '9901' });
    expect(absent.statusCode).toBe(400);
    expect(absent.json().error.fields.room).toMatch(/登记/);
    const wrong = await answer(compound.id, { ...base, code: next.code });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.code).toMatch(/住户码/);
    // A household of the register of another compound is not in this one's.
    const elsewhere = await buildRegisteredCompound(t.database);
    const [outsider] = await t.database.db
      .select()
      .from(households)
      .where(eq(households.compoundId, elsewhere.id))
      .limit(1);
    const assisted = await send(
      'POST',
      `/api/consultations/${id}/answers`,
      { householdId: outsider?.id, renovate: true, items: [] },
      tieta,
    );
    expect(assisted.json().error.fields.householdId).toMatch(/登记/);
    const unknownItem = await answer(compound.id, { ...base, items: ['sewer'] });
    expect(unknownItem.json().error.fields).toHaveProperty('items');
    expect(
      await t.database.db
        .select()
        .from(consultationAnswers)
        .where(eq(consultationAnswers.consultationId, id)),
    ).toEqual([]);

    expect((await answer(compound.id, base)).statusCode).toBe(201);
    const again = await answer(compound.id, { ...base, renovate: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.householdId).toMatch(/一次/);
    const rows = await t.database.db
      .select()
      .from(consultationAnswers)
      .where(eq(consultationAnswers.consultationId, id));
    expect(rows.map((r) => r.renovate)).toEqual([true]);
  });

  it('keeps script in free text as text', async () => {
    const { compound, id } = await openConsultation();
    const [first] = compound.buildings;
    if (!first) throw new Error('a building expected');
    const [h] = (await notices(id, first.id)).households;
    if (!h) throw new Error('a household expected');
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const res = await answer(compound.id, {
      building: first.number,
      unit: h.unit,
      room: h.room,
      code: h.code,
      renovate: true,
      items: [],
      remarks: script,
    });
    expect(res.statusCode).toBe(201);
    const detail = (await get(`/api/consultations/${id}`, tieta)).json();
    expect(detail.results.remarks[0].text).toBe(script);
    expect(
      await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'consultation.answer')),
    ).not.toHaveLength(0);
  });

  it('a closed questionnaire takes no answers and the public page finds none', async () => {
    const compound = await buildRegisteredCompound(t.database);
    await buildConsultation(t.database, compound, { completed: 1 });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/consultations/${compound.id}` })).statusCode,
    ).toBe(404);
  });
});

describe('stages in order, and the project waits for the resolution', () => {
  it('refuses a stage out of order or without what it needs; a failed-resolution cannot be disclosed', async () => {
    const { compound, id } = await openConsultation();
    const complete = (key: string, body: object) =>
      send('POST', `/api/consultations/${id}/stages/${key}`, body, tieta);
    const early = await complete('discuss', {
      completedOn: day(-5),
      attendance: 10,
      minutes: '议',
      outcome: 'passed',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.key).toMatch(/顺序/);
    expect((await complete('solicit', { completedOn: day(-8) })).json().error.fields.key).toMatch(/尚无答复/);
    const [first] = compound.buildings;
    const [h] = (await notices(id, first?.id ?? '')).households;
    await answer(compound.id, {
      building: first?.number,
      unit: h?.unit,
      room: h?.room,
      code: h?.code,
      renovate: true,
      items: [],
    });
    expect((await complete('solicit', { completedOn: day(-8) })).statusCode).toBe(200);
    const bare = await complete('propose', { completedOn: day(-7) });
    expect(Object.keys(bare.json().error.fields).sort()).toEqual(['attendance', 'minutes', 'outcome']);
    const before = await complete('propose', {
      completedOn: day(-9),
      attendance: 9,
      minutes: '提议',
      outcome: 'passed',
    });
    expect(before.json().error.fields.completedOn).toMatch(/前一环节/);
    // Nothing partial: the refused stage is as it was.
    const still = (await get(`/api/consultations/${id}`, tieta)).json();
    expect(still.stages[1]).toMatchObject({ completedOn: null, minutes: null });
    expect(still.currentStage).toBe('propose');
    // The questionnaire is closed: no more answers, no more notices.
    expect(
      (await send('POST', `/api/consultations/${id}/notices`, { buildingId: first?.id }, tieta)).statusCode,
    ).toBe(400);
    await complete('propose', { completedOn: day(-7), attendance: 9, minutes: '提议', outcome: 'passed' });
    await complete('discuss', { completedOn: day(-6), attendance: 15, minutes: '商议', outcome: 'passed' });
    const failed = await complete('resolve', {
      completedOn: day(-5),
      attendance: 120,
      minutes: '表决',
      outcome: 'failed',
    });
    expect(failed.json()).toMatchObject({ status: 'failed', currentStage: null });
    const disclose = await complete('disclose_resolution', {
      completedOn: day(-4),
      published: '决议',
      place: '公告栏',
    });
    expect(disclose.json().error.fields.key).toMatch(/终止/);
  });

  it('a project cannot leave "consulting residents" until its resolution is passed and disclosed', async () => {
    const project = await buildProject(t.database, { status: 'consulting' });
    const id = (
      await send(
        'POST',
        '/api/consultations',
        {
          compoundId: project.compound.id,
          projectId: project.id,
          title: '改造方案',
          stageList: '4-2',
          openedOn: day(-10),
        },
        tieta,
      )
    ).json().id;
    const step = async () => {
      const [p] = await t.database.db.select().from(projects).where(eq(projects.id, project.id));
      return send(
        'POST',
        `/api/projects/${project.id}/transition`,
        { version: p?.version, to: 'designed' },
        await hq(),
      );
    };
    const refused = await step();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.to).toMatch(/居民决议尚未通过并公开/);
    const complete = (key: string, body: object) =>
      send('POST', `/api/consultations/${id}/stages/${key}`, body, tieta);
    const meeting = (n: number) => ({
      completedOn: day(n),
      attendance: 9,
      minutes: '纪要',
      outcome: 'passed',
    });
    for (const [key, n] of [
      ['branch_proposes', -9],
      ['committees_discuss', -8],
      ['members_review', -7],
    ] as const) {
      expect((await complete(key, meeting(n))).statusCode).toBe(200);
    }
    const resolved = await complete('representatives_resolve', meeting(-6));
    expect(resolved.json().stages[3]).toMatchObject({ outcome: 'passed', voteId: null, vote: null });
    expect((await step()).statusCode).toBe(400);
    const disclosed = await complete('disclose_resolution', {
      completedOn: day(-5),
      published: '决议全文',
      place: '小区公告栏',
    });
    expect(disclosed.json()).toMatchObject({ status: 'resolved', currentStage: 'disclose_result' });
    expect(disclosed.json().stages[4].archivedAt).not.toBeNull();
    expect((await step()).statusCode).toBe(200);
  });
});

/** A consultation at its resolve stage: questionnaire answered and closed, two meetings held. */
async function atResolve() {
  const { compound, id } = await openConsultation();
  const [first] = compound.buildings;
  const [h] = (await notices(id, first?.id ?? '')).households;
  await answer(compound.id, {
    building: first?.number,
    unit: h?.unit,
    room: h?.room,
    code: h?.code,
    renovate: true,
    items: [],
  });
  const complete = (key: string, body: object) =>
    send('POST', `/api/consultations/${id}/stages/${key}`, body, tieta);
  expect((await complete('solicit', { completedOn: day(-8) })).statusCode).toBe(200);
  for (const [key, n] of [
    ['propose', -7],
    ['discuss', -6],
  ] as const) {
    const res = await complete(key, {
      completedOn: day(n),
      attendance: 9,
      minutes: '纪要',
      outcome: 'passed',
    });
    expect(res.statusCode).toBe(200);
  }
  return { compound, id, complete };
}

/** A vote on `compoundId` through the API: drafted, opened, `ballots` entered as given, then closed unless told. */
async function voteOn(
  compoundId: string,
  choices: ('for' | 'against')[],
  { close = true, scope = 'compound' as string, buildingId = undefined as string | undefined } = {},
) {
  const created = await send(
    'POST',
    '/api/votes',
    {
      compoundId,
      scope,
      ...(buildingId ? { buildingId } : {}),
      matter: 'renovation_plan',
      title: '改造方案表决',
      startsOn: day(-6),
      endsOn: day(0),
    },
    tieta,
  );
  expect(created.statusCode, created.body).toBe(201);
  let vote = created.json();
  vote = (await send('POST', `/api/votes/${vote.id}/open`, { version: vote.version }, tieta)).json();
  const notices = (await get(`/api/votes/${vote.id}/notices`, tieta)).json().notices as { key: string }[];
  for (const [i, choice] of choices.entries()) {
    const res = await send(
      'POST',
      `/api/votes/${vote.id}/ballots`,
      { voterKey: notices[i]?.key, choice },
      tieta,
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  if (close) {
    vote = (await get(`/api/votes/${vote.id}`, tieta)).json();
    vote = (await send('POST', `/api/votes/${vote.id}/close`, { version: vote.version }, tieta)).json();
  }
  return vote as { id: string; passed: boolean | null; status: string };
}

describe('a resolution that is an owners’ vote', () => {
  const resolution = (voteId: string, outcome: 'passed' | 'failed') => ({
    completedOn: day(-5),
    attendance: 86,
    minutes: '业主表决',
    outcome,
    voteId,
  });

  it('refuses a vote not closed, of another compound, unknown, or failed as passed; writes nothing', async () => {
    const { compound, id, complete } = await atResolve();
    // Four owners hold the eight flats: all four for passes; two for and two against does not.
    const open = await voteOn(compound.id, ['for', 'for', 'for'], { close: false });
    const failed = await voteOn(compound.id, ['for', 'for', 'against', 'against']);
    expect(failed.passed).toBe(false);
    const elsewhere = await buildRegisteredCompound(t.database);
    const other = await voteOn(elsewhere.id, ['for', 'for', 'for', 'for']);
    expect(other.passed).toBe(true);
    const fields = async (body: object) => {
      const res = await complete('resolve', body);
      expect(res.statusCode).toBe(400);
      return res.json().error.fields;
    };
    expect((await fields(resolution(open.id, 'passed'))).voteId).toMatch(/尚未结束/);
    expect((await fields(resolution(other.id, 'passed'))).voteId).toMatch(/不属于本小区/);
    expect((await fields(resolution(compound.id, 'passed'))).voteId).toMatch(/找不到/);
    expect((await fields(resolution(failed.id, 'passed'))).outcome).toMatch(/未通过/);
    expect((await fields({ ...resolution(open.id, 'passed'), voteId: 'vote-later' })).voteId).toBeDefined();
    // A vote cannot rest on a meeting that is not the resolution.
    const still = (await get(`/api/consultations/${id}`, tieta)).json();
    expect(still.currentStage).toBe('resolve');
    expect(still.stages[3]).toMatchObject({ completedOn: null, voteId: null });
    // The failed vote is a failed resolution: the consultation ends, nothing to disclose.
    const ended = await complete('resolve', resolution(failed.id, 'failed'));
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'failed' });
    expect(ended.json().stages[3].vote).toMatchObject({ id: failed.id, passed: false });
  });

  it('a passed vote of the compound (or one of its buildings) is the resolution, shown with its result', async () => {
    const { compound, id, complete } = await atResolve();
    const passed = await voteOn(compound.id, ['for', 'for', 'for', 'for']);
    const asFailed = await complete('resolve', resolution(passed.id, 'failed'));
    expect(asFailed.json().error.fields.outcome).toMatch(/一致/);
    const done = await complete('resolve', resolution(passed.id, 'passed'));
    expect(done.statusCode, done.body).toBe(200);
    const stage = done.json().stages[3];
    expect(stage.voteId).toBe(passed.id);
    expect(stage.vote).toMatchObject({ id: passed.id, status: 'closed', passed: true, special: false });
    expect(stage.vote.measures.quorumArea).toEqual({
      text: '580.00 / 580.00 m² = 100.0% ≥ 66.7%',
      met: true,
    });
    expect(stage.vote.measures.quorumHeadcount.text).toBe('4 / 4 = 100.0% ≥ 66.7%');
    expect(stage.vote.measures.approvalHeadcount.text).toBe('4 / 4 = 100.0% > 50.0%');
    const disclosed = await complete('disclose_resolution', {
      completedOn: day(-4),
      published: '业主表决结果及决议',
      place: '小区公告栏',
    });
    expect(disclosed.json().status).toBe('resolved');
    // A building's vote of the same compound may be a resolution too.
    const next = await atResolve();
    const building = await voteOn(next.compound.id, ['for', 'for'], {
      scope: 'building',
      buildingId: next.compound.buildings[0]?.id,
    });
    expect(building.passed).toBe(true);
    expect((await next.complete('resolve', resolution(building.id, 'passed'))).statusCode).toBe(200);
    // The database holds the reference: a stage cannot name a vote that does not exist.
    await expect(
      t.database.db.execute(
        sql`UPDATE consultation_stages SET vote_id = gen_random_uuid() WHERE consultation_id = ${id} AND key = 'resolve'`,
      ),
    ).rejects.toThrow();
  });
});

describe('staff correct an assisted answer entered wrongly', () => {
  async function assisted() {
    const { compound, id } = await openConsultation();
    const [h] = await t.database.db
      .select()
      .from(households)
      .where(eq(households.compoundId, compound.id))
      .limit(1);
    const res = await send(
      'POST',
      `/api/consultations/${id}/answers`,
      { householdId: h?.id, renovate: false, items: [] },
      tieta,
    );
    expect(res.statusCode).toBe(201);
    const list = (await get(`/api/consultations/${id}/answers`, tieta)).json();
    return { compound, id, answer: list.items[0] as { id: string; version: number } };
  }
  const url = (id: string, answerId: string) => `/api/consultations/${id}/answers/${answerId}/correct`;

  it('401, 403, 400 without a reason, 404 outside scope, 409 on a stale version', async () => {
    const { id, answer } = await assisted();
    const body = { version: answer.version, renovate: true, items: ['lift'], reason: '入户时记错' };
    expect((await send('POST', url(id, answer.id), body)).statusCode).toBe(401);
    expect((await send('POST', url(id, answer.id), body, viewer)).statusCode).toBe(403);
    const noReason = await send('POST', url(id, answer.id), { ...body, reason: ' ' }, tieta);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    expect((await send('POST', url(id, answer.id), body, qingping)).statusCode).toBe(404);
    const stale = await send('POST', url(id, answer.id), { ...body, version: answer.version + 1 }, tieta);
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db
      .select()
      .from(consultationAnswers)
      .where(eq(consultationAnswers.id, answer.id));
    expect(row).toMatchObject({ renovate: false, correctedAt: null, version: 1 });
  });

  it('corrects it with the reason, audited; the answer and the results show it was corrected', async () => {
    const { id, answer } = await assisted();
    const res = await send(
      'POST',
      url(id, answer.id),
      {
        version: answer.version,
        renovate: true,
        items: ['lift'],
        remarks: '同意加装电梯',
        reason: '入户时记错',
      },
      tieta,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      renovate: true,
      items: ['lift'],
      assisted: true,
      correctionReason: '入户时记错',
      version: 2,
    });
    expect(res.json().correctedAt).not.toBeNull();
    const detail = (await get(`/api/consultations/${id}`, tieta)).json();
    expect(detail.results.total).toMatchObject({ answered: 1, renovateYes: 1 });
    expect(detail.results.remarks[0]).toMatchObject({ text: '同意加装电梯', corrected: true });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'consultation.correct'), eq(auditEvents.entityId, id)));
    expect(event?.before).toMatchObject({ renovate: false, items: [] });
    expect(event?.after).toMatchObject({ renovate: true, items: ['lift'], reason: '入户时记错' });
    // The version moved on: the same correction again is stale.
    const again = await send(
      'POST',
      url(id, answer.id),
      { version: answer.version, renovate: false, items: [], reason: '再改' },
      tieta,
    );
    expect(again.statusCode).toBe(409);
  });

  it("never changes a household's own answer, nor one after the questionnaire closed", async () => {
    const { compound, id } = await openConsultation();
    const [first] = compound.buildings;
    const [h] = (await notices(id, first?.id ?? '')).households;
    await answer(compound.id, {
      building: first?.number,
      unit: h?.unit,
      room: h?.room,
      code: h?.code,
      renovate: true,
      items: [],
    });
    const own = (await get(`/api/consultations/${id}/answers?q=${first?.number}1${h?.room}`, tieta)).json()
      .items[0];
    expect(own.assisted).toBe(false);
    const refused = await send(
      'POST',
      url(id, own.id),
      { version: own.version, renovate: false, items: [], reason: '住户要求' },
      tieta,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.answerId).toMatch(/代填|代录/);
    const { id: closedId, answer: helped } = await assisted();
    expect(
      (await send('POST', `/api/consultations/${closedId}/stages/solicit`, { completedOn: day(-8) }, tieta))
        .statusCode,
    ).toBe(200);
    const late = await send(
      'POST',
      url(closedId, helped.id),
      { version: helped.version, renovate: true, items: [], reason: '记错' },
      tieta,
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toHaveProperty('consultation');
  });
});

let hqSession: Session | undefined;
async function hq() {
  hqSession ??= await sessionAs(t, 'hq');
  return hqSession;
}
