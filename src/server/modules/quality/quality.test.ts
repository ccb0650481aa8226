/**
 * The quality records over HTTP: refusals first (401, 403, 404, 400 writing nothing), then one
 * project taken through its five gates: an inspection's finding becomes a ticket, the contractor
 * sends evidence, the inspector reopens it once and then verifies it; acceptance is held while a
 * ticket is open and the hard gate lists every reason; six signatures pass it.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtToday } from '../../../domain/ledger.js';
import { addDays } from '../../../domain/quality.js';
import {
  acceptanceSignatures,
  acceptances,
  auditEvents,
  batchApprovals,
  catalogueItems,
  concealedWorks,
  firstSecretaries,
  ledgerItems,
  notifications,
  photos,
  projectItems,
  projects,
  settings,
  ticketEvents,
  tickets,
} from '../../db/schema.js';
import { sweepOnce } from '../../sweeps.js';
import {
  buildUser,
  login,
  requests,
  type Session,
  sessionAs,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import { appointOnProject, buildCadre, buildProject, nameOnProject, tieta } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
const as: Record<string, Session> = {};
const s = (name: string) => as[name] as Session;
const users: Record<string, { id: string }> = {};
let project: Awaited<ReturnType<typeof buildProject>>;
let unnamed: Awaited<ReturnType<typeof buildProject>>;
/** A project of its own for the material records (its samples do not touch the journey's gates). */
let materials: Awaited<ReturnType<typeof buildProject>>;
const today = districtToday();

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 7)]);
const upload = (url: string, session: Session, bytes = jpeg, takenAt?: string) =>
  t.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent('现场.jpg')}${takenAt ? `&takenAt=${encodeURIComponent(takenAt)}` : ''}`,
    payload: bytes,
    headers: { ...session.headers, 'content-type': 'image/jpeg' },
  });
/** A PDF as far as its first bytes go (what the server judges a file by). */
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const attachFile = (url: string, session: Session, bytes: Buffer, fileName: string) =>
  t.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { ...session.headers, 'content-type': 'application/octet-stream' },
  });
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
const ticketRow = async (id: string) => {
  const [row] = await t.database.db.select().from(tickets).where(eq(tickets.id, id));
  const events = await t.database.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id));
  return { row, events: events.length };
};
const photoCount = async () => (await t.database.db.select({ n: count() }).from(photos))[0]?.n ?? 0;

async function user(name: string, role: Parameters<typeof buildUser>[1], scope?: string[]) {
  const u = await buildUser(t.database, role, scope);
  users[name] = u;
  as[name] = await login(t.app, u.username, u.password);
}

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  as.hq = await sessionAs(t, 'hq');
  as.viewer = await sessionAs(t, 'viewer');
  await user('street', 'subdistrict', [tieta]);
  await user('community', 'community', [tieta]);
  await user('owners', 'resident_supervisor', [tieta]);
  await user('contractor', 'contractor', [tieta]);
  await user('supervisor', 'supervisor', [tieta]);
  await user('designer', 'contractor', [tieta]);
  await user('stranger', 'contractor', [tieta]);
  // A supervisor named on the project, but for its design unit: not the supervising engineer.
  await user('otherEngineer', 'supervisor', [tieta]);
  project = await buildProject(t.database, { status: 'under_construction', accountable: true });
  unnamed = await buildProject(t.database, { status: 'under_construction' });
  materials = await buildProject(t.database, { status: 'under_construction' });
  await nameOnProject(t.database, materials.id, users.supervisor?.id ?? null, 'supervision');
  await nameOnProject(t.database, materials.id, users.otherEngineer?.id ?? null, 'design');
  await nameOnProject(t.database, project.id, users.contractor?.id ?? null, 'construction');
  await nameOnProject(t.database, project.id, users.supervisor?.id ?? null, 'supervision');
  await nameOnProject(t.database, project.id, users.designer?.id ?? null, 'design');
  await nameOnProject(t.database, unnamed.id, users.stranger?.id ?? null, 'construction');
  // The owners' representative is a resident supervisor appointed to the project.
  await appointOnProject(t.database, project, users.owners?.id ?? null);
  const mandatory = await t.database.db
    .select()
    .from(catalogueItems)
    .where(eq(catalogueItems.mandatory, true));
  await t.database.db.insert(projectItems).values(
    mandatory.map((c) => ({
      projectId: project.id,
      catalogueItemId: c.id,
      status: 'done' as const,
      progress: 100,
    })),
  );
  // One key part needing two checks, so the journey stays short.
  expect(
    (await send('PATCH', '/api/settings', { checkFrequency: { 屋面防水: 2 } }, s('hq'))).statusCode,
  ).toBe(200);
}, 180_000);

const q = (id = project.id) => `/api/projects/${id}/quality`;
const finding = {
  kind: 'spot_check',
  checkedOn: today,
  keyPart: '屋面防水',
  measurements: '卷材搭接 80mm',
  findings: '东侧女儿墙泛水高度不足',
  ticket: { title: '女儿墙泛水整改', deadline: addDays(today, 5) },
};

describe('refusals', () => {
  it('401 without a session; 403 for roles without the action; 404 outside reach', async () => {
    expect((await send('POST', `/api/projects/${project.id}/inspections`, finding)).statusCode).toBe(401);
    expect(
      (await send('POST', `/api/projects/${project.id}/inspections`, finding, s('viewer'))).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', `/api/projects/${project.id}/inspections`, finding, s('contractor'))).statusCode,
    ).toBe(403);
    expect(
      (
        await send(
          'POST',
          `/api/projects/${project.id}/concealed-works`,
          { part: '管道', location: '1号楼' },
          s('supervisor'),
        )
      ).statusCode,
    ).toBe(403);
    // A contractor opening a project it is not named on: 404, like any record out of reach.
    expect((await get(q(unnamed.id), s('contractor'))).statusCode).toBe(404);
    expect(
      (
        await send(
          'POST',
          `/api/projects/${unnamed.id}/concealed-works`,
          { part: '管道', location: '1号楼' },
          s('contractor'),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await send('POST', `/api/tickets/${crypto.randomUUID()}/verify`, { version: 1 }, s('supervisor')))
        .statusCode,
    ).toBe(404);
  });

  it.each([
    ['an inspection without a key part', `/inspections`, { ...finding, keyPart: '' }, 'keyPart'],
    [
      'a ticket due in the past',
      `/inspections`,
      { ...finding, ticket: { title: 'x', deadline: '2020-01-01' } },
      'ticket.deadline',
    ],
    [
      'a sample taking more than it may',
      `/samples`,
      {
        material: '水泥',
        batch: 'B1',
        required: 2,
        taken: -1,
        witness: null,
        lab: '开封市建设工程质量检测中心',
        result: 'pass',
      },
      'taken',
    ],
  ])('400 for %s, naming the field, writing nothing', async (_name, path, body, field) => {
    const before = (await t.database.db.select().from(auditEvents)).length;
    const res = await send('POST', `/api/projects/${project.id}${path}`, body, s('supervisor'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty([field]);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(before);
  });
});

describe('concealed works', () => {
  it('may be covered only once accepted; a rejection opens a ticket', async () => {
    let res = await send(
      'POST',
      `/api/projects/${project.id}/concealed-works`,
      { part: '雨污管道', location: '2号楼北侧' },
      s('contractor'),
    );
    expect(res.statusCode).toBe(200);
    const request = res.json().concealedWorks[0];
    const [unchanged] = await t.database.db
      .select()
      .from(concealedWorks)
      .where(eq(concealedWorks.id, request.id));
    let events = await auditCount();
    const cover = await send(
      'POST',
      `/api/concealed-works/${request.id}/cover`,
      { version: request.version },
      s('contractor'),
    );
    expect(cover.statusCode).toBe(400);
    expect(cover.json().error.fields).toHaveProperty('status');
    expect(
      (await t.database.db.select().from(concealedWorks).where(eq(concealedWorks.id, request.id)))[0],
    ).toEqual(unchanged);
    expect(await auditCount()).toBe(events);
    const pictures = await photoCount();
    const notImage = await upload(
      `/api/concealed-works/${request.id}/photos`,
      s('supervisor'),
      Buffer.from('not an image'),
    );
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.fields).toHaveProperty('file');
    expect(await photoCount()).toBe(pictures);
    expect(await auditCount()).toBe(events);
    expect((await upload(`/api/concealed-works/${request.id}/photos`, s('supervisor'))).statusCode).toBe(201);
    res = await send(
      'POST',
      `/api/concealed-works/${request.id}/decision`,
      { version: request.version, decision: 'accepted' },
      s('supervisor'),
    );
    expect(res.statusCode).toBe(200);
    res = await send(
      'POST',
      `/api/concealed-works/${request.id}/cover`,
      { version: request.version + 1 },
      s('contractor'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().concealedWorks[0]).toMatchObject({ status: 'accepted', coveredAt: expect.any(String) });

    res = await send(
      'POST',
      `/api/projects/${project.id}/concealed-works`,
      { part: '屋面防水', location: '3号楼' },
      s('contractor'),
    );
    const second = res.json().concealedWorks[0];
    expect((await upload(`/api/concealed-works/${second.id}/photos`, s('supervisor'))).statusCode).toBe(201);
    res = await send(
      'POST',
      `/api/concealed-works/${second.id}/decision`,
      { version: second.version, decision: 'rejected', note: '附加层缺失', deadline: addDays(today, 3) },
      s('supervisor'),
    );
    expect(res.statusCode).toBe(200);
    const ticket = res.json().tickets.find((x: { source: string }) => x.source === 'concealed_works');
    expect(ticket).toMatchObject({ status: 'open' });
    const [rejected] = await t.database.db
      .select()
      .from(concealedWorks)
      .where(eq(concealedWorks.id, second.id));
    events = await auditCount();
    const again = await send(
      'POST',
      `/api/concealed-works/${second.id}/cover`,
      { version: second.version + 1 },
      s('contractor'),
    );
    expect(again.statusCode).toBe(400);
    expect(
      (await t.database.db.select().from(concealedWorks).where(eq(concealedWorks.id, second.id)))[0],
    ).toEqual(rejected);
    expect(await auditCount()).toBe(events);
    // Settle it so it does not hold the journey below: evidence, then verified.
    expect((await upload(`/api/tickets/${ticket.id}/photos`, s('contractor'))).statusCode).toBe(201);
    res = await send(
      'POST',
      `/api/tickets/${ticket.id}/evidence`,
      { version: ticket.version, note: '已补做附加层' },
      s('contractor'),
    );
    res = await send(
      'POST',
      `/api/tickets/${ticket.id}/verify`,
      { version: ticket.version + 1 },
      s('supervisor'),
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('concealed works are decided by the supervising engineer, with a photo', () => {
  it('refuses anyone else (403) and a decision without a photo (400), writing nothing', async () => {
    const [request] = await t.database.db
      .insert(concealedWorks)
      .values({ projectId: materials.id, part: '给水管道', location: '1号楼北侧' })
      .returning();
    const id = request?.id ?? '';
    const decide = (who: string) =>
      send('POST', `/api/concealed-works/${id}/decision`, { version: 1, decision: 'accepted' }, s(who));
    const unchanged = async () => {
      const [row] = await t.database.db.select().from(concealedWorks).where(eq(concealedWorks.id, id));
      expect(row).toMatchObject({ status: 'requested', version: 1, decidedBy: null });
    };
    // Headquarters and the street may inspect, a supervisor named for the design unit is on the
    // project, a contractor may not inspect at all: none of them is its supervising engineer.
    for (const who of ['hq', 'street', 'otherEngineer', 'contractor']) {
      expect((await decide(who)).statusCode, who).toBe(403);
      await unchanged();
    }
    const before = await auditCount();
    const bare = await decide('supervisor');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toHaveProperty('photos');
    await unchanged();
    expect(await auditCount()).toBe(before);
    // A PDF is not a photo.
    const notPhoto = await attachFile(`/api/concealed-works/${id}/photos`, s('supervisor'), pdf, '管道.pdf');
    expect(notPhoto.statusCode).toBe(400);
    expect(notPhoto.json().error.fields).toHaveProperty('file');
    expect(await t.database.db.select().from(photos).where(eq(photos.concealedWorkId, id))).toHaveLength(0);
    expect((await upload(`/api/concealed-works/${id}/photos`, s('supervisor'))).statusCode).toBe(201);
    const done = await decide('supervisor');
    expect(done.statusCode).toBe(200);
    expect(done.json().concealedWorks[0]).toMatchObject({ id, status: 'accepted' });
  });
});

describe('material records: the lab report attached, the batch approved for use', () => {
  const url = `/api/projects/`;
  const sample = {
    material: '水泥',
    batch: 'C-01',
    required: 3,
    taken: 3,
    witness: '赵监理',
    lab: '开封市建设工程质量检测中心',
    result: 'pass',
    report: '报告编号 SN-2026-001',
  };
  const record = async (body: object) => {
    const res = await send('POST', `${url}${materials.id}/samples`, { ...sample, ...body }, s('supervisor'));
    expect(res.statusCode).toBe(200);
    return res.json().samples[0] as { id: string; batch: string; report: string };
  };
  const approve = (batch: string, who = 'supervisor', material = sample.material) =>
    send('POST', `${url}${materials.id}/batch-approvals`, { material, batch }, s(who));
  const materialsGate = async () =>
    (await get(q(materials.id), s('street')))
      .json()
      .gates.find((g: { gate: string }) => g.gate === 'materials')
      .problems.join('；') as string;
  let cement: { id: string; report: string };

  it('a tested sample owes its report; the batch may not be approved without it', async () => {
    cement = await record({});
    expect(cement.report).toBe('报告编号 SN-2026-001');
    const gate = await materialsGate();
    expect(gate).toContain('水泥（批次 C-01）未上传检测报告');
    expect(gate).toContain('水泥（批次 C-01）监理工程师未签认使用');
    const before = await auditCount();
    const early = await approve('C-01');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.batch).toContain('检测报告');
    expect(
      await t.database.db.select().from(batchApprovals).where(eq(batchApprovals.projectId, materials.id)),
    ).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('takes a PDF as the report (not a text file), and serves it back for download', async () => {
    const before = await auditCount();
    const text = await attachFile(
      `/api/samples/${cement.id}/reports`,
      s('supervisor'),
      Buffer.from('报告'),
      'a.txt',
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields).toHaveProperty('file');
    expect(await t.database.db.select().from(photos).where(eq(photos.sampleId, cement.id))).toHaveLength(0);
    expect(await auditCount()).toBe(before);
    expect(
      (await attachFile(`/api/samples/${cement.id}/reports`, s('contractor'), pdf, 'r.pdf')).statusCode,
    ).toBe(403);
    const res = await attachFile(
      `/api/samples/${cement.id}/reports`,
      s('supervisor'),
      pdf,
      '检测报告 C-01.pdf',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '检测报告 C-01.pdf', contentType: 'application/pdf' });
    const served = await get(`/api/photos/${res.json().id}`, s('street'));
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('检测报告 C-01.pdf')}`,
    );
    expect(served.rawPayload.equals(pdf)).toBe(true);
    const files = (await get(q(materials.id), s('street'))).json().samples[0].files;
    expect(files).toMatchObject([{ fileName: '检测报告 C-01.pdf', contentType: 'application/pdf' }]);
    expect(await materialsGate()).not.toContain('未上传检测报告');
  });

  it('only the supervising engineer signs a use approval, and not for a failed or unwitnessed batch', async () => {
    for (const who of ['hq', 'street', 'otherEngineer', 'viewer', 'contractor'])
      expect((await approve('C-01', who)).statusCode, who).toBe(403);
    const failed = await record({ material: '钢筋', batch: 'R-01', result: 'fail' });
    await attachFile(`/api/samples/${failed.id}/reports`, s('supervisor'), pdf, 'R-01.pdf');
    const unwitnessed = await record({ material: '防水卷材', batch: 'W-01', witness: null });
    await attachFile(`/api/samples/${unwitnessed.id}/reports`, s('supervisor'), pdf, 'W-01.pdf');
    const before = await auditCount();
    const refused = await approve('R-01', 'supervisor', '钢筋');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.batch).toContain('不合格');
    const thin = await approve('W-01', 'supervisor', '防水卷材');
    expect(thin.statusCode).toBe(400);
    expect(thin.json().error.fields.batch).toContain('30%');
    const none = await approve('X-99');
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('batch');
    expect(
      await t.database.db.select().from(batchApprovals).where(eq(batchApprovals.projectId, materials.id)),
    ).toHaveLength(0);
    expect(await auditCount()).toBe(before);

    const res = await approve('C-01');
    expect(res.statusCode).toBe(200);
    const batches = res.json().batches as {
      batch: string;
      approval: { by: string } | null;
      problems: string[];
    }[];
    expect(batches.find((b) => b.batch === 'C-01')?.approval).toMatchObject({ by: expect.any(String) });
    expect(batches.find((b) => b.batch === 'R-01')).toMatchObject({ approval: null });
    expect(res.json().supervisingEngineer).toBe(true);
    expect((await get(q(materials.id), s('street'))).json().supervisingEngineer).toBe(false);
    const again = await approve('C-01');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toHaveProperty('batch');
    const gate = await materialsGate();
    expect(gate).not.toContain('水泥（批次 C-01）监理');
    expect(gate).toContain('钢筋（批次 R-01）检测不合格');
    expect(gate).toContain('防水卷材（批次 W-01）监理工程师未签认使用');
  });

  it('the tender’s documents are files: a PDF attached by the client, refused to others', async () => {
    const path = `/api/projects/${materials.id}/quality/bid-documents`;
    expect((await attachFile(path, s('supervisor'), pdf, '中标通知书.pdf')).statusCode).toBe(403);
    const before = await auditCount();
    const text = await attachFile(path, s('street'), Buffer.from('中标通知书'), '中标通知书.txt');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields).toHaveProperty('file');
    expect(await t.database.db.select().from(photos).where(eq(photos.tenderId, materials.id))).toHaveLength(
      0,
    );
    expect(await auditCount()).toBe(before);
    const tendering = async () =>
      (await get(q(materials.id), s('street')))
        .json()
        .gates.find((g: { gate: string }) => g.gate === 'tendering');
    expect((await tendering()).problems.join()).toContain('未上传招标文件');
    const res = await attachFile(path, s('street'), pdf, '中标通知书.pdf');
    expect(res.statusCode).toBe(201);
    expect((await tendering()).problems.join()).not.toContain('未上传招标文件');
    const plan = (await get(q(materials.id), s('street'))).json().plan;
    expect(plan.bidDocuments).toMatchObject([{ fileName: '中标通知书.pdf', contentType: 'application/pdf' }]);
  });
});

