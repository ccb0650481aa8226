/**
 * Resident supervisors over HTTP: refusals first (401, 403, 400, 404), then the registry (masking,
 * appointments to their own compound's projects, a login with a generated password), and a report
 * taken through the one ticket flow: the contractor fixes it, the reporter confirms, the inspector
 * verifies, the reporter disputes and the ticket reopens.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, photos, residentReports, residentSupervisors, tickets } from '../../db/schema.js';
import {
  buildUser,
  login,
  requests,
  type Session,
  sessionAs,
  strongPassword,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import {
  appointOnProject,
  buildBuilding,
  buildCompound,
  buildProject,
  nameOnProject,
  tieta,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
const as: Record<string, Session> = {};
const s = (name: string) => as[name] as Session;
const users: Record<string, { id: string }> = {};
let project: Awaited<ReturnType<typeof buildProject>>;
let other: Awaited<ReturnType<typeof buildProject>>;
let building: { id: string; number: string };

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 7)]);
const upload = (url: string, session: Session, bytes: Buffer = jpeg, type = 'image/jpeg') =>
  t.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent('问题.jpg')}`,
    payload: bytes,
    headers: { ...session.headers, 'content-type': type },
  });

async function user(name: string, role: Parameters<typeof buildUser>[1], scope?: string[]) {
  const u = await buildUser(t.database, role, scope);
  users[name] = u;
  as[name] = await login(t.app, u.username, u.password);
}

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  as.hq = await sessionAs(t, 'hq');
  as.viewer = await sessionAs(t, 'viewer');
  await user('street', 'subdistrict', [tieta]);
  await user('elsewhere', 'subdistrict', ['410203001']);
  await user('contractor', 'contractor', [tieta]);
  await user('inspector', 'supervisor', [tieta]);
  await user('resident', 'resident_supervisor', [tieta]);
  await user('neighbour', 'resident_supervisor', [tieta]);
  project = await buildProject(t.database, { status: 'under_construction', accountable: true });
  other = await buildProject(t.database, { status: 'under_construction' });
  await nameOnProject(t.database, project.id, users.contractor?.id ?? null, 'construction');
  await nameOnProject(t.database, project.id, users.inspector?.id ?? null, 'supervision');
  await nameOnProject(t.database, other.id, null, 'construction');
  await appointOnProject(t.database, project, users.resident?.id ?? null);
  await appointOnProject(t.database, project, users.neighbour?.id ?? null);
  const b = await buildBuilding(t.database, project.compound);
  building = { id: b.id, number: b.number };
}, 180_000);

const report = { place: '东侧车棚', buildingId: null, description: '车棚顶棚漏雨' };
const reportUrl = (id = project.id) => `/api/projects/${id}/resident-reports`;

describe('refusals', () => {
  it('401 without a session; 403 for roles without the action', async () => {
    expect((await send('POST', reportUrl(), report)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/resident-supervisors' })).statusCode).toBe(401);
    expect((await send('POST', reportUrl(), report, s('contractor'))).statusCode).toBe(403);
    expect((await send('POST', reportUrl(), report, s('street'))).statusCode).toBe(403);
    const body = { name: '张三', compoundId: project.compoundId };
    expect((await send('POST', '/api/resident-supervisors', body, s('viewer'))).statusCode).toBe(403);
    expect((await send('POST', '/api/resident-supervisors', body, s('resident'))).statusCode).toBe(403);
    expect((await send('POST', '/api/resident-supervisors', body, s('contractor'))).statusCode).toBe(403);
  });

  it.each([
    [
      'a supervisor without a name',
      '/api/resident-supervisors',
      { name: ' ', compoundId: crypto.randomUUID() },
      'name',
      'street',
    ],
    [
      'a supervisor with an unknown field',
      '/api/resident-supervisors',
      { name: '张三', compoundId: crypto.randomUUID(), idNumber: '1' },
      null,
      'street',
    ],
    ['a report without a place', null, { ...report, place: '' }, 'place', 'resident'],
    ['a report without a description', null, { ...report, description: '' }, 'description', 'resident'],
    [
      'a report with a building that is no id',
      null,
      { ...report, buildingId: '3号楼' },
      'buildingId',
      'resident',
    ],
  ])('400 for %s', async (_name, url, body, field, who) => {
    const res = await send('POST', url ?? reportUrl(), body, s(who));
    expect(res.statusCode).toBe(400);
    if (field) expect(res.json().error.fields).toHaveProperty(field);
  });

  it('a supervisor reporting on a project they are not appointed to: 404, nothing written', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(tickets);
    expect((await send('POST', reportUrl(other.id), report, s('resident'))).statusCode).toBe(404);
    expect((await get(`/api/projects/${other.id}`, s('resident'))).statusCode).toBe(404);
    const [after] = await t.database.db.select({ n: count() }).from(tickets);
    expect(after?.n).toBe(before?.n);
  });

  it('a building of another compound is refused', async () => {
    const elsewhere = await buildBuilding(t.database, other.compound);
    const res = await send('POST', reportUrl(), { ...report, buildingId: elsewhere.id }, s('resident'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('buildingId');
  });

  it('a staff member out of scope cannot register a supervisor in a compound there (404)', async () => {
    const res = await send(
      'POST',
      '/api/resident-supervisors',
      { name: '张三', compoundId: project.compoundId },
      s('elsewhere'),
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('the registry', () => {
  let id = '';
  let version = 0;
  it('registers a supervisor; names and phones masked for roles without owners’ personal data', async () => {
    const res = await send(
      'POST',
      '/api/resident-supervisors',
      { name: '王秀兰', compoundId: project.compoundId, phone: '13812345678' },
      s('street'),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: '王秀兰',
      phone: '13812345678',
      compoundName: project.compound.name,
    });
    ({ id, version } = created);
    const seen = (await get(`/api/resident-supervisors?compoundId=${project.compoundId}`, s('hq'))).json();
    const mine = seen.items.find((x: { id: string }) => x.id === id);
    expect(mine).toMatchObject({ name: '王**', phone: '138****5678' });
    // Searching by a name one may not see finds nothing by it.
    const search = (await get('/api/resident-supervisors?q=王秀兰', s('hq'))).json();
    expect(search.items.find((x: { id: string }) => x.id === id)).toBeUndefined();
    // The audit log masks it the same way.
    const audit = (await get('/api/audit?action=supervisor.create', await sessionAs(t, 'admin'))).json();
    expect(JSON.stringify(audit.items)).not.toContain('王秀兰');
  });

  it('appoints only to a project of their own compound', async () => {
    const refused = await send(
      'POST',
      `/api/resident-supervisors/${id}/appointments`,
      { projectId: other.id },
      s('street'),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('projectId');
    const res = await send(
      'POST',
      `/api/resident-supervisors/${id}/appointments`,
      { projectId: project.id },
      s('street'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
  });

  it('edits with a version', async () => {
    const stale = await send(
      'PATCH',
      `/api/resident-supervisors/${id}`,
      { version: version + 5, phone: null },
      s('street'),
    );
    expect(stale.statusCode).toBe(409);
    const res = await send(
      'PATCH',
      `/api/resident-supervisors/${id}`,
      { version, phone: '13800000001' },
      s('street'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13800000001');
  });

  it('gives a login with a generated password, changed at first login, reaching only the appointed project', async () => {
    const res = await send(
      'POST',
      `/api/resident-supervisors/${id}/login`,
      { username: 'jdy-wang' },
      s('street'),
    );
    expect(res.statusCode).toBe(201);
    const { password, supervisor } = res.json();
    expect(supervisor.username).toBe('jdy-wang');
    expect(password.length).toBeGreaterThanOrEqual(12);
    const again = await send(
      'POST',
      `/api/resident-supervisors/${id}/login`,
      { username: 'jdy-wang2' },
      s('street'),
    );
    expect(again.statusCode).toBe(400);
    const first = await login(t.app, 'jdy-wang', password);
    expect((await get('/api/my/supervision', first)).statusCode).toBe(403);
    const changed = await send(
      'POST',
      '/api/auth/password',
      { currentPassword: password, newPassword: strongPassword },
      first,
    );
    expect(changed.statusCode).toBe(200);
    const mine = (await get('/api/my/supervision', first)).json();
    expect(mine.projects.map((p: { id: string }) => p.id)).toEqual([project.id]);
    const list = (await get('/api/projects?pageSize=100', first)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([project.id]);
    // The login's display name carries no personal name.
    const me = (await get('/api/auth/me', first)).json();
    expect(JSON.stringify(me)).not.toContain('王秀兰');
  });
});

describe('a report through the one ticket flow', () => {
  let reportId = '';
  let ticketId = '';
  const script = '<script>alert("x")</script>楼道灯不亮';

  it('becomes a ticket to the construction unit, free text stored as text', async () => {
    const res = await send(
      'POST',
      reportUrl(),
      { place: '2单元楼道', buildingId: building.id, description: script },
      s('resident'),
    );
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      description: script,
      status: 'open',
      buildingNumber: building.number,
      verdict: null,
    });
    reportId = r.id;
    ticketId = r.ticketId;
    const [ticket] = await t.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(ticket?.source).toBe('resident_report');
    const quality = (await get(`/api/projects/${project.id}/quality`, s('contractor'))).json();
    const seen = quality.tickets.find((x: { id: string }) => x.id === ticketId);
    expect(seen).toMatchObject({ source: 'resident_report', status: 'open' });
  });

  it('takes photos of the problem from its reporter only; a non-image is refused, nothing written', async () => {
    const url = `/api/resident-reports/${reportId}/photos`;
    const text = await upload(url, s('resident'), Buffer.from('%PDF-1.4 not an image'), 'image/jpeg');
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields).toHaveProperty('file');
    expect((await upload(url, s('neighbour'))).statusCode).toBe(403);
    expect((await upload(url, s('contractor'))).statusCode).toBe(403);
    expect((await upload(url, s('resident'))).statusCode).toBe(201);
    const [n] = await t.database.db.select({ n: count() }).from(photos).where(eq(photos.reportId, reportId));
    expect(n?.n).toBe(1);
    const r = (await get(`/api/resident-reports/${reportId}`, s('contractor'))).json();
    expect(r.photos).toHaveLength(1);
    expect(r.evidence).toHaveLength(0);
  });

  it('cannot be judged before a fix', async () => {
    const res = await send(
      'POST',
      `/api/resident-reports/${reportId}/confirm`,
      { version: 1 },
      s('resident'),
    );
    expect(res.statusCode).toBe(400);
  });

  it('the contractor fixes it; the reporter confirms once (recorded, the ticket waits for the inspector)', async () => {
    expect((await upload(`/api/tickets/${ticketId}/photos`, s('contractor'))).statusCode).toBe(201);
    const fixed = await send(
      'POST',
      `/api/tickets/${ticketId}/evidence`,
      { version: 1, note: '已更换灯具' },
      s('contractor'),
    );
    expect(fixed.statusCode).toBe(200);
    const before = (await get(`/api/resident-reports/${reportId}`, s('resident'))).json();
    expect(before).toMatchObject({ status: 'evidence_uploaded', evidenceNote: '已更换灯具' });
    expect(before.evidence).toHaveLength(1);
    // Another supervisor of the project sees the report but may not judge it.
    expect(
      (
        await send(
          'POST',
          `/api/resident-reports/${reportId}/confirm`,
          { version: before.version },
          s('neighbour'),
        )
      ).statusCode,
    ).toBe(403);
    const res = await send(
      'POST',
      `/api/resident-reports/${reportId}/confirm`,
      { version: before.version },
      s('resident'),
    );
    expect(res.statusCode).toBe(200);
    const confirmed = res.json();
    expect(confirmed).toMatchObject({ status: 'evidence_uploaded', verdict: 'confirmed' });
    expect(confirmed.events.map((e: { action: string }) => e.action)).toContain('confirm');
    const twice = await send(
      'POST',
      `/api/resident-reports/${reportId}/confirm`,
      { version: confirmed.version },
      s('resident'),
    );
    expect(twice.statusCode).toBe(400);
    const stale = await send(
      'POST',
      `/api/resident-reports/${reportId}/dispute`,
      { version: 1, reason: '又坏了' },
      s('resident'),
    );
    expect(stale.statusCode).toBe(409);
  });

  it('the inspector verifies; a dispute after it needs a reason, reopens the ticket and is audited', async () => {
    const current = (await get(`/api/resident-reports/${reportId}`, s('inspector'))).json();
    expect(
      (await send('POST', `/api/tickets/${ticketId}/verify`, { version: current.version }, s('inspector')))
        .statusCode,
    ).toBe(200);
    const verified = (await get(`/api/resident-reports/${reportId}`, s('resident'))).json();
    expect(verified).toMatchObject({ status: 'verified', verdict: 'confirmed' });
    const bare = await send(
      'POST',
      `/api/resident-reports/${reportId}/dispute`,
      { version: verified.version, reason: ' ' },
      s('resident'),
    );
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toHaveProperty('reason');
    const res = await send(
      'POST',
      `/api/resident-reports/${reportId}/dispute`,
      { version: verified.version, reason: '雨后灯又不亮' },
      s('resident'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'reopened',
      verdict: 'disputed',
      verdictNote: '雨后灯又不亮',
    });
    expect(res.json().evidence).toHaveLength(0);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ticket.dispute'), eq(auditEvents.entityId, ticketId)));
    expect(event?.after).toMatchObject({ status: 'reopened', note: '雨后灯又不亮' });
    const [report] = await t.database.db
      .select()
      .from(residentReports)
      .where(eq(residentReports.id, reportId));
    expect(report?.verdict).toBe('disputed');
  });

  it('shows on the supervisor’s own page', async () => {
    const mine = (await get('/api/my/supervision', s('resident'))).json();
    expect(mine.reports.map((r: { id: string }) => r.id)).toContain(reportId);
    expect(mine.projects[0].buildings.map((b: { id: string }) => b.id)).toContain(building.id);
    // A login with no registry entry has no such page.
    expect((await get('/api/my/supervision', await sessionAs(t, 'resident_supervisor'))).statusCode).toBe(
      404,
    );
  });
});

describe('feedback at the completion acceptance', () => {
  it('is refused before an acceptance is organised, then shown with it', async () => {
    const url = `/api/projects/${project.id}/acceptance/feedback`;
    expect((await send('POST', url, { remark: '楼道灯已修好' }, s('resident'))).statusCode).toBe(400);
    expect((await send('POST', url, { remark: '楼道灯已修好' }, s('contractor'))).statusCode).toBe(403);
    expect(
      (await send('POST', `/api/projects/${other.id}/acceptance/feedback`, { remark: 'x' }, s('resident')))
        .statusCode,
    ).toBe(404);
    const organised = await send(
      'POST',
      `/api/projects/${project.id}/acceptance`,
      { noticeDate: '2026-06-01', acceptanceDate: '2026-06-15', agency: '区质监站' },
      s('street'),
    );
    expect(organised.statusCode).toBe(200);
    const res = await send('POST', url, { remark: '<b>楼道灯</b>已修好' }, s('resident'));
    expect(res.statusCode).toBe(200);
    expect(res.json().projects[0].acceptance.myRemark).toBe('<b>楼道灯</b>已修好');
    const quality = (await get(`/api/projects/${project.id}/quality`, s('hq'))).json();
    expect(quality.acceptance.residentRemarks).toEqual([
      expect.objectContaining({ remark: '<b>楼道灯</b>已修好', by: expect.stringMatching(/\*/) }),
    ]);
  });
});

