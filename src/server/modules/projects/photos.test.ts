import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, photos } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildCadre, buildProject, daysFromToday } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let tieta: Session;
let viewer: Session;
let qingping: Session;

/** A completed project in 铁塔街道 with two renovation items; the code of its first. */
async function completedProject() {
  const project = await buildProject(t.database, { status: 'handed_over', items: ['sewer', 'road'] });
  return { project, code: 'sewer' };
}

// Bigger than a JSON body may be: photos take the upload path.
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600 * 1024, 7)]);
const upload = (
  project: { id: string },
  code: string,
  bytes: Buffer,
  s?: Session,
  fileName = '雨污分流-施工中.jpg',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/projects/${project.id}/items/${code}/photos?fileName=${encodeURIComponent(fileName)}`,
    payload: bytes,
    headers: { ...s?.headers, 'content-type': 'image/jpeg' },
  });

beforeAll(async () => {
  // No demo district: each test builds the project (and cadre) it works on.
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  viewer = await sessionAs(t, 'viewer');
});

describe('site photos of renovation items', () => {
  it('401 without a session, 403 for a read-only role, 404 outside the scope', async () => {
    const { project, code } = await completedProject();
    expect((await upload(project, code, jpeg)).statusCode).toBe(401);
    expect((await upload(project, code, jpeg, viewer)).statusCode).toBe(403);
    expect((await upload(project, code, jpeg, qingping)).statusCode).toBe(404);
  });

  it('refuses what is not an image, an item the project does not have, and an empty body', async () => {
    const { project, code } = await completedProject();
    const before = (await t.database.db.select({ id: photos.id }).from(photos)).length;
    const xlsx = await upload(project, code, Buffer.from('PK\x03\x04 not a photo'), tieta, 'photo.jpg');
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().error.fields.file).toMatch(/图片/);
    expect((await upload(project, 'no_such_item', jpeg, tieta)).json().error.fields.code).toBeDefined();
    expect((await upload(project, code, Buffer.alloc(0), tieta)).statusCode).toBe(400);
    expect(await t.database.db.select({ id: photos.id }).from(photos)).toHaveLength(before);
  });

  it('keeps a photo with its item, serves it back to those in scope, and removes it on request', async () => {
    const { project, code } = await completedProject();
    const res = await upload(project, code, jpeg, tieta);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '雨污分流-施工中.jpg', size: jpeg.length });
    const detail = (await get(`/api/projects/${project.id}`, viewer)).json();
    const item = detail.items.find((i: { catalogueCode: string }) => i.catalogueCode === code);
    expect(item.photos.map((p: { id: string }) => p.id)).toEqual([res.json().id]);

    const image = await get(`/api/photos/${res.json().id}`, viewer);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(image.rawPayload, jpeg)).toBe(0);
    expect((await get(`/api/photos/${res.json().id}`, qingping)).statusCode).toBe(404);

    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'photo.add'));
    const event = events.find((e) => (e.after as { photo?: string } | null)?.photo === res.json().id);
    expect(event?.entityId).toBe(project.id);
    const removed = await send('DELETE', `/api/photos/${res.json().id}`, undefined, tieta);
    expect(removed.statusCode).toBe(200);
    expect((await get(`/api/photos/${res.json().id}`, viewer)).statusCode).toBe(404);
  });

  it('refuses a photo over the size limit', async () => {
    const { project, code } = await completedProject();
    const big = Buffer.concat([jpeg, Buffer.alloc(9 * 1024 * 1024)]);
    expect((await upload(project, code, big, tieta)).statusCode).toBe(413);
  });
});

describe('evidence on ledger progress reports', () => {
  it('shows an item with every report and its evidence; only those who may report add evidence', async () => {
    const cadre = await buildCadre(t.database);
    const deadline = daysFromToday(10);
    const open = (
      await send(
        'POST',
        '/api/ledger',
        { title: '东棚板雨污管网接驳', ownerCadreId: cadre.id, deadline },
        tieta,
      )
    ).json();
    const reported = await send(
      'POST',
      `/api/ledger/${open.id}/progress`,
      { version: open.version, note: '管网接驳完成，已拍照留存' },
      tieta,
    );
    expect(reported.statusCode).toBe(200);
    const report = reported.json().progress[0];
    expect(report).toMatchObject({ note: '管网接驳完成，已拍照留存', photos: [] });
    expect(reported.json().canReport).toBe(true);

    const url = `/api/ledger/${open.id}/progress/${report.id}/photos?fileName=${encodeURIComponent('接驳.jpg')}`;
    const attach = (s: Session) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: jpeg,
        headers: { ...s.headers, 'content-type': 'image/jpeg' },
      });
    expect((await attach(viewer)).statusCode).toBe(403);
    expect((await attach(qingping)).statusCode).toBe(404);
    const added = await attach(tieta);
    expect(added.statusCode).toBe(201);

    const detail = (await get(`/api/ledger/${open.id}`, viewer)).json();
    expect(detail.canReport).toBe(false);
    expect(detail.progress[0].photos.map((p: { id: string }) => p.id)).toEqual([added.json().id]);
    expect(detail.progress.length).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/photos/${added.json().id}`, viewer)).headers['content-type']).toBe('image/jpeg');
    // Evidence stays with its report: it is not removed like an item's site photo.
    expect((await send('DELETE', `/api/photos/${added.json().id}`, undefined, tieta)).statusCode).toBe(404);
    expect((await get(`/api/ledger/${open.id}`, qingping)).statusCode).toBe(404);
  });
});