describe('the journey through a ticket and the acceptance', () => {
  let ticketId: string;
  let version: number;

  it('an inspector’s finding becomes a ticket that reaches the contractor', async () => {
    const res = await send('POST', `/api/projects/${project.id}/inspections`, finding, s('supervisor'));
    expect(res.statusCode).toBe(200);
    const inspection = res.json().inspections[0];
    const photo = await upload(
      `/api/inspections/${inspection.id}/photos`,
      s('supervisor'),
      jpeg,
      '2026-06-01T09:30:00+08:00',
    );
    expect(photo.statusCode).toBe(201);
    expect(photo.json().takenAt).toBe('2026-06-01T01:30:00.000Z');
    const ticket = res.json().tickets.find((x: { source: string }) => x.source === 'inspection');
    ticketId = ticket.id;
    version = ticket.version;
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, users.contractor?.id ?? ''));
    expect(told.map((n) => n.title)).toContain(
      `整改通知：女儿墙泛水整改（限 ${finding.ticket.deadline} 前）`,
    );
    expect(
      (await get(q(), s('contractor'))).json().tickets.find((x: { id: string }) => x.id === ticketId),
    ).toMatchObject({ status: 'open' });
  });

  it('refuses evidence without a photo (a note alone), closing without evidence, and verifying one’s own fix', async () => {
    const before = await ticketRow(ticketId);
    const events = await auditCount();
    for (const note of ['', '泛水已加高（只有文字）']) {
      const noPhoto = await send(
        'POST',
        `/api/tickets/${ticketId}/evidence`,
        { version, note },
        s('contractor'),
      );
      expect(noPhoto.statusCode).toBe(400);
      expect(noPhoto.json().error.fields).toHaveProperty('evidence');
    }
    const early = await send('POST', `/api/tickets/${ticketId}/verify`, { version }, s('supervisor'));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('status');
    expect(await ticketRow(ticketId)).toEqual(before);
    expect(await auditCount()).toBe(events);
    expect((await upload(`/api/tickets/${ticketId}/photos`, s('contractor'))).statusCode).toBe(201);
    const sent = await send(
      'POST',
      `/api/tickets/${ticketId}/evidence`,
      { version, note: '泛水已加高至 250mm' },
      s('contractor'),
    );
    expect(sent.statusCode).toBe(200);
    version++;
    // Were the inspector the one who sent the fix, they could not verify it.
    await t.database.db
      .update(tickets)
      .set({ fixedBy: users.supervisor?.id })
      .where(eq(tickets.id, ticketId));
    const fixed = await ticketRow(ticketId);
    const beforeOwn = await auditCount();
    const own = await send('POST', `/api/tickets/${ticketId}/verify`, { version }, s('supervisor'));
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields.status).toMatch(/自己|own/);
    expect(await ticketRow(ticketId)).toEqual(fixed);
    expect(await auditCount()).toBe(beforeOwn);
    await t.database.db
      .update(tickets)
      .set({ fixedBy: users.contractor?.id })
      .where(eq(tickets.id, ticketId));
  });

  it('the inspector reopens it once (with a reason), then verifies the second fix', async () => {
    const noReason = await send(
      'POST',
      `/api/tickets/${ticketId}/reopen`,
      { version, reason: ' ' },
      s('supervisor'),
    );
    expect(noReason.statusCode).toBe(400);
    let res = await send(
      'POST',
      `/api/tickets/${ticketId}/reopen`,
      { version, reason: '阴角处仍有空鼓' },
      s('supervisor'),
    );
    expect(res.statusCode).toBe(200);
    version++;
    // The earlier photo belongs to the round that was reopened: no evidence yet, whatever the note.
    const stale = await send(
      'POST',
      `/api/tickets/${ticketId}/evidence`,
      { version, note: '空鼓处已返工' },
      s('contractor'),
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.fields).toHaveProperty('evidence');
    expect((await upload(`/api/tickets/${ticketId}/photos`, s('contractor'))).statusCode).toBe(201);
    res = await send(
      'POST',
      `/api/tickets/${ticketId}/evidence`,
      { version, note: '空鼓处已返工' },
      s('contractor'),
    );
    expect(res.statusCode).toBe(200);
    version++;
    res = await send('POST', `/api/tickets/${ticketId}/verify`, { version }, s('supervisor'));
    expect(res.statusCode).toBe(200);
    const ticket = res.json().tickets.find((x: { id: string }) => x.id === ticketId);
    expect(ticket.status).toBe('verified');
    expect(ticket.events.map((e: { action: string }) => e.action)).toEqual([
      'open',
      'submit_evidence',
      'reopen',
      'submit_evidence',
      'verify',
    ]);
  });

  it('the hard gate names every reason; an open ticket holds the acceptance; six signatures pass it', async () => {
    const transition = (to: string, session: Session) =>
      get(`/api/projects/${project.id}`, session).then((r) =>
        send('POST', `/api/projects/${project.id}/transition`, { version: r.json().version, to }, session),
      );
    let refused = await transition('accepted', s('street'));
    expect(refused.statusCode).toBe(400);
    const reasons: string = refused.json().error.fields.to;
    for (const words of ['质量管理方案', '中标日期', '取样', '抽查', '竣工验收'])
      expect(reasons).toContain(words);

    const quality = (await get(q(), s('street'))).json();
    let res = await send(
      'PUT',
      `/api/projects/${project.id}/quality/plan`,
      {
        version: quality.plan.version,
        qualityPlan: '按五关要求全过程质量管理',
        responsiblePeople: ['张建国', '李卫东'],
        bidDate: '2026-03-01',
        bidAmount: 320.5,
      },
      s('street'),
    );
    expect(res.statusCode).toBe(200);
    expect(
      (
        await attachFile(
          `/api/projects/${project.id}/quality/bid-documents`,
          s('street'),
          pdf,
          '招标文件.pdf',
        )
      ).statusCode,
    ).toBe(201);
    res = await send(
      'PUT',
      `/api/projects/${project.id}/quality/zones`,
      { zones: [{ kind: 'building', name: '1号楼', assignee: '王工' }] },
      s('street'),
    );
    expect(res.json().zones).toHaveLength(1);
    const sample = {
      material: '防水卷材',
      batch: 'FS-01',
      required: 3,
      taken: 3,
      witness: '赵监理',
      lab: '开封市建设工程质量检测中心',
      result: 'pass',
    };
    expect(
      (await send('POST', `/api/projects/${project.id}/samples`, sample, s('supervisor'))).statusCode,
    ).toBe(200);
    res = await send(
      'POST',
      `/api/projects/${project.id}/samples`,
      { ...sample, batch: 'FS-02', result: 'fail' },
      s('supervisor'),
    );
    expect(
      res
        .json()
        .gates.find((g: { gate: string }) => g.gate === 'materials')
        .problems.join(),
    ).toContain('FS-02');
    res = await send(
      'POST',
      `/api/projects/${project.id}/samples`,
      { ...sample, batch: 'FS-02' },
      s('supervisor'),
    );
    // Each tested sample's report attached; both batches approved for use by the engineer.
    for (const { id } of res.json().samples as { id: string }[])
      expect(
        (await attachFile(`/api/samples/${id}/reports`, s('supervisor'), pdf, `${id}.pdf`)).statusCode,
      ).toBe(201);
    for (const batch of ['FS-01', 'FS-02'])
      expect(
        (
          await send(
            'POST',
            `/api/projects/${project.id}/batch-approvals`,
            { material: '防水卷材', batch },
            s('supervisor'),
          )
        ).statusCode,
      ).toBe(200);
    await send(
      'POST',
      `/api/projects/${project.id}/inspections`,
      { ...finding, ticket: null },
      s('supervisor'),
    );
    for (const gate of ['process', 'tendering', 'materials', 'supervision'])
      expect(
        (
          await send(
            'POST',
            `/api/projects/${project.id}/quality/gates/${gate}/signoff`,
            { evidence: '资料齐全' },
            s('street'),
          )
        ).statusCode,
      ).toBe(200);

    // A ticket still open when the acceptance is organised.
    res = await send(
      'POST',
      `/api/projects/${project.id}/tickets`,
      { title: '楼道扶手松动', deadline: addDays(today, 2) },
      s('supervisor'),
    );
    const open = res.json().tickets.find((x: { title: string }) => x.title === '楼道扶手松动');
    let events = await auditCount();
    const short = await send(
      'POST',
      `/api/projects/${project.id}/acceptance`,
      { noticeDate: '2026-12-07', acceptanceDate: '2026-12-15', agency: '顺河区建设工程质量监督站' },
      s('street'),
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('acceptanceDate');
    expect(
      await t.database.db.select().from(acceptances).where(eq(acceptances.projectId, project.id)),
    ).toEqual([]);
    expect(await auditCount()).toBe(events);
    res = await send(
      'POST',
      `/api/projects/${project.id}/acceptance`,
      { noticeDate: '2026-12-07', acceptanceDate: '2026-12-16', agency: '顺河区建设工程质量监督站' },
      s('street'),
    );
    expect(res.statusCode).toBe(200);

    const signers: [string, string][] = [
      ['street', 'subdistrict'],
      ['community', 'community'],
      ['owners', 'owners'],
      ['designer', 'design'],
      ['contractor', 'construction'],
      ['supervisor', 'supervision'],
    ];
    // The page offers each login the parties it may sign for, and none to those who do not sign.
    for (const [who, parties] of [
      ['street', ['subdistrict']],
      ['owners', ['owners']],
      ['designer', ['design']],
      ['contractor', ['construction']],
      ['hq', []],
    ] as const)
      expect((await get(q(), s(who))).json().yourParties).toEqual(parties);
    const signatureRows = () =>
      t.database.db
        .select()
        .from(acceptanceSignatures)
        .innerJoin(acceptances, eq(acceptances.id, acceptanceSignatures.acceptanceId))
        .where(eq(acceptances.projectId, project.id));
    events = await auditCount();
    const wrong = await send(
      'POST',
      `/api/projects/${project.id}/acceptance/signatures`,
      { party: 'design', decision: 'signed' },
      s('community'),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('party');
    expect(await signatureRows()).toEqual([]);
    expect(await auditCount()).toBe(events);
    const bare = await send(
      'POST',
      `/api/projects/${project.id}/acceptance/signatures`,
      { party: 'owners', decision: 'refused' },
      s('owners'),
    );
    expect(bare.statusCode).toBe(400);
    for (const [who, party] of signers)
      expect(
        (
          await send(
            'POST',
            `/api/projects/${project.id}/acceptance/signatures`,
            { party, decision: 'signed', remarks: '同意' },
            s(who),
          )
        ).statusCode,
      ).toBe(200);
    res = await get(q(), s('street'));
    expect(res.json().acceptance.passedAt).toBeNull();
    expect(res.json().acceptanceBlocks.join()).toContain('整改单未销号');
    refused = await transition('accepted', s('street'));
    expect(refused.statusCode).toBe(400);

    // The open ticket fixed and verified: the six signatures stand, and the acceptance passes
    // in the same write, with its own audit event — nobody signs again.
    await upload(`/api/tickets/${open.id}/photos`, s('contractor'));
    await send(
      'POST',
      `/api/tickets/${open.id}/evidence`,
      { version: open.version, note: '已紧固' },
      s('contractor'),
    );
    res = await send(
      'POST',
      `/api/tickets/${open.id}/verify`,
      { version: open.version + 1 },
      s('supervisor'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().acceptance.passedAt).toEqual(expect.any(String));
    const [acceptance] = await t.database.db
      .select()
      .from(acceptances)
      .where(eq(acceptances.projectId, project.id));
    const passed = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'acceptance.pass'), eq(auditEvents.entityId, acceptance?.id ?? '')));
    expect(passed).toHaveLength(1);
    expect((await signatureRows()).map((r) => r.acceptance_signatures.party).sort()).toEqual([
      'community',
      'construction',
      'design',
      'owners',
      'subdistrict',
      'supervision',
    ]);
    expect(res.json().acceptanceBlocks).toEqual([]);
    const filing = await t.database.db
      .select()
      .from(ledgerItems)
      .where(and(eq(ledgerItems.projectId, project.id), eq(ledgerItems.deadline, '2026-12-31')));
    expect(filing).toHaveLength(1);
    expect((await transition('accepted', s('street'))).statusCode).toBe(200);
  });
});

