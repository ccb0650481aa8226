import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdsMobile } from '../../../domain/portal.js';
import { consultationStages, projectItems, regionOffices, regions } from '../../db/schema.js';
import { sessionAs, type TestApp, testApp, withoutIds } from '../../testing/app.js';
import { buildConsultation, buildProject, buildRegisteredCompound, tieta } from '../../testing/factories.js';
import { pdfText } from '../proposals/letter/testing.js';

let t: TestApp;
const community = '410203002901';

beforeAll(async () => {
  t = await testApp({ publicBaseUrl: 'https://jiugai.example.gov.cn' }, { seeded: false });
  // A community of 铁塔街道 whose committee has only a mobile on record, and the subdistrict's office.
  await t.database.db
    .insert(regions)
    .values({ code: community, name: '测试社区', level: 'community', parentCode: tieta })
    .onConflictDoNothing();
  await t.database.db.insert(regionOffices).values([
    { regionCode: community, name: '测试社区居民委员会', phone: '13903781234' },
    { regionCode: tieta, name: '铁塔街道办事处老旧小区改造办公室', phone: '0371-23310000' },
  ]);
  // A fresh database: slow on a busy machine.
}, 600_000);

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** A compound in the test community with a register (owners with phones), a project with items and a consultation. */
async function renovatedCompound(name = '测试·幸福小区', { disclosed = true } = {}) {
  const compound = await buildRegisteredCompound(t.database, { name, regionCode: community });
  const project = await buildProject(t.database, {
    compoundId: compound.id,
    regionCode: community,
    year: 2023,
    status: 'under_construction',
    items: ['sewer', 'road', 'facade', 'lighting'],
  });
  await t.database.db
    .update(projectItems)
    .set({ status: 'done', progress: 100 })
    .where(eq(projectItems.projectId, project.id));
  const consultation = await buildConsultation(t.database, compound, {
    projectId: project.id,
    completed: disclosed ? 5 : 4,
  });
  return { compound, project, consultation };
}

