import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, defaultGrades } from '../../../domain/proposals.js';
import {
  auditEvents,
  ledgerItems,
  projects,
  proposalCommitments,
  proposalReplies,
  proposals,
  proposalTemplates,
  settings,
} from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import {
  buildLedgerItem,
  buildProject,
  buildProposal,
  buildTemplate,
  buildUnit,
  daysFromToday,
} from '../../testing/factories.js';
import { docxParagraphs, docxParts, pdfText } from './letter/testing.js';

/**
 * The seed letter's figures (../shared/seed), each with the placeholder that fills it, the
 * summary figure and period it comes from, the text written, and the words around it in the letter.
 */
const seedReplyFigures: {
  seed: string;
  key: string;
  figure: string;
  from?: number;
  to?: number;
  text: string;
  inLetter: string;
}[] = [
  { seed: '212', key: 'compounds', figure: 'compounds', text: '212', inLetter: '全辖区共有小区212个' },
  {
    seed: '188',
    key: 'oldCompounds',
    figure: 'oldCompounds',
    text: '188',
    inLetter: '2005年前建成小区188个',
  },
  { seed: '88.7%', key: 'oldShare', figure: 'oldShare', text: '88.7', inLetter: '占全区小区总量的88.7%' },
  {
    seed: '16.4%',
    key: 'shareOfCityOld',
    figure: 'shareOfCityOld',
    text: '16.4',
    inLetter: '占全市老旧小区总量的16.4%',
  },
  ...(
    [
      ['135', 'renovatedCompounds|2019-2022', 'renovatedCompounds', '135', '完成改造老旧小区135个'],
      ['1,203', 'buildings|2019-2022', 'buildings', '1203', '改造楼栋1203个'],
      ['283万', 'floorArea|2019-2022|万取整', 'floorArea', '283', '面积超283万m²'],
      ['4.2万', 'households|2019-2022|万', 'households', '4.2', '惠及居民4.2万余户'],
      ['11.5万', 'residents|2019-2022|万', 'residents', '11.5', '11.5万多人'],
    ] as const
  ).map(([seed, key, figure, text, inLetter]) => ({
    seed,
    key,
    figure,
    from: 2019,
    to: 2022,
    text,
    inLetter,
  })),
  { seed: '18', key: 'departments', figure: 'departments', text: '18', inLetter: '民政等18个部门' },
  { seed: '9', key: 'taskForces', figure: 'taskForces', text: '9', inLetter: '智治等9个专班' },
  {
    seed: '8',
    key: 'subdistricts',
    figure: 'subdistricts',
    text: '8',
    inLetter: '区委常委担任8个街道党工委',
  },
  { seed: '58', key: 'units', figure: 'units', text: '58', inLetter: '全区58个区直单位' },
  { seed: '860', key: 'cadres|取整十', figure: 'cadres', text: '860', inLetter: '860多名党员干部' },
  {
    seed: '627',
    key: 'coBuildingUnits',
    figure: 'coBuildingUnits',
    text: '627',
    inLetter: '辐射带动627家共建单位',
  },
  { seed: '95', key: 'tempPartyOrgs', figure: 'tempPartyOrgs', text: '95', inLetter: '临时党组织95个' },
  { seed: '127', key: 'commandoTeams', figure: 'commandoTeams', text: '127', inLetter: '党员突击队127支' },
  { seed: '248', key: 'vanguardPosts', figure: 'vanguardPosts', text: '248', inLetter: '党员先锋岗248个' },
  {
    seed: '4,091',
    key: 'illegalStructuresRemoved',
    figure: 'illegalStructuresRemoved',
    text: '4091',
    inLetter: '共拆违4091处',
  },
  {
    seed: '13.6万',
    key: 'illegalAreaRemoved|万',
    figure: 'illegalAreaRemoved',
    text: '13.6',
    inLetter: '13.6万m²',
  },
  {
    seed: '68%',
    key: 'selfRemovalRate',
    figure: 'selfRemovalRate',
    text: '68',
    inLetter: '群众自拆率达到68%',
  },
  {
    seed: '354',
    key: 'residentSupervisors',
    figure: 'residentSupervisors',
    text: '354',
    inLetter: '选聘354名党员群众代表担任旧改监督员',
  },
];