describe('an overdue ticket', () => {
  it('becomes a supervision-ledger item, once', async () => {
    const res = await send(
      'POST',
      `/api/projects/${project.id}/tickets`,
      { title: '单元门禁未恢复', deadline: today },
      s('supervisor'),
    );
    const ticket = res.json().tickets.find((x: { title: string }) => x.title === '单元门禁未恢复');
    await t.database.db
      .update(tickets)
      .set({ deadline: addDays(today, -3) })
      .where(eq(tickets.id, ticket.id));
    const seen = (await get(q(), s('street'))).json().tickets.find((x: { id: string }) => x.id === ticket.id);
    expect(seen).toMatchObject({ overdue: true, escalated: true });
    await get(q(), s('street'));
    const items = await t.database.db
      .select()
      .from(ledgerItems)
      .where(eq(ledgerItems.title, '整改逾期：单元门禁未恢复'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ ownerCadreId: project.cadreInChargeId, deadline: addDays(today, -3) });
  });

  it('is counted in the summary, which a contractor sees for its own projects only', async () => {
    // The stranger's project has a ticket of its own, open but not late.
    await nameOnProject(t.database, unnamed.id, users.supervisor?.id ?? null, 'supervision');
    await send(
      'POST',
      `/api/projects/${unnamed.id}/tickets`,
      { title: '他人项目整改', deadline: addDays(today, 9) },
      s('supervisor'),
    );
    const mine = (await get('/api/stats/summary', s('contractor'))).json();
    expect(mine).toMatchObject({ acceptedProjects: 1, openTickets: 1, overdueTickets: 1 });
    const theirs = (await get('/api/stats/summary', s('stranger'))).json();
    expect(theirs).toMatchObject({ acceptedProjects: 0, openTickets: 1, overdueTickets: 0 });
    const street = (await get('/api/stats/summary', s('street'))).json();
    expect(street.openTickets).toBeGreaterThanOrEqual(2);
  });
});

