/**
 * Opinions over HTTP: the public side without a session (the challenge: wrong, expired, reused,
 * another compound's; receipts: the own item only, a guess is a 404; photos: images only; script
 * stays text on the server-rendered pages), floods answered 429 while the server stays up, and the
 * staff inbox (401/403/400 first, scope, masking, answer, ticket, ledger item, close, the summary).
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ledgerItems, opinions, photos, tickets } from '../../db/schema.js';
import { buildUser, requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import {
  buildCadre,
  buildCompound,
  buildProject,
  daysFromToday,
  nameOnProject,
  tieta,
} from '../../testing/factories.js';
import { issueChallenge } from './challenge.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
const as: Record<string, Session> = {};
const s = (name: string) => as[name] as Session;
let project: Awaited<ReturnType<typeof buildProject>>;
let compoundId: string;
let otherCompoundId: string;

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 7)]);
const xss = '<script>alert(1)</script>';
/** Each sender its own address, so the per-address limit (10 an hour) stays out of the way. */
let sent = 0;

/** The answer to "7 加 5 等于几？" or "9 减 2 等于几？". */
function solve(question: string): string {
  const m = /(\d+) (加|减) (\d+)/.exec(question);
  if (!m) throw new Error(`not a question: ${question}`);
  return String(m[2] === '加' ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]));
}

async function form(app = t.app, id = compoundId) {
  const res = await app.inject({ method: 'GET', url: `/api/public/compounds/${id}/opinion-form` });
  expect(res.statusCode).toBe(200);
  return res.json<{ categories: string[]; challenge: { token: string; question: string } }>();
}

async function sendOpinion(
  fields: Partial<{
    category: string;
    text: string;
    contact: string | null;
    answer: string;
    challenge: string;
  }> = {},
  { app = t.app, id = compoundId, ip = `203.0.113.${++sent % 250}` } = {},
) {
  const { challenge } = await form(app, id);
  return app.inject({
    method: 'POST',
    url: `/api/public/compounds/${id}/opinions`,
    remoteAddress: ip,
    payload: {
      category: '施工扰民',
      text: '晚上十点后仍在施工',
      contact: '13812345678',
      challenge: challenge.token,
      answer: solve(challenge.question),
      ...fields,
    },
  });
}