describe('the summary', () => {
  it('counts the resident supervisors in reach', async () => {
    const compound = await buildCompound(t.database, { regionCode: '410203001' });
    await t.database.db
      .insert(residentSupervisors)
      .values({ compoundId: compound.id, regionCode: compound.regionCode, name: '外街道监督员' });
    const total = (await get('/api/stats/summary', s('hq'))).json().residentSupervisors;
    const street = (await get('/api/stats/summary', s('street'))).json().residentSupervisors;
    expect(total).toBe(street + 1);
    // A resident supervisor reaches those of their projects (and themselves).
    expect((await get('/api/stats/summary', s('resident'))).json().residentSupervisors).toBe(3);
  });
});

describe('ending an appointment', () => {
  it('is staff’s (audited); the login no longer reaches the project, the reports stay', async () => {
    await user('leaving', 'resident_supervisor', [tieta]);
    const supervisor = await appointOnProject(t.database, project, users.leaving?.id ?? null);
    const reported = await send('POST', reportUrl(), report, s('leaving'));
    expect(reported.statusCode).toBe(201);
    const reportId = reported.json().id;
    const url = `/api/resident-supervisors/${supervisor.id}/appointments/${project.id}`;
    expect((await send('DELETE', url, undefined)).statusCode).toBe(401);
    expect((await send('DELETE', url, undefined, s('viewer'))).statusCode).toBe(403);
    expect((await send('DELETE', url, undefined, s('elsewhere'))).statusCode).toBe(404);
    expect(
      (
        await send(
          'DELETE',
          `/api/resident-supervisors/${supervisor.id}/appointments/nonsense`,
          undefined,
          s('street'),
        )
      ).statusCode,
    ).toBe(400);
    const removed = await send('DELETE', url, undefined, s('street'));
    expect(removed.statusCode).toBe(200);
    expect(removed.json().projects).toEqual([]);
    expect(removed.json().reports).toBe(1);
    expect((await send('DELETE', url, undefined, s('street'))).statusCode).toBe(404);
    expect((await get('/api/projects?pageSize=100', s('leaving'))).json().items).toEqual([]);
    expect((await get(`/api/projects/${project.id}`, s('leaving'))).statusCode).toBe(404);
    expect((await send('POST', reportUrl(), report, s('leaving'))).statusCode).toBe(404);
    expect((await get(`/api/resident-reports/${reportId}`, s('street'))).statusCode).toBe(200);
    const [event] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'supervisor.unappoint'), eq(auditEvents.entityId, supervisor.id)));
    expect(event?.n).toBe(1);
  });
});