describe('overdue tickets and the ledger, whoever looks', () => {
  it('reaches the ledger without anyone opening the project: the sweep takes every overdue ticket, a batch at a time', async () => {
    // 101 overdue tickets: more than one batch of 100.
    const late = Array.from({ length: 101 }, (_, i) => ({
      projectId: project.id,
      source: 'other' as const,
      title: `批量逾期整改 ${i}`,
      deadline: addDays(today, -2),
      createdBy: users.supervisor?.id ?? null,
    }));
    const rows = await t.database.db.insert(tickets).values(late).returning({ id: tickets.id });
    const { escalatedTickets } = await sweepOnce(t.database);
    expect(escalatedTickets).toBeGreaterThanOrEqual(101);
    const raised = await t.database.db
      .select()
      .from(tickets)
      .where(
        inArray(
          tickets.id,
          rows.map((r) => r.id),
        ),
      );
    expect(raised.every((r) => r.ledgerItemId !== null)).toBe(true);
    expect((await sweepOnce(t.database)).escalatedTickets).toBe(0);
  });

  it('of a project without a named cadre is owned by its subdistrict’s first secretary', async () => {
    const [secretary] = await t.database.db
      .select()
      .from(firstSecretaries)
      .where(eq(firstSecretaries.regionCode, tieta));
    const firstSecretary =
      secretary?.cadreId ?? (await buildCadre(t.database, { level: 'county', regionCode: '410203' })).id;
    if (!secretary)
      await t.database.db.insert(firstSecretaries).values({ regionCode: tieta, cadreId: firstSecretary });
    const [bare] = await t.database.db.select().from(projects).where(eq(projects.id, unnamed.id));
    expect(bare).toMatchObject({ cadreInChargeId: null, liaisonCadreId: null });
    const [ticket] = await t.database.db
      .insert(tickets)
      .values({
        projectId: unnamed.id,
        source: 'other',
        title: '无责任干部项目的逾期整改',
        deadline: addDays(today, -1),
      })
      .returning();
    // The ledger's own list raises it (as the sweep would).
    expect((await get('/api/ledger', s('hq'))).statusCode).toBe(200);
    const [item] = await t.database.db
      .select()
      .from(ledgerItems)
      .innerJoin(tickets, eq(tickets.ledgerItemId, ledgerItems.id))
      .where(eq(tickets.id, ticket?.id ?? ''));
    expect(item?.ledger_items).toMatchObject({
      ownerCadreId: firstSecretary,
      projectId: unnamed.id,
      title: '整改逾期：无责任干部项目的逾期整改（项目未明确责任干部）',
    });
  });
});