describe('the public API', () => {
  it('answers without a session: the list and a compound', async () => {
    const { compound } = await renovatedCompound();
    const list = await get('/api/public/compounds?region=410203002');
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((r: { id: string }) => r.id === compound.id);
    expect(row).toMatchObject({
      name: compound.name,
      subdistrictName: '铁塔街道',
      communityName: '测试社区',
      status: 'in_progress',
    });

    const res = await get(`/api/public/compounds/${compound.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.projects[0]).toMatchObject({ year: 2023, status: 'under_construction', percentDone: 100 });
    expect(body.projects[0].items.map((i: { name: string }) => i.name)).toHaveLength(4);
    expect(body.resolutions).toHaveLength(1);
    expect(body.resolutions[0]).toMatchObject({ outcome: 'passed', attendance: 15 });
    expect(body.resolutions[0].disclosures[0]).toMatchObject({ kind: 'resolution', published: '决议全文' });
    // The community's committee has only a mobile: its subdistrict's office is named, with its landline.
    expect(body.contact).toEqual({ name: '铁塔街道办事处老旧小区改造办公室', phone: '0371-23310000' });
  });

  it('never carries owners, their phones, minutes or an undisclosed resolution', async () => {
    const { compound } = await renovatedCompound('测试·未公开小区', { disclosed: false });
    const res = await get(`/api/public/compounds/${compound.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().resolutions).toEqual([]);
    expect(holdsMobile(withoutIds(res.body))).toBe(false);
    for (const owner of compound.owners) expect(res.body).not.toContain(owner.name);
    expect(res.body).not.toContain('会议纪要');
  });

  it('blots out a mobile number staff wrote into a disclosure', async () => {
    const { compound, consultation } = await renovatedCompound('测试·电话小区');
    await t.database.db
      .update(consultationStages)
      .set({ published: '决议全文，咨询王师傅 13912345678' })
      .where(eq(consultationStages.consultationId, consultation.id));
    for (const url of [`/api/public/compounds/${compound.id}`, `/p/c/${compound.id}`]) {
      const res = await get(url);
      expect(res.body).toContain('咨询王师傅');
      expect(holdsMobile(withoutIds(res.body))).toBe(false);
    }
  });

  it('names an office without a phone when its only number is a mobile', async () => {
    await t.database.db
      .update(regionOffices)
      .set({ phone: '139 0378 5678' })
      .where(eq(regionOffices.regionCode, tieta));
    try {
      const { compound } = await renovatedCompound('测试·无电话小区');
      const body = (await get(`/api/public/compounds/${compound.id}`)).json();
      expect(body.contact).toEqual({ name: '测试社区居民委员会', phone: null });
    } finally {
      await t.database.db
        .update(regionOffices)
        .set({ phone: '0371-23310000' })
        .where(eq(regionOffices.regionCode, tieta));
    }
  });

  it('answers 404 for an unknown compound or one with no project, 400 for a bad id', async () => {
    expect((await get('/api/public/compounds/019c2a6b-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const bare = await buildRegisteredCompound(t.database, { regionCode: community });
    expect((await get(`/api/public/compounds/${bare.id}`)).statusCode).toBe(404);
    expect((await get('/api/public/compounds/not-an-id')).statusCode).toBe(400);
    expect((await get('/api/public/compounds?region=abc')).statusCode).toBe(400);
  });

  it('lists completed compounds apart from those under way', async () => {
    const done = await buildProject(t.database, { regionCode: community, year: 2020, status: 'accepted' });
    const underWay = (await get('/api/public/compounds?region=410203002&pageSize=100')).json();
    expect(underWay.items.some((r: { id: string }) => r.id === done.compound.id)).toBe(false);
    const completed = (
      await get('/api/public/compounds?region=410203002&status=completed&pageSize=100')
    ).json();
    expect(completed.items.find((r: { id: string }) => r.id === done.compound.id)).toMatchObject({
      status: 'renovated',
    });
  });

  it('is in the OpenAPI document under /api/public', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.paths['/api/public/compounds']).toBeDefined();
    expect(doc.paths['/api/public/compounds/{id}']).toBeDefined();
  });
});

describe('the portal pages', () => {
  it('serve the district list and a compound page as small HTML, without a session', async () => {
    const { compound } = await renovatedCompound('测试·页面小区');
    const list = await get('/p?region=410203002');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain(compound.name);
    expect(list.body).not.toContain('<script');
    const page = await get(`/p/c/${compound.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('决议全文');
    expect(page.body).toContain(`href="/p/c/${compound.id}/opinion"`);
    expect(page.body).toContain('提意见');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30_000);
    const en = await get(`/p/c/${compound.id}?lang=en`);
    expect(en.body).toContain('Give an opinion');
    expect(en.body).toContain(`href="/p/c/${compound.id}/opinion?lang=en"`);
  });

  it('keep script in data as text', async () => {
    const { compound, consultation } = await renovatedCompound('<script>alert("x")</script>');
    await t.database.db
      .update(consultationStages)
      .set({ place: '<img src=x onerror=alert(1)>' })
      .where(eq(consultationStages.consultationId, consultation.id));
    for (const url of [`/p/c/${compound.id}`, '/p?region=410203002&pageSize=100']) {
      const page = await get(url);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
    }
    const page = await get(`/p/c/${compound.id}`);
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answer an unknown compound with a 404 page', async () => {
    for (const url of ['/p/c/019c2a6b-0000-7000-8000-000000000000', '/p/c/nothing', '/p/c/%3Cscript%3E']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('未找到');
    }
  });

  it('take a mangled query as the defaults', async () => {
    const res = await get('/p?region=%3Cb%3E&status=nope&page=-4');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<b>');
  });
});

describe('posters', () => {
  it('need a session and the compound in scope', async () => {
    const { compound } = await renovatedCompound('测试·海报范围小区');
    expect((await get(`/api/compounds/${compound.id}/poster.pdf`)).statusCode).toBe(401);
    const elsewhere = await sessionAs(t, 'community', ['410203001']);
    expect((await get(`/api/compounds/${compound.id}/poster.pdf`, elsewhere.headers)).statusCode).toBe(404);
    expect((await get('/api/regions/410203002/posters.pdf', elsewhere.headers)).statusCode).toBe(404);
  });

  it("print the compound's name, items, contact office and the portal address its QR code encodes", async () => {
    const { compound } = await renovatedCompound('测试·海报小区');
    const staff = await sessionAs(t, 'subdistrict', [tieta]);
    const res = await get(`/api/compounds/${compound.id}/poster.pdf`, staff.headers);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload).join('\n');
    expect(text).toContain(compound.name);
    expect(text).toContain('老旧小区改造');
    // The office's line (its name is checked through the API: the test's PDF reader is approximate).
    expect(text).toContain('联系单位');
    expect(text).toContain(`https://jiugai.example.gov.cn/p/c/${compound.id}`);
    expect(holdsMobile(withoutIds(text))).toBe(false);
  }, 60_000);

  it('print one page per compound under way in a subdistrict', async () => {
    const staff = await sessionAs(t, 'subdistrict', [tieta]);
    const res = await get('/api/regions/410203002/posters.pdf', staff.headers);
    expect(res.statusCode).toBe(200);
    const pages = pdfText(res.rawPayload);
    const under = (await get('/api/public/compounds?region=410203002&pageSize=100')).json();
    expect(pages).toHaveLength(under.total);
  }, 60_000);
});

describe('the public rate limit', () => {
  it('answers 429 past the limit, and the server stays up', async () => {
    const limited = await testApp({ publicRatePerMinute: 3 }, { seeded: false });
    const hit = (url: string) => limited.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 3; i++) expect((await hit('/api/public/compounds')).statusCode).toBe(200);
    const refused = await hit('/api/public/compounds');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(
      (await limited.app.inject({ method: 'GET', url: '/p', remoteAddress: '203.0.113.10' })).statusCode,
    ).toBe(200);
  });
});