/** The page's form as a browser posts it (multipart, with a file when given). */
async function postPage(
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string; type: string },
) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('photo', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return t.app.inject({
    method: 'POST',
    url: `/p/c/${compoundId}/opinion`,
    remoteAddress: '198.51.100.7',
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

async function pageChallenge() {
  const res = await t.app.inject({ method: 'GET', url: `/p/c/${compoundId}/opinion` });
  expect(res.statusCode).toBe(200);
  const token = /name="challenge" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const question = /验证题：([^<]+)</.exec(res.body)?.[1] ?? '';
  return { token, answer: solve(question) };
}

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  as.hq = await sessionAs(t, 'hq');
  as.viewer = await sessionAs(t, 'viewer');
  as.contractor = await sessionAs(t, 'contractor', [tieta]);
  as.street = await sessionAs(t, 'subdistrict', [tieta]);
  as.elsewhere = await sessionAs(t, 'subdistrict', ['410203001']);
  as.community = await sessionAs(t, 'community', [tieta]);
  const contractor = await buildUser(t.database, 'contractor', [tieta]);
  project = await buildProject(t.database, { status: 'under_construction' });
  await nameOnProject(t.database, project.id, contractor.id, 'construction');
  compoundId = project.compoundId;
  otherCompoundId = (await buildCompound(t.database, { regionCode: tieta })).id;
}, 180_000);

describe('the public form', () => {
  it('answers without a session: categories and a challenge; an unknown compound is a 404', async () => {
    const f = await form();
    expect(f.categories).toEqual(['工程质量', '施工扰民', '安全隐患', '改造内容建议', '其他']);
    expect(f.challenge.question).toMatch(/等于几/);
    expect(f.challenge.token).not.toContain(solve(f.challenge.question).padStart(3, '|'));
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/public/compounds/00000000-0000-4000-8000-000000000000/opinion-form',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a wrong answer, another compound’s challenge, a forged token, and stores nothing', async () => {
    const before = await t.database.db.select({ n: count() }).from(opinions);
    const wrong = await sendOpinion({ answer: '999' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.answer).toMatch(/答案不正确/);
    const other = await form(t.app, otherCompoundId);
    const elsewhere = await sendOpinion({
      challenge: other.challenge.token,
      answer: solve(other.challenge.question),
    });
    expect(elsewhere.statusCode).toBe(400);
    const forged = await sendOpinion({ challenge: 'abc.99999999999999.xyz' });
    expect(forged.statusCode).toBe(400);
    const noAnswer = await sendOpinion({ answer: '' });
    expect(noAnswer.statusCode).toBe(400);
    const after = await t.database.db.select({ n: count() }).from(opinions);
    expect(after).toEqual(before);
  });

  it('refuses an expired challenge and a reused one', async () => {
    const old = await issueChallenge(t.database.db, compoundId, Date.now() - 2 * 60 * 60 * 1000);
    const expired = await sendOpinion({ challenge: old.token, answer: solve(old.question) });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.fields.answer).toMatch(/已过期/);

    const { challenge } = await form();
    const body = {
      category: '其他',
      text: '一次',
      contact: null,
      challenge: challenge.token,
      answer: solve(challenge.question),
    };
    const url = `/api/public/compounds/${compoundId}/opinions`;
    const first = await t.app.inject({ method: 'POST', url, payload: body, remoteAddress: '203.0.113.9' });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url, payload: body, remoteAddress: '203.0.113.9' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.answer).toMatch(/已使用/);
  });

  it('refuses a category not in the list, empty text and unknown fields', async () => {
    expect((await sendOpinion({ category: '随便' })).json().error.fields.category).toBeTruthy();
    expect((await sendOpinion({ text: '   ' })).statusCode).toBe(400);
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/public/compounds/${compoundId}/opinions`,
      payload: { category: '其他', text: 'x', challenge: 'a', answer: '1', secret: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('gives a long receipt that shows only its own opinion, never the contact; a guess is a 404', async () => {
    const res = await sendOpinion({ text: `楼道堆放建材 ${xss}`, contact: '13812345678' });
    expect(res.statusCode).toBe(201);
    const { receipt } = res.json<{ receipt: string }>();
    expect(receipt.replaceAll('-', '')).toHaveLength(26);
    const read = await t.app.inject({ method: 'GET', url: `/api/public/opinions/${receipt}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ text: `楼道堆放建材 ${xss}`, status: 'received', answer: null });
    expect(read.body).not.toContain('1381234');
    expect(Object.keys(read.json())).not.toContain('contact');
    // Lower case and without dashes reads the same opinion.
    const typed = await t.app.inject({
      method: 'GET',
      url: `/api/public/opinions/${receipt.replaceAll('-', '').toLowerCase()}`,
    });
    expect(typed.statusCode).toBe(200);
    const guessed = `${receipt.slice(0, -1)}${receipt.endsWith('0') ? '1' : '0'}`;
    for (const code of [guessed, 'ABCD', '0000-0000-0000-0000-0000-0000-00', '%3Cscript%3E']) {
      const miss = await t.app.inject({ method: 'GET', url: `/api/public/opinions/${code}` });
      expect(miss.statusCode).toBe(404);
      expect(miss.json().error.code).toBe('NOT_FOUND');
    }
    // The stored row holds only the receipt's hash.
    const rows = await t.database.db.select({ h: opinions.receiptHash }).from(opinions);
    expect(rows.map((r) => r.h)).not.toContain(receipt);
  });

  it('takes one photo by receipt: images only', async () => {
    const { receipt } = (await sendOpinion()).json<{ receipt: string }>();
    const url = `/api/public/opinions/${receipt}/photo`;
    const pdf = await t.app.inject({
      method: 'POST',
      url,
      payload: Buffer.from('%PDF-1.4 not an image'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.fields.photo).toMatch(/JPEG/);
    const ok = await t.app.inject({
      method: 'POST',
      url,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(ok.statusCode).toBe(201);
    const twice = await t.app.inject({
      method: 'POST',
      url,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(twice.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/public/opinions/0000-0000-0000-0000-0000-0000-00/photo',
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(wrong.statusCode).toBe(404);
  });
});

describe('the server-rendered pages', () => {
  it('show the form without script; an unknown compound is a 404 page', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/p/c/${compoundId}/opinion` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).not.toContain('<script');
    for (const url of ['/p/c/00000000-0000-4000-8000-000000000000/opinion', '/p/c/nonsense/opinion']) {
      const missing = await t.app.inject({ method: 'GET', url });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain('找不到');
    }
  });

  it('take an opinion with a photo and show the receipt; script stays text everywhere', async () => {
    const { token, answer } = await pageChallenge();
    const sent = await postPage(
      { category: '安全隐患', text: `电线裸露 ${xss}`, contact: '', challenge: token, answer },
      { bytes: jpeg, name: 'site.jpg', type: 'image/jpeg' },
    );
    expect(sent.statusCode).toBe(201);
    const receipt = /id="receipt">([^<]+)</.exec(sent.body)?.[1] ?? '';
    expect(receipt).toMatch(/^[0-9A-Z-]{32}$/);
    const page = await t.app.inject({ method: 'GET', url: `/p/r/${receipt}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('电线裸露 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain(xss);
    const [row] = await t.database.db
      .select()
      .from(opinions)
      .where(eq(opinions.text, `电线裸露 ${xss}`));
    expect(row?.contact).toBeNull();
    const [pic] = await t.database.db
      .select({ n: count() })
      .from(photos)
      .where(eq(photos.opinionId, row?.id ?? ''));
    expect(pic?.n).toBe(1);
    // The receipt page's lookup form leads to the same page.
    const lookup = await t.app.inject({ method: 'GET', url: `/p/r?code=${receipt}` });
    expect(lookup.statusCode).toBe(303);
    expect(lookup.headers.location).toBe(`/p/r/${receipt}`);
    const guessed = await t.app.inject({ method: 'GET', url: '/p/r/0000-0000-0000-0000-0000-0000-00' });
    expect(guessed.statusCode).toBe(404);
    expect(guessed.body).toContain('找不到');
  });

  it('refuse a non-image photo and a wrong answer on the form again, keeping what was typed (escaped)', async () => {
    const before = await t.database.db.select({ n: count() }).from(opinions);
    const { token, answer } = await pageChallenge();
    const notImage = await postPage(
      { category: '其他', text: `附件 ${xss}`, challenge: token, answer },
      { bytes: Buffer.from('MZ executable'), name: 'photo.jpg', type: 'image/jpeg' },
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.body).toContain('不是 JPEG、PNG 或 WebP 图片');
    expect(notImage.body).toContain('附件 &lt;script&gt;');
    expect(notImage.body).not.toContain(xss);
    const wrong = await postPage({ category: '其他', text: '再试', challenge: token, answer: '999' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('答案不正确');
    const empty = await postPage({ category: '其他', text: '', challenge: token, answer });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请填写意见内容');
    expect(await t.database.db.select({ n: count() }).from(opinions)).toEqual(before);
  });
});

describe('floods', () => {
  it('answers 429 with a clear Chinese message per address and per compound, and stays up', async () => {
    const limited = await testApp(
      { opinionLimits: { perAddressPerHour: 3, perCompoundPerHour: 5 } },
      { seeded: false },
    );
    const compound = (await buildCompound(limited.database, { regionCode: tieta })).id;
    const at = (ip: string) => sendOpinion({}, { app: limited.app, id: compound, ip });
    for (let i = 0; i < 3; i++) expect((await at('192.0.2.1')).statusCode).toBe(201);
    const flooded = await at('192.0.2.1');
    expect(flooded.statusCode).toBe(429);
    expect(flooded.json().error.code).toBe('RATE_LIMITED');
    expect(flooded.json().error.fields.opinion).toMatch(/提交过于频繁/);
    // Another address may still send, until the compound has had its share.
    expect((await at('192.0.2.2')).statusCode).toBe(201);
    expect((await at('192.0.2.3')).statusCode).toBe(201);
    expect((await at('192.0.2.4')).statusCode).toBe(429);
    // The page answers a flood with a page, and reading still works.
    const page = await limited.app.inject({
      method: 'POST',
      url: `/p/c/${compound}/opinion`,
      remoteAddress: '192.0.2.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'category=x',
    });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('提交过于频繁');
    expect((await limited.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await limited.app.inject({ method: 'GET', url: `/p/c/${compound}/opinion` })).statusCode).toBe(
      200,
    );
  }, 120_000);

  it('refuses a body past the cap', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: `/api/public/compounds/${compoundId}/opinions`,
      remoteAddress: '203.0.113.77',
      payload: { category: '其他', text: 'x'.repeat(300_000), challenge: 'a', answer: '1' },
    });
    expect(big.statusCode).toBe(413);
  });
});

describe('the staff inbox', () => {
  let id: string;
  let receipt: string;
  const version = async () => (await get(`/api/opinions/${id}`, s('hq'))).json<{ version: number }>().version;

  beforeAll(async () => {
    const res = await sendOpinion({
      category: '工程质量',
      text: `外墙保温层脱落 ${xss}`,
      contact: '13812345678',
    });
    receipt = res.json<{ receipt: string }>().receipt;
    const [row] = await t.database.db
      .select()
      .from(opinions)
      .where(eq(opinions.text, `外墙保温层脱落 ${xss}`));
    id = row?.id ?? '';
  });

  it('401 without a session, 403 for contractors, 400 on a bad filter', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/opinions' })).statusCode).toBe(401);
    expect((await get('/api/opinions', s('contractor'))).statusCode).toBe(403);
    expect(
      (await send('POST', `/api/opinions/${id}/answer`, { version: 1, answer: 'x' }, s('viewer'))).statusCode,
    ).toBe(403);
    expect((await get('/api/opinions?status=lost', s('hq'))).statusCode).toBe(400);
    expect(
      (await send('POST', `/api/opinions/${id}/answer`, { version: 1, answer: '' }, s('hq'))).statusCode,
    ).toBe(400);
  });

  it('lists in scope with filters; masks the contact for roles without owners’ phones', async () => {
    const mine = (await get(`/api/opinions?compoundId=${compoundId}&category=工程质量`, s('street'))).json();
    expect(mine.items.map((o: { id: string }) => o.id)).toContain(id);
    const item = mine.items.find((o: { id: string }) => o.id === id);
    expect(item.contact).toBe('13812345678');
    expect(item.text).toBe(`外墙保温层脱落 ${xss}`);
    const viewer = (await get(`/api/opinions/${id}`, s('viewer'))).json();
    expect(viewer.contact).toBe('138****5678');
    expect((await get('/api/opinions', s('elsewhere'))).json().total).toBe(0);
    expect((await get(`/api/opinions/${id}`, s('elsewhere'))).statusCode).toBe(404);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(
      (await get(`/api/opinions?from=${today}&to=${today}&status=received`, s('hq'))).json().total,
    ).toBeGreaterThan(0);
    expect((await get('/api/opinions?to=2020-01-01', s('hq'))).json().total).toBe(0);
  });

  it('counts open opinions in the summary, in reach', async () => {
    const open = (await get('/api/stats/summary', s('hq'))).json().openOpinions;
    expect(open).toBeGreaterThan(0);
    expect((await get('/api/stats/summary', s('elsewhere'))).json().openOpinions).toBe(0);
    expect((await get('/api/stats/summary', s('contractor'))).json().openOpinions).toBe(0);
  });

  it('answers (audited, public by receipt) and refuses a stale version', async () => {
    const stale = await send(
      'POST',
      `/api/opinions/${id}/answer`,
      { version: 99, answer: '已安排' },
      s('street'),
    );
    expect(stale.statusCode).toBe(409);
    const answered = await send(
      'POST',
      `/api/opinions/${id}/answer`,
      { version: await version(), answer: `已通知施工单位返工 ${xss}` },
      s('street'),
    );
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answer: `已通知施工单位返工 ${xss}` });
    const read = (await t.app.inject({ method: 'GET', url: `/api/public/opinions/${receipt}` })).json();
    expect(read).toMatchObject({ status: 'answered', answer: `已通知施工单位返工 ${xss}` });
    const page = await t.app.inject({ method: 'GET', url: `/p/r/${receipt}` });
    expect(page.body).toContain('已通知施工单位返工 &lt;script&gt;');
    const [event] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'opinion.answer'), eq(auditEvents.entityId, id)));
    expect(event?.n).toBe(1);
  });

  it('turns into a rectification ticket in the one ticket flow (a project of its compound only)', async () => {
    const elsewhereProject = await buildProject(t.database, { status: 'under_construction' });
    const body = { title: '外墙保温层脱落返工', deadline: daysFromToday(7) };
    const wrong = await send(
      'POST',
      `/api/opinions/${id}/ticket`,
      { ...body, version: await version(), projectId: elsewhereProject.id },
      s('street'),
    );
    expect(wrong.statusCode).toBe(400);
    expect(
      (
        await send(
          'POST',
          `/api/opinions/${id}/ticket`,
          { ...body, version: await version(), projectId: project.id },
          s('community'),
        )
      ).statusCode,
    ).toBe(403);
    const turned = await send(
      'POST',
      `/api/opinions/${id}/ticket`,
      { ...body, version: await version(), projectId: project.id },
      s('street'),
    );
    expect(turned.statusCode).toBe(200);
    expect(turned.json().status).toBe('ticket');
    const [ticket] = await t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, turned.json().ticket.id));
    expect(ticket).toMatchObject({ source: 'opinion', projectId: project.id, status: 'open' });
    const twice = await send(
      'POST',
      `/api/opinions/${id}/ledger-item`,
      {
        version: await version(),
        title: 'x',
        ownerCadreId: (await buildCadre(t.database)).id,
        deadline: daysFromToday(7),
      },
      s('street'),
    );
    expect(twice.statusCode).toBe(400);
  });

  it('turns another into a ledger item, and closes one', async () => {
    const { receipt: r2 } = (await sendOpinion({ text: '小区北门改造方案建议' })).json<{ receipt: string }>();
    expect(r2).toBeTruthy();
    const [row] = await t.database.db
      .select()
      .from(opinions)
      .where(eq(opinions.text, '小区北门改造方案建议'));
    const owner = await buildCadre(t.database, { regionCode: tieta });
    const turned = await send(
      'POST',
      `/api/opinions/${row?.id}/ledger-item`,
      {
        version: 1,
        title: '研究北门改造方案',
        ownerCadreId: owner.id,
        deadline: daysFromToday(14),
        projectId: project.id,
      },
      s('street'),
    );
    expect(turned.statusCode).toBe(200);
    expect(turned.json().status).toBe('ledger');
    const [item] = await t.database.db
      .select()
      .from(ledgerItems)
      .where(eq(ledgerItems.id, turned.json().ledgerItem.id));
    expect(item?.title).toBe('研究北门改造方案');
    const closed = await send('POST', `/api/opinions/${row?.id}/close`, { version: 2 }, s('community'));
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    const after = await send(
      'POST',
      `/api/opinions/${row?.id}/answer`,
      { version: 3, answer: 'x' },
      s('community'),
    );
    expect(after.statusCode).toBe(400);
  });

  it('shows the photo to staff in scope only', async () => {
    const { receipt: r3 } = (await sendOpinion({ text: '附照片' })).json<{ receipt: string }>();
    await t.app.inject({
      method: 'POST',
      url: `/api/public/opinions/${r3}/photo`,
      payload: jpeg,
      headers: { 'content-type': 'image/jpeg' },
    });
    const [row] = await t.database.db.select().from(opinions).where(eq(opinions.text, '附照片'));
    const detail = (await get(`/api/opinions/${row?.id}`, s('street'))).json();
    expect(detail.photoIds).toHaveLength(1);
    const photo = await get(`/api/photos/${detail.photoIds[0]}`, s('street'));
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await get(`/api/photos/${detail.photoIds[0]}`, s('elsewhere'))).statusCode).toBe(404);
    expect((await get(`/api/photos/${detail.photoIds[0]}`, s('contractor'))).statusCode).toBe(404);
  });

  it('lists the public routes in OpenAPI, without a session', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/public/compounds/{id}/opinions',
      '/api/public/compounds/{id}/opinion-form',
      '/api/public/opinions/{code}',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/public/opinions/{code}'].get.security).toBeUndefined();
  });
});