describe('the demo district: proposal 384 and its reply', () => {
  let t: TestApp;
  let hq: Session;
  let get: ReturnType<typeof requests>['get'];
  beforeAll(async () => {
    t = await testApp();
    ({ get } = requests(t));
    hq = await sessionAs(t, 'hq');
  });

  it('lists proposals with their number', async () => {
    const page = (await get('/api/proposals?q=384', hq)).json();
    expect(page.items.map((p: { number: number }) => p.number)).toContain(384);
  });

  it('is signed, grade B, consent to publish, 汴顺政〔2023〕47号, its figures filled from data', async () => {
    const page = (await get('/api/proposals?q=384', hq)).json();
    const id = page.items.find((p: { number: number }) => p.number === 384).id;
    const p = (await get(`/api/proposals/${id}`, hq)).json();
    expect(p).toMatchObject({
      committee: '市政协',
      session: '十三届一次会议',
      members: ['闫绍奇'],
      title: '关于进一步扎实推进我市老旧小区改造工作的提案',
      status: 'signed',
      grade: 'B',
      consentToPublish: true,
      leadUnitName: '区政府办公室',
    });
    expect(p.reply).toMatchObject({
      documentNumber: '汴顺政〔2023〕47号',
      signedOn: '2023-06-05',
      issuer: '开封市顺河回族区人民政府',
      salutation: '闫绍奇委员：',
      contactPhone: '0371-25322640',
      copyTo: ['市政府督查局', '市政协提案委（3份）'],
    });
    expect(p.reply.filled).toContain('惠及居民4.2万余户、11.5万多人');
    expect(p.reply.filled).toContain('共拆违4091处、13.6万m²，群众自拆率达到68%');
    expect(p.reply.filled).not.toContain('{{');
  });

  it('fills every seed figure from data: stored frozen with its figure and period, as the letter writes it', async () => {
    const page = (await get('/api/proposals?q=384', hq)).json();
    const id = page.items.find((p: { number: number }) => p.number === 384).id;
    const [row] = await t.database.db
      .select()
      .from(proposalReplies)
      .where(eq(proposalReplies.proposalId, id));
    expect(row?.signedAt).not.toBeNull();
    const stored = row?.values ?? [];
    const filled = (await get(`/api/proposals/${id}`, hq)).json().reply.filled as string;
    for (const f of seedReplyFigures) {
      const v = stored.find((s) => s.key === f.key);
      // Filled from data: stored (frozen) under its placeholder, with the figure and period it came from.
      expect([
        f.seed,
        v && { figure: v.figure, from: v.from, to: v.to, region: v.region, text: v.text },
      ]).toEqual([
        f.seed,
        { figure: f.figure, from: f.from ?? null, to: f.to ?? null, region: null, text: f.text },
      ]);
      // …and its value is what the seed says (the text is its rounding of the live value).
      expect([f.seed, f.text.replace(/,/g, '')]).toEqual([f.seed, f.seed.replace(/[,万%]/g, '')]);
      expect([f.seed, filled.includes(f.inLetter)]).toEqual([f.seed, true]);
    }
    expect(filled).not.toContain('{{');
  });

  it('downloads its reply as the GB/T 9704 letter (.docx and PDF) with the figures filled from data', async () => {
    const page = (await get('/api/proposals?q=384', hq)).json();
    const id = page.items.find((p: { number: number }) => p.number === 384).id;
    expect((await t.app.inject({ method: 'GET', url: `/api/proposals/${id}/reply.docx` })).statusCode).toBe(
      401,
    );
    const viewer = await sessionAs(t, 'community', ['410203001']);
    expect((await get(`/api/proposals/${id}/reply.docx`, viewer)).statusCode).toBe(403);

    const docx = await get(`/api/proposals/${id}/reply.docx`, hq);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const parts = await docxParts(docx.rawPayload);
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toContain('w:w="11906" w:h="16838"');
    const text = docxParagraphs(xml)
      .map((p) => p.text)
      .join('\n');
    const inLetter = ['汴顺政〔2023〕47号', '2023年6月5日', ...seedReplyFigures.map((f) => f.inLetter)];
    for (const figure of inLetter) expect([figure, text.includes(figure)]).toEqual([figure, true]);

    const pdf = await get(`/api/proposals/${id}/reply.pdf`, hq);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.toString('latin1')).toContain('/FontFile2');
    const pdfWords = pdfText(pdf.rawPayload)
      .map((page) => page.replace(/\n/g, ''))
      .join('');
    for (const figure of inLetter) expect([figure, pdfWords.includes(figure)]).toEqual([figure, true]);
  });

  it('turns the overdue demo proposal into a supervision-ledger item when someone looks', async () => {
    const overdue = (await get('/api/proposals?overdue=true', hq)).json();
    const p = overdue.items.find((i: { number: number }) => i.number === 318);
    expect(p).toBeDefined();
    const detail = (await get(`/api/proposals/${p.id}`, hq)).json();
    expect(detail.ledgerItemId).not.toBeNull();
  });
});