describe('the check-frequency setting', () => {
  const frequencyRow = () => t.database.db.select().from(settings).where(eq(settings.key, 'checkFrequency'));

  it('401 without a session, 403 without settings.manage, writing nothing', async () => {
    const before = await frequencyRow();
    const events = await auditCount();
    expect((await send('PATCH', '/api/settings', { checkFrequency: { 屋面防水: 1 } })).statusCode).toBe(401);
    expect(
      (await send('PATCH', '/api/settings', { checkFrequency: { 屋面防水: 1 } }, s('street'))).statusCode,
    ).toBe(403);
    expect(await frequencyRow()).toEqual(before);
    expect(await auditCount()).toBe(events + 1); // the refused 403 is audited as denied
  });

  it('400 naming each bad entry, writing nothing', async () => {
    const before = await frequencyRow();
    const events = await auditCount();
    const res = await send(
      'PATCH',
      '/api/settings',
      { checkFrequency: { ' ': 2, 屋面防水: 2, ' 屋面防水': 1, 外墙保温: 1.5, 道路基层: 101, 电气线路: 2 } },
      s('hq'),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      [
        'checkFrequency. ',
        'checkFrequency. 屋面防水',
        'checkFrequency.外墙保温',
        'checkFrequency.道路基层',
      ].sort(),
    );
    expect(fields['checkFrequency. 屋面防水']).toContain('重复');
    const tooMany = await send(
      'PATCH',
      '/api/settings',
      { checkFrequency: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`部位${i}`, 1])) },
      s('hq'),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields).toHaveProperty('checkFrequency');
    expect(await frequencyRow()).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('keeps a good list with its names trimmed, and the overview counts against it', async () => {
    const res = await send(
      'PATCH',
      '/api/settings',
      { checkFrequency: { ' 屋面防水 ': 2, 外墙保温: 0 } },
      s('hq'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().checkFrequency).toEqual({ 屋面防水: 2, 外墙保温: 0 });
    expect((await get('/api/settings', s('hq'))).json().checkFrequency).toEqual({ 屋面防水: 2, 外墙保温: 0 });
  });
});
