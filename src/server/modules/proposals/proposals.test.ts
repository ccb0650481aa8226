import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../domain/proposals.js';
import { ledgerItems, proposalReplies, proposals } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import {
  buildLedgerItem,
  buildProposal,
  buildTemplate,
  buildUnit,
  daysFromToday,
} from '../../testing/factories.js';
import { docxParagraphs, docxParts, pdfText } from './letter/testing.js';

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
    const value = (key: string) => p.reply.values.find((v: { key: string }) => v.key === key)?.text;
    const expected: [string, string][] = [
      ['compounds', '212'],
      ['oldCompounds', '188'],
      ['oldShare', '88.7'],
      ['shareOfCityOld', '16.4'],
      ['renovatedCompounds|2019-2022', '135'],
      ['buildings|2019-2022', '1203'],
      ['floorArea|2019-2022|万取整', '283'],
      ['households|2019-2022|万', '4.2'],
      ['residents|2019-2022|万', '11.5'],
      ['departments', '18'],
      ['taskForces', '9'],
      ['units', '58'],
      ['cadres|取整十', '860'],
      ['coBuildingUnits', '627'],
      ['tempPartyOrgs', '95'],
      ['commandoTeams', '127'],
      ['vanguardPosts', '248'],
      ['illegalStructuresRemoved', '4091'],
      ['illegalAreaRemoved|万', '13.6'],
      ['selfRemovalRate', '68'],
    ];
    for (const [key, text] of expected) expect([key, value(key)]).toEqual([key, text]);
    expect(p.reply.filled).toContain('惠及居民4.2万余户、11.5万多人');
    expect(p.reply.filled).toContain('共拆违4091处、13.6万m²，群众自拆率达到68%');
    expect(p.reply.filled).not.toContain('{{');
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
    for (const figure of [
      '汴顺政〔2023〕47号',
      '4.2万余户',
      '11.5万多人',
      '4091处',
      '13.6万m²',
      '68%',
      '2023年6月5日',
    ]) {
      expect([figure, text.includes(figure)]).toEqual([figure, true]);
    }

    const pdf = await get(`/api/proposals/${id}/reply.pdf`, hq);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.toString('latin1')).toContain('/FontFile2');
    expect(pdfText(pdf.rawPayload).join('')).toContain('汴顺政〔2023〕47号');
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
      expect(d.json().error.fields.grade).toBeDefined();
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

    it('raises a B to A once its commitments are done', async () => {
      const p = await buildProposal(t.database, { status: 'closed', grade: 'B' });
      const item = await buildLedgerItem(t.database, {
        projectId: null,
        ownerUnitId: (await buildUnit(t.database)).id,
      });
      await send(
        'POST',
        `/api/proposals/${p.id}/commitments`,
        { text: '完成加装电梯', ledgerItemId: item.id },
        hq,
      );
      expect((await send('POST', `/api/proposals/${p.id}/raise-grade`, undefined, hq)).statusCode).toBe(400);
      await t.database.db.update(ledgerItems).set({ status: 'done' }).where(eq(ledgerItems.id, item.id));
      const res = await send('POST', `/api/proposals/${p.id}/raise-grade`, undefined, hq);
      expect(res.json()).toMatchObject({ grade: 'A' });
    });

    it('a district that keeps a D may grade D', async () => {
      const admin = await sessionAs(t, 'admin');
      const set = await send('PATCH', '/api/settings', { proposalGrades: ['A', 'B', 'C', 'D'] }, admin);
      expect(set.json().proposalGrades).toEqual(['A', 'B', 'C', 'D']);
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
      expect(res.json()).toMatchObject({ grade: 'D', grades: ['A', 'B', 'C', 'D'] });
    });
  });
});
