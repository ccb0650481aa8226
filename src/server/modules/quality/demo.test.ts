/**
 * The demo's quality records (seeded): every completed renovation passes every gate with six
 * signatures; the API says why each project under way cannot be accepted; the summary's quality
 * figures are there and agree with the records.
 */
import { and, count, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtToday } from '../../../domain/ledger.js';
import { imageType } from '../../../domain/photos.js';
import { isCreditCode, openTicketStatuses } from '../../../domain/quality.js';
import { batchApprovals, firms, materialSamples, photos, projects, tickets } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { qualityBoard } from './board.js';
import { projectQualityBlocks } from './queries.js';

let t: TestApp;
let hq: Session;
let get: ReturnType<typeof requests>['get'];
/** Headquarters' reach: the whole district. */
const districtWide: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'hq',
  displayName: 'hq',
  role: 'hq',
  scopeRegions: [],
  prefixes: null,
  sessionId: '',
  csrfToken: '',
};

beforeAll(async () => {
  t = await testApp();
  ({ get } = requests(t));
  hq = await sessionAs(t, 'hq');
});

describe('demo quality records', () => {
  it('every ticket the construction unit answered carries a photo of the fix (a note is no evidence)', async () => {
    const answered = await t.database.db
      .select({ id: tickets.id, photos: count(photos.id) })
      .from(tickets)
      .leftJoin(photos, eq(photos.ticketId, tickets.id))
      .where(inArray(tickets.status, ['evidence_uploaded', 'verified', 'reopened']))
      .groupBy(tickets.id);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.filter((x) => x.photos === 0)).toEqual([]);
    const [one] = await t.database.db.select().from(photos).where(isNotNull(photos.ticketId)).limit(1);
    expect(imageType(one?.bytes ?? new Uint8Array())).toBe('image/png');
  });

  it('names firms with valid credit codes on the projects', async () => {
    const rows = await t.database.db.select().from(firms);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const f of rows) expect(isCreditCode(f.creditCode), f.creditCode).toBe(true);
  });

  it('every completed project passes every gate', async () => {
    const done = await t.database.db
      .select()
      .from(projects)
      .where(inArray(projects.status, ['accepted', 'handed_over']));
    expect(done.length).toBe(135);
    // All of them by the board's reading (the gates' rules over every project's facts at once) …
    const board = await qualityBoard(t.database.db, districtWide, { groupBy: 'project' });
    const passed = new Set(
      board.rows.filter((r) => r.gates.every((g) => g.status === 'passed')).map((r) => r.key),
    );
    for (const p of done) expect(passed.has(p.id), p.id).toBe(true);
    // … and a sample by the hard gate's own reading, project by project.
    for (const p of done.filter((_, i) => i % 27 === 0))
      expect(await projectQualityBlocks(t.database.db, p), p.id).toEqual([]);
    const first = done[0];
    const res = await get(`/api/projects/${first?.id}/quality`, hq);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.gates.map((g: { status: string }) => g.status)).toEqual(Array(5).fill('passed'));
    expect(body.acceptance.signatures).toHaveLength(6);
    expect(body.acceptance.passedAt).not.toBeNull();
    expect(body.acceptanceBlocks).toEqual([]);
  });

  it('says why each project under way cannot be accepted', async () => {
    const under = await t.database.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.status, 'under_construction'));
    expect(under.length).toBeGreaterThan(0);
    let failedSample = false;
    let rejected = false;
    let overdue = false;
    for (const p of under) {
      const res = await get(`/api/projects/${p.id}/quality`, hq);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.acceptanceBlocks.length).toBeGreaterThan(0);
      failedSample ||= body.samples.some((s: { result: string }) => s.result === 'fail');
      rejected ||= body.concealedWorks.some((c: { status: string }) => c.status === 'rejected');
      overdue ||= body.tickets.some((x: { overdue: boolean }) => x.overdue);
      expect(body.tickets.some((x: { status: string }) => x.status === 'open')).toBe(true);
    }
    expect({ failedSample, rejected, overdue }).toEqual({
      failedSample: true,
      rejected: true,
      overdue: true,
    });
    const [fail] = await t.database.db
      .select({ n: count() })
      .from(materialSamples)
      .where(eq(materialSamples.result, 'fail'));
    expect(fail?.n).toBeGreaterThan(0);
  });

  it('attaches every tested sample’s report as a PDF; the 2023 failed batch is not approved for use', async () => {
    const reports = await t.database.db
      .select({ contentType: photos.contentType, bytes: photos.bytes })
      .from(photos)
      .where(isNotNull(photos.sampleId))
      .limit(5);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.contentType).toBe('application/pdf');
      expect(Buffer.from(r.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const failed2023 = await t.database.db
      .select({ id: materialSamples.id, approved: batchApprovals.approvedAt })
      .from(materialSamples)
      .innerJoin(projects, eq(projects.id, materialSamples.projectId))
      .leftJoin(
        batchApprovals,
        and(
          eq(batchApprovals.projectId, materialSamples.projectId),
          eq(batchApprovals.material, materialSamples.material),
          eq(batchApprovals.batch, materialSamples.batch),
        ),
      )
      .where(and(eq(materialSamples.result, 'fail'), gte(projects.year, 2023)));
    expect(failed2023.length).toBeGreaterThan(0);
    for (const f of failed2023) expect(f.approved, f.id).toBeNull();
  });

  it('adds accepted projects, open and overdue tickets to the summary, as the records have them', async () => {
    const res = await get('/api/stats/summary', hq);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const [open] = await t.database.db
      .select({ n: count() })
      .from(tickets)
      .where(inArray(tickets.status, [...openTicketStatuses]));
    const [late] = await t.database.db
      .select({ n: count() })
      .from(tickets)
      .where(and(inArray(tickets.status, ['open', 'reopened']), lt(tickets.deadline, districtToday())));
    expect(s.acceptedProjects).toBe(135);
    expect(s.openTickets).toBe(open?.n);
    expect(s.overdueTickets).toBe(late?.n);
    expect(s.openTickets).toBeGreaterThan(s.overdueTickets);
    expect(s.overdueTickets).toBeGreaterThan(0);
  });
});