describe('proposal handling', () => {
  let t: TestApp;
  let get: ReturnType<typeof requests>['get'];
  let send: ReturnType<typeof requests>['send'];
  let hq: Session;
  let leader: Session;
  let viewer: Session;
  let subdistrict: Session;

  beforeAll(async () => {
    t = await testApp({}, { seeded: false });
    ({ get, send } = requests(t));
    hq = await sessionAs(t, 'hq');
    leader = await sessionAs(t, 'leader');
    viewer = await sessionAs(t, 'viewer');
    subdistrict = await sessionAs(t, 'subdistrict', ['410203002']);
  });

  const register = {
    committee: '市政协',
    session: '十三届二次会议',
    number: 17,
    title: '关于加快老旧小区改造的提案',
    members: ['张委员', '李委员'],
    receivedOn: '2024-01-20',
  };

  describe('GET /api/proposals', () => {
    it('401 without a session, 403 without the right', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/proposals' })).statusCode).toBe(401);
      expect((await get('/api/proposals', subdistrict)).statusCode).toBe(403);
    });
    it('400 for a bad filter', async () => {
      expect((await get('/api/proposals?status=lost', hq)).statusCode).toBe(400);
    });
    it('lists with number, deadline and overdue', async () => {
      const p = await buildProposal(t.database, { assignedOn: daysFromToday(-10) });
      const page = (await get(`/api/proposals?q=${p.number}`, viewer)).json();
      expect(page.items).toContainEqual(
        expect.objectContaining({
          number: p.number,
          deadline: addMonths(daysFromToday(-10), 3),
          overdue: false,
        }),
      );
    });
  });

  describe('POST /api/proposals', () => {
    it('401, 403, 400 before registering', async () => {
      expect((await send('POST', '/api/proposals', register)).statusCode).toBe(401);
      expect((await send('POST', '/api/proposals', register, viewer)).statusCode).toBe(403);
      expect((await send('POST', '/api/proposals', register, leader)).statusCode).toBe(403);
      expect((await send('POST', '/api/proposals', { ...register, members: [] }, hq)).statusCode).toBe(400);
    });
    it('registers once per session and number', async () => {
      const res = await send('POST', '/api/proposals', register, hq);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ number: 17, status: 'registered', step: 'assigned' });
      const again = await send('POST', '/api/proposals', register, hq);
      expect(again.statusCode).toBe(400);
      expect(again.json().error.fields.number).toBeDefined();
    });
  });

  describe('a reply from a template, through review and sign-off', () => {
    let id: string;
    let templateId: string;
    let coUnit: string;
    beforeAll(async () => {
      const p = await buildProposal(t.database, { members: ['张委员'] });
      id = p.id;
      templateId = (await buildTemplate(t.database, '全区共有区直单位{{units}}个，部门{{departments}}个。'))
        .id;
      coUnit = (await buildUnit(t.database)).id;
    });

    it('assigns: deadline 3 months on, co-handling input owed', async () => {
      const lead = await buildUnit(t.database);
      const body = { leadUnitId: lead.id, coUnitIds: [coUnit], assignedOn: daysFromToday(0) };
      expect((await send('POST', `/api/proposals/${id}/assign`, body, viewer)).statusCode).toBe(403);
      const res = await send('POST', `/api/proposals/${id}/assign`, body, hq);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'assigned',
        step: 'inputs',
        deadline: addMonths(daysFromToday(0), 3),
        latestDeadline: addMonths(daysFromToday(0), 6),
      });
    });

    it('refuses an extension past 6 months, and one without a reason; nothing written', async () => {
      const past = await send(
        'POST',
        `/api/proposals/${id}/extend`,
        { deadline: addMonths(daysFromToday(0), 7), reason: '需市级部门协调' },
        hq,
      );
      expect(past.statusCode).toBe(400);
      expect(past.json().error.fields.deadline).toContain('6个月');
      const noReason = await send(
        'POST',
        `/api/proposals/${id}/extend`,
        { deadline: addMonths(daysFromToday(0), 4), reason: '' },
        hq,
      );
      expect(noReason.statusCode).toBe(400);
      const [row] = await t.database.db.select().from(proposals).where(eq(proposals.id, id));
      expect(row?.deadline).toBe(addMonths(daysFromToday(0), 3));
      const ok = await send(
        'POST',
        `/api/proposals/${id}/extend`,
        { deadline: addMonths(daysFromToday(0), 6), reason: '需市级部门协调' },
        hq,
      );
      expect(ok.json()).toMatchObject({
        deadline: addMonths(daysFromToday(0), 6),
        extensionReason: '需市级部门协调',
      });
    });

    it('records the co-handling input', async () => {
      const res = await send(
        'POST',
        `/api/proposals/${id}/inputs`,
        { unitId: coUnit, input: '已报送相关数据。', inputOn: daysFromToday(0) },
        hq,
      );
      expect(res.json()).toMatchObject({ step: 'drafted', coUnits: [{ input: '已报送相关数据。' }] });
      const stranger = (await buildUnit(t.database)).id;
      const bad = await send(
        'POST',
        `/api/proposals/${id}/inputs`,
        { unitId: stranger, input: '意见', inputOn: daysFromToday(0) },
        hq,
      );
      expect(bad.statusCode).toBe(400);
    });

    it('drafts from the template, values filled from the live summary with their source', async () => {
      const res = await send('POST', `/api/proposals/${id}/draft`, { templateId }, hq);
      expect(res.statusCode).toBe(200);
      const reply = res.json().reply;
      const units = reply.values.find((v: { key: string }) => v.key === 'units');
      expect(units).toMatchObject({ figure: 'units', from: null, to: null, region: null });
      expect(reply.filled).toBe(`全区共有区直单位${units.text}个，部门0个。`);
      expect(reply.title).toMatch(/^关于市政协测试届次.*第\d+号提案的答复$/);
    });

    it('refuses a grade outside the configured list and an unknown placeholder in the draft', async () => {
      const reply = (await get(`/api/proposals/${id}`, hq)).json().reply;
      const body = {
        documentNumber: '汴顺政〔2024〕9号',
        title: reply.title,
        salutation: reply.salutation,
        body: reply.body,
        grade: 'D',
        consentToPublish: true,
        issuer: '开封市顺河回族区人民政府',
        signatory: '王荟',
        contactUnit: '开封市顺河回族区人民政府',
        contactPhone: '0371-25322640',
        copyTo: ['市政府督查局', '市政协提案委'],
      };
      const d = await send('PUT', `/api/proposals/${id}/reply`, body, hq);
      expect(d.statusCode).toBe(400);
      expect(d.json().error.fields.grade).toBe('不在设置的办理结果等级中');
      const [unchanged] = await t.database.db
        .select()
        .from(proposalReplies)
        .where(eq(proposalReplies.proposalId, id));
      expect([unchanged?.grade, unchanged?.documentNumber]).toEqual([null, null]);
      const unknown = await send(
        'PUT',
        `/api/proposals/${id}/reply`,
        { ...body, grade: 'B', body: '{{shops}}个' },
        hq,
      );
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields.body).toContain('{{shops}}');
      const ok = await send('PUT', `/api/proposals/${id}/reply`, { ...body, grade: 'B' }, hq);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ grade: 'B', consentToPublish: true, reply: { grade: 'B' } });
    });

    it('review: 403 without the right, then approved', async () => {
      expect(
        (await send('POST', `/api/proposals/${id}/review`, { decision: 'approve' }, viewer)).statusCode,
      ).toBe(403);
      const res = await send('POST', `/api/proposals/${id}/review`, { decision: 'approve' }, hq);
      expect(res.json()).toMatchObject({ status: 'reviewed', step: 'signed' });
    });

    it('refuses sign-off without the right (nothing written), then the unit head signs it off', async () => {
      const signedOn = daysFromToday(0);
      expect((await send('POST', `/api/proposals/${id}/sign`, { signedOn }, hq)).statusCode).toBe(403);
      const [still] = await t.database.db
        .select()
        .from(proposalReplies)
        .where(eq(proposalReplies.proposalId, id));
      expect(still?.signedAt).toBeNull();
      const res = await send('POST', `/api/proposals/${id}/sign`, { signedOn }, leader);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'signed', grade: 'B', reply: { signedOn } });
    });

    it('never changes a signed reply: editing is refused, data changes leave its values', async () => {
      const before = (await get(`/api/proposals/${id}`, hq)).json().reply;
      await buildUnit(t.database);
      const after = (await get(`/api/proposals/${id}`, hq)).json().reply;
      expect(after.values).toEqual(before.values);
      const edit = await send(
        'PUT',
        `/api/proposals/${id}/reply`,
        {
          documentNumber: before.documentNumber,
          title: before.title,
          salutation: before.salutation,
          body: '改过的答复',
          grade: 'B',
          consentToPublish: true,
          issuer: before.issuer,
          signatory: null,
          contactUnit: null,
          contactPhone: null,
          copyTo: [],
        },
        hq,
      );
      expect(edit.statusCode).toBe(400);
      expect(edit.json().error.fields.reply).toContain('已签发');
      const redraft = await send('POST', `/api/proposals/${id}/draft`, { templateId }, hq);
      expect(redraft.statusCode).toBe(400);
      const [row] = await t.database.db
        .select()
        .from(proposalReplies)
        .where(eq(proposalReplies.proposalId, id));
      expect(row?.body).toBe(before.body);
    });

    it('sends it; feedback only for the proposal’s own member; not satisfied reopens it', async () => {
      const sent = await send(
        'POST',
        `/api/proposals/${id}/send`,
        { sentOn: daysFromToday(0), disclosure: 'published' },
        hq,
      );
      expect(sent.json()).toMatchObject({ status: 'replied', disclosure: 'published' });
      const stranger = await send(
        'POST',
        `/api/proposals/${id}/feedback`,
        { member: '王某', level: 'satisfied' },
        hq,
      );
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().error.fields.member).toBeDefined();
      expect((await get(`/api/proposals/${id}`, hq)).json().feedback).toEqual([]);
      const res = await send(
        'POST',
        `/api/proposals/${id}/feedback`,
        { member: '张委员', level: 'not_satisfied' },
        hq,
      );
      expect(res.json()).toMatchObject({ status: 'assigned', round: 2, reply: null });
      expect(res.json().earlierReplies).toHaveLength(1);
    });
  });

  describe('templates', () => {
    it('401, 403, then refuses unknown placeholders by name', async () => {
      const body = {
        name: '答复模板',
        body: '改造{{renovatedCompounds|2019-2022}}个，新建{{newRooms}}座，{{shops|去年}}处',
      };
      expect((await send('POST', '/api/proposal-templates', body)).statusCode).toBe(401);
      expect((await send('POST', '/api/proposal-templates', body, viewer)).statusCode).toBe(403);
      const res = await send('POST', '/api/proposal-templates', body, hq);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.body).toBe('未知的占位符：{{newRooms}}、{{shops|去年}}');
      const written = await t.database.db
        .select()
        .from(proposalTemplates)
        .where(eq(proposalTemplates.name, body.name));
      expect(written).toEqual([]);
      const ok = await send(
        'POST',
        '/api/proposal-templates',
        { ...body, body: '改造{{renovatedCompounds|2019-2022}}个' },
        hq,
      );
      expect(ok.statusCode).toBe(201);
      expect(ok.json().placeholders).toEqual(['renovatedCompounds|2019-2022']);
    });
  });

  describe('return, overdue, commitments and grades', () => {
    it('returns a misassigned proposal within 10 days, not after', async () => {
      const fresh = await buildProposal(t.database, { assignedOn: daysFromToday(-10) });
      const res = await send('POST', `/api/proposals/${fresh.id}/return`, { reason: '不属于本单位职责' }, hq);
      expect(res.json()).toMatchObject({
        status: 'registered',
        leadUnitId: null,
        returnedReason: '不属于本单位职责',
      });
      const late = await buildProposal(t.database, { assignedOn: daysFromToday(-11) });
      expect(
        (await send('POST', `/api/proposals/${late.id}/return`, { reason: '误交' }, hq)).statusCode,
      ).toBe(400);
    });

    it('an overdue proposal becomes one ledger item of its lead unit', async () => {
      const p = await buildProposal(t.database, { assignedOn: addMonths(daysFromToday(0), -4) });
      await get('/api/proposals', hq);
      await get('/api/proposals', hq);
      const items = await t.database.db
        .select()
        .from(ledgerItems)
        .where(eq(ledgerItems.ownerUnitId, p.leadUnitId ?? ''));
      expect(items).toHaveLength(1);
      expect(items[0]?.title).toContain(`第${p.number}号`);
    });

    it('a district that keeps a D may grade D', async () => {
      const admin = await sessionAs(t, 'admin');
      const withD = [...defaultGrades, { code: 'D', label: '留作参考' }];
      const set = await send('PATCH', '/api/settings', { proposalGrades: withD }, admin);
      expect(set.json().proposalGrades).toEqual(withD);
      const p = await buildProposal(t.database, { assignedOn: daysFromToday(0) });
      const template = await buildTemplate(t.database, '答复正文');
      await send('POST', `/api/proposals/${p.id}/draft`, { templateId: template.id }, hq);
      const reply = (await get(`/api/proposals/${p.id}`, hq)).json().reply;
      const res = await send(
        'PUT',
        `/api/proposals/${p.id}/reply`,
        {
          documentNumber: null,
          title: reply.title,
          salutation: reply.salutation,
          body: reply.body,
          grade: 'D',
          consentToPublish: false,
          issuer: '开封市顺河回族区人民政府',
          signatory: null,
          contactUnit: null,
          contactPhone: null,
          copyTo: [],
        },
        hq,
      );
      expect(res.json()).toMatchObject({ grade: 'D', grades: withD });
      await send('PATCH', '/api/settings', { proposalGrades: defaultGrades }, admin);
    });
  });
  describe('commitments and raising B to A', () => {
    const commit = (id: string, body: unknown, who?: Session) =>
      send('POST', `/api/proposals/${id}/commitments`, body, who);
    const raise = (id: string, who?: Session) =>
      send('POST', `/api/proposals/${id}/raise-grade`, undefined, who);
    const gradeOf = async (id: string) =>
      (await t.database.db.select().from(proposals).where(eq(proposals.id, id)))[0]?.grade;
    const commitmentsOf = (id: string) =>
      t.database.db.select().from(proposalCommitments).where(eq(proposalCommitments.proposalId, id));

    it('adds commitments: 401, 403, 400 (no link, both links, unknown record, twice), nothing written', async () => {
      const p = await buildProposal(t.database, { status: 'replied', grade: 'B' });
      const project = await buildProject(t.database);
      const body = { text: '完成加装电梯', projectId: project.id };
      expect((await commit(p.id, body)).statusCode).toBe(401);
      expect((await commit(p.id, body, viewer)).statusCode).toBe(403);
      expect((await commit(p.id, body, leader)).statusCode).toBe(403);
      expect((await commit(p.id, { text: '完成加装电梯' }, hq)).json().error.fields.projectId).toBeDefined();
      const item = await buildLedgerItem(t.database);
      expect((await commit(p.id, { ...body, ledgerItemId: item.id }, hq)).statusCode).toBe(400);
      const unknown = await commit(p.id, { text: '完成', projectId: crypto.randomUUID() }, hq);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields.projectId).toBe('无法读取');
      expect(await commitmentsOf(p.id)).toEqual([]);

      const ok = await commit(p.id, body, hq);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().commitments).toEqual([
        expect.objectContaining({
          text: '完成加装电梯',
          projectId: project.id,
          linkStatus: 'planned',
          done: false,
        }),
      ]);
      expect(ok.json().commitments[0].linkLabel).toMatch(/（2024年）$/);
      const twice = await commit(p.id, { text: '再来一次', projectId: project.id }, hq);
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.fields.projectId).toContain('已关联');
      expect(await commitmentsOf(p.id)).toHaveLength(1);
    });

    it('shows each commitment’s live status and refuses to raise while one is open, naming it', async () => {
      const p = await buildProposal(t.database, { status: 'replied', grade: 'B' });
      const project = await buildProject(t.database);
      const item = await buildLedgerItem(t.database, {
        projectId: null,
        ownerUnitId: (await buildUnit(t.database)).id,
      });
      expect((await get(`/api/proposals/${p.id}`, hq)).json()).toMatchObject({
        mayRaiseToA: false,
        raiseProblem: 'no_commitments',
      });
      const none = await raise(p.id, hq);
      expect(none.statusCode).toBe(400);
      expect(none.json().error.fields.grade).toContain('没有关联承诺事项');

      await commit(p.id, { text: '完成该小区改造', projectId: project.id }, hq);
      const both = await commit(p.id, { text: '加装电梯督办办结', ledgerItemId: item.id }, hq);
      expect(both.json()).toMatchObject({ mayRaiseToA: false, raiseProblem: 'open_commitments' });

      // 403 without the right, before anything else.
      expect((await raise(p.id, viewer)).statusCode).toBe(403);
      expect((await raise(p.id, leader)).statusCode).toBe(403);
      expect((await raise(p.id)).statusCode).toBe(401);

      await t.database.db.update(projects).set({ status: 'accepted' }).where(eq(projects.id, project.id));
      const oneOpen = await raise(p.id, hq);
      expect(oneOpen.statusCode).toBe(400);
      expect(oneOpen.json().error.fields.grade).toBe('尚有承诺事项未完成：加装电梯督办办结');
      expect(await gradeOf(p.id)).toBe('B');
      const detail = (await get(`/api/proposals/${p.id}`, hq)).json();
      expect(
        detail.commitments.map((c: { linkStatus: string; done: boolean }) => [c.linkStatus, c.done]),
      ).toEqual([
        ['accepted', true],
        ['open', false],
      ]);

      await t.database.db.update(ledgerItems).set({ status: 'done' }).where(eq(ledgerItems.id, item.id));
      expect((await get(`/api/proposals/${p.id}`, hq)).json()).toMatchObject({
        mayRaiseToA: true,
        raiseProblem: null,
      });
      const res = await raise(p.id, hq);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ grade: 'A', mayRaiseToA: false, raiseProblem: 'not_b' });
      const [event] = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, 'proposal.grade')));
      expect(event?.after).toMatchObject({ before: 'B', grade: 'A' });
      // Done once: an A is not raised again.
      expect((await raise(p.id, hq)).json().error.fields.grade).toContain('只有办理结果为B类');
    });

    it('refuses to raise to A when A is not among the configured grades (nothing written)', async () => {
      const admin = await sessionAs(t, 'admin');
      const p = await buildProposal(t.database, { status: 'replied', grade: 'B' });
      const item = await buildLedgerItem(t.database, { status: 'done' });
      await commit(p.id, { text: '已办结', ledgerItemId: item.id }, hq);
      const withoutA = defaultGrades.filter((g) => g.code !== 'A');
      expect((await send('PATCH', '/api/settings', { proposalGrades: withoutA }, admin)).statusCode).toBe(
        200,
      );
      try {
        expect((await get(`/api/proposals/${p.id}`, hq)).json().raiseProblem).toBe('a_not_in_list');
        const res = await raise(p.id, hq);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields.grade).toBe('设置的办理结果等级中没有A类');
        expect(await gradeOf(p.id)).toBe('B');
      } finally {
        await send('PATCH', '/api/settings', { proposalGrades: defaultGrades }, admin);
      }
    });

    it('removes a commitment: 403 without the right, 400 for one of another proposal', async () => {
      const p = await buildProposal(t.database, { status: 'replied', grade: 'B' });
      const other = await buildProposal(t.database, { status: 'replied', grade: 'B' });
      const item = await buildLedgerItem(t.database);
      const added = (await commit(p.id, { text: '督办', ledgerItemId: item.id }, hq)).json();
      const cid = added.commitments[0].id;
      const url = (id: string) => `/api/proposals/${id}/commitments/${cid}`;
      expect((await send('DELETE', url(p.id), undefined, viewer)).statusCode).toBe(403);
      expect((await send('DELETE', url(other.id), undefined, hq)).statusCode).toBe(400);
      expect(await commitmentsOf(p.id)).toHaveLength(1);
      const res = await send('DELETE', url(p.id), undefined, hq);
      expect(res.statusCode).toBe(200);
      expect(res.json().commitments).toEqual([]);
    });
  });

  describe('the grade list in the settings', () => {
    it('is listed with labels; refused empty, a code twice, a label missing — nothing written', async () => {
      const admin = await sessionAs(t, 'admin');
      expect((await get('/api/settings', admin)).json().proposalGrades).toEqual(defaultGrades);
      expect(
        (await send('PATCH', '/api/settings', { proposalGrades: defaultGrades }, viewer)).statusCode,
      ).toBe(403);
      const empty = await send('PATCH', '/api/settings', { proposalGrades: [] }, admin);
      expect(empty.statusCode).toBe(400);
      expect(Object.keys(empty.json().error.fields)).toEqual(['proposalGrades']);
      const twice = await send(
        'PATCH',
        '/api/settings',
        { proposalGrades: [...defaultGrades, { code: 'B', label: '又一个B' }] },
        admin,
      );
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.fields).toEqual({ 'proposalGrades.3.code': '等级代码重复' });
      const noLabel = await send(
        'PATCH',
        '/api/settings',
        { proposalGrades: [...defaultGrades, { code: 'D', label: ' ' }] },
        admin,
      );
      expect(noLabel.statusCode).toBe(400);
      expect(Object.keys(noLabel.json().error.fields)).toEqual(['proposalGrades.3.label']);
      expect((await get('/api/settings', admin)).json().proposalGrades).toEqual(defaultGrades);
    });

    it('reads a list stored as bare codes with the default labels', async () => {
      await t.database.db
        .insert(settings)
        .values({ key: 'proposalGrades', value: ['A', 'B', 'C', 'D'] })
        .onConflictDoUpdate({ target: settings.key, set: { value: ['A', 'B', 'C', 'D'] } });
      const admin = await sessionAs(t, 'admin');
      expect((await get('/api/settings', admin)).json().proposalGrades).toEqual([
        ...defaultGrades,
        { code: 'D', label: 'D' },
      ]);
      await send('PATCH', '/api/settings', { proposalGrades: defaultGrades }, admin);
    });
  });
});
