/**
 * The quality board: per project and per subdistrict, the five gates' status, checks done against
 * required, open and overdue tickets, the material pass rate and acceptances pending, over the
 * projects in the caller's reach (contractors and supervisors: those they are named on). The gates
 * are the domain's rules over every project's facts, read a table at a time (not a project at a time).
 */
import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { QualityBoard, QualityBoardQuery, QualityBoardRow } from '../../../contract/quality.js';
import type { ProjectStatus } from '../../../domain/inventory.js';
import { districtToday } from '../../../domain/ledger.js';
import {
  type AcceptanceParty,
  acceptanceProblems,
  checksAgainstRequired,
  type FirmKind,
  type Gate,
  type GateFacts,
  gateStatus,
  gates,
  openTicketStatuses,
  type Sample,
  type SignatureDecision,
} from '../../../domain/quality.js';
import type { Db } from '../../db/client.js';
import {
  acceptanceSignatures,
  acceptances,
  batchApprovals,
  compounds,
  concealedWorks,
  gateSignoffs,
  inspections,
  materialSamples,
  photos,
  projectFirms,
  projectQuality,
  projects,
  qualityZones,
  regions,
  tickets,
} from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { checkFrequency } from '../../platform/settings.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { projectRule } from '../projects/access.js';
import { calendarFrom } from './calendar.js';

/** The projects a board shows: tendered onwards, where quality is tracked. */
export const boardStatuses: readonly ProjectStatus[] = [
  'tendered',
  'under_construction',
  'accepted',
  'handed_over',
];

type Figures = QualityBoard['total'];
const zero = (): Figures => ({
  projects: 0,
  allGatesPassed: 0,
  gatesPassed: 0,
  checksDone: 0,
  checksRequired: 0,
  openTickets: 0,
  overdueTickets: 0,
  samplesTested: 0,
  samplesPassed: 0,
  passRate: null,
  acceptancesPending: 0,
});
const rate = (f: Figures): Figures => ({
  ...f,
  passRate: f.samplesTested ? Math.round((f.samplesPassed * 1000) / f.samplesTested) / 10 : null,
});
function add(into: Figures, f: Figures) {
  for (const k of Object.keys(zero()) as (keyof Figures)[])
    if (k !== 'passRate') into[k] = (into[k] as number) + (f[k] as number);
}

/** Group rows of `rows` by their project id. */
function byProject<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.projectId);
    if (list) list.push(r);
    else m.set(r.projectId, [r]);
  }
  return m;
}

export async function qualityBoard(
  db: Db,
  principal: Principal,
  q: QualityBoardQuery,
  today = districtToday(),
): Promise<QualityBoard> {
  const where = and(
    projectRule(principal, 'read'),
    inArray(projects.status, [...boardStatuses]),
    q.region ? sql`${projects.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.year ? eq(projects.year, q.year) : undefined,
  ) as SQL;
  const street = sql<string>`left(${projects.regionCode}, 9)`;
  const list = await db
    .select({
      id: projects.id,
      year: projects.year,
      status: projects.status,
      name: compounds.name,
      street,
      streetName: sql<string>`coalesce(${regions.name}, left(${projects.regionCode}, 9))`,
    })
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(regions, eq(regions.code, street))
    .where(where)
    .orderBy(asc(street), asc(projects.year), asc(compounds.name), asc(projects.id));
  const ids = db.select({ id: projects.id }).from(projects).where(where);
  const of = <T extends { projectId: string }>(rows: Promise<T[]>) => rows.then(byProject);

  const [plans, zones, firms, samples, checks, pending, signed, ticketRows, accepted, signatures] =
    await Promise.all([
      of(db.select().from(projectQuality).where(inArray(projectQuality.projectId, ids))),
      of(
        db
          .select({ projectId: qualityZones.projectId, n: count() })
          .from(qualityZones)
          .where(inArray(qualityZones.projectId, ids))
          .groupBy(qualityZones.projectId),
      ),
      of(
        db
          .select({ projectId: projectFirms.projectId, kind: projectFirms.kind })
          .from(projectFirms)
          .where(inArray(projectFirms.projectId, ids)),
      ),
      of(
        db
          .select()
          .from(materialSamples)
          .where(inArray(materialSamples.projectId, ids))
          .orderBy(asc(materialSamples.createdAt)),
      ),
      of(
        db
          .select({ projectId: inspections.projectId, keyPart: inspections.keyPart })
          .from(inspections)
          .where(inArray(inspections.projectId, ids)),
      ),
      of(
        db
          .select({ projectId: concealedWorks.projectId, n: count() })
          .from(concealedWorks)
          .where(and(inArray(concealedWorks.projectId, ids), eq(concealedWorks.status, 'requested')))
          .groupBy(concealedWorks.projectId),
      ),
      of(
        db
          .select({ projectId: gateSignoffs.projectId, gate: gateSignoffs.gate })
          .from(gateSignoffs)
          .where(inArray(gateSignoffs.projectId, ids)),
      ),
      of(
        db
          .select({
            projectId: tickets.projectId,
            open: count(),
            overdue: sql<number>`count(*) FILTER (WHERE ${inArray(tickets.status, ['open', 'reopened'])} AND ${tickets.deadline} < ${today})::int`,
          })
          .from(tickets)
          .where(and(inArray(tickets.projectId, ids), inArray(tickets.status, [...openTicketStatuses])))
          .groupBy(tickets.projectId),
      ),
      of(db.select().from(acceptances).where(inArray(acceptances.projectId, ids))),
      db
        .select({
          acceptanceId: acceptanceSignatures.acceptanceId,
          party: acceptanceSignatures.party,
          decision: acceptanceSignatures.decision,
        })
        .from(acceptanceSignatures)
        .innerJoin(acceptances, eq(acceptances.id, acceptanceSignatures.acceptanceId))
        .where(inArray(acceptances.projectId, ids)),
    ]);
  // The documents attached (a sample's report, the tender's documents) and the batches approved for use.
  const [reports, bidDocuments, approvals] = await Promise.all([
    db
      .select({ sampleId: photos.sampleId, n: count() })
      .from(photos)
      .where(and(isNotNull(photos.sampleId), inArray(photos.projectId, ids)))
      .groupBy(photos.sampleId)
      .then((rows) => new Map(rows.map((r) => [r.sampleId, r.n]))),
    db
      .select({ projectId: photos.tenderId, n: count() })
      .from(photos)
      .where(inArray(photos.tenderId, ids))
      .groupBy(photos.tenderId)
      .then((rows) => new Map(rows.map((r) => [r.projectId, r.n]))),
    of(
      db
        .select({
          projectId: batchApprovals.projectId,
          material: batchApprovals.material,
          batch: batchApprovals.batch,
        })
        .from(batchApprovals)
        .where(inArray(batchApprovals.projectId, ids)),
    ),
  ]);
  const frequency = await checkFrequency(db);
  const calendar = await calendarFrom(db);

  const rows: QualityBoardRow[] = [];
  const streets = new Map<string, QualityBoardRow>();
  const total = zero();
  for (const p of list) {
    const plan = plans.get(p.id)?.[0];
    const t = ticketRows.get(p.id)?.[0];
    const openTickets = Number(t?.open ?? 0);
    const acceptance = accepted.get(p.id)?.[0];
    const projectSamples = samples.get(p.id) ?? [];
    const checked = checksAgainstRequired(frequency, checks.get(p.id) ?? []);
    const facts: GateFacts = {
      hasQualityPlan: (plan?.qualityPlan ?? '').trim() !== '',
      responsiblePeople: plan?.responsiblePeople.length ?? 0,
      zones: Number(zones.get(p.id)?.[0]?.n ?? 0),
      firmKinds: (firms.get(p.id) ?? []).map((f) => f.kind as FirmKind),
      bidDate: plan?.bidDate ?? null,
      bidAmount: plan?.bidAmount ?? null,
      bidDocuments: bidDocuments.get(p.id) ?? 0,
      samples: projectSamples.map(
        (s): Sample => ({ ...s, at: s.createdAt.toISOString(), reports: reports.get(s.id) ?? 0 }),
      ),
      approvedBatches: approvals.get(p.id) ?? [],
      checks: checked,
      concealedPending: Number(pending.get(p.id)?.[0]?.n ?? 0),
      acceptance: acceptance
        ? acceptanceProblems(
            {
              noticeDate: acceptance.noticeDate,
              acceptanceDate: acceptance.acceptanceDate,
              signatures: signatures
                .filter((s) => s.acceptanceId === acceptance.id)
                .map((s) => ({
                  party: s.party as AcceptanceParty,
                  decision: s.decision as SignatureDecision,
                })),
              openTickets,
            },
            calendar,
          )
        : null,
      signed: (signed.get(p.id) ?? []).map((s) => s.gate as Gate),
    };
    const statuses = gates.map((gate) => ({ gate, status: gateStatus(gate, facts).status }));
    const passed = statuses.filter((s) => s.status === 'passed').length;
    const tested = projectSamples.filter((s) => s.result !== 'pending');
    const figures: Figures = {
      projects: 1,
      allGatesPassed: passed === gates.length ? 1 : 0,
      gatesPassed: passed,
      checksDone: checked.reduce((n, c) => n + c.done, 0),
      checksRequired: checked.reduce((n, c) => n + c.required, 0),
      openTickets,
      overdueTickets: Number(t?.overdue ?? 0),
      samplesTested: tested.length,
      samplesPassed: tested.filter((s) => s.result === 'pass').length,
      passRate: null,
      acceptancesPending: acceptance && !acceptance.passedAt ? 1 : 0,
    };
    add(total, figures);
    if (q.groupBy === 'project') {
      rows.push({
        key: p.id,
        name: p.name,
        subdistrict: p.streetName,
        year: p.year,
        status: p.status as ProjectStatus,
        gates: statuses,
        ...rate(figures),
      });
      continue;
    }
    let row = streets.get(p.street);
    if (!row) {
      row = {
        key: p.street,
        name: p.streetName,
        subdistrict: p.street,
        year: null,
        status: null,
        gates: [],
        ...zero(),
      };
      streets.set(p.street, row);
      rows.push(row);
    }
    add(row, figures);
  }
  return { rows: rows.map((r) => (q.groupBy === 'project' ? r : { ...r, ...rate(r) })), total: rate(total) };
}

/** The board as offices report it: a title row, the units in the headers. */
export const qualityBoardSheet = (groupBy: QualityBoardQuery['groupBy']): SheetSpec => ({
  kind: 'quality_board',
  sheetName: '工程质量看板',
  title:
    groupBy === 'project' ? '老旧小区改造工程质量情况表（按项目）' : '老旧小区改造工程质量情况表（按街道）',
  columns: [
    { key: 'name', header: groupBy === 'project' ? '项目（小区）' : '街道（乡镇）', type: 'text', width: 24 },
    ...(groupBy === 'project'
      ? ([
          { key: 'subdistrict', header: '街道（乡镇）', type: 'text', width: 14 },
          { key: 'year', header: '年度', type: 'integer', width: 8 },
        ] as const)
      : ([{ key: 'projects', header: '项目（个）', type: 'integer', width: 10 }] as const)),
    { key: 'gatesPassed', header: '已过关口（关）', type: 'integer', width: 12 },
    { key: 'allGatesPassed', header: '五关全过（个）', type: 'integer', width: 12 },
    { key: 'checksDone', header: '已检查（次）', type: 'integer', width: 12 },
    { key: 'checksRequired', header: '应检查（次）', type: 'integer', width: 12 },
    { key: 'openTickets', header: '未销号整改单（张）', type: 'integer', width: 16 },
    { key: 'overdueTickets', header: '其中逾期（张）', type: 'integer', width: 14 },
    { key: 'samplesTested', header: '已检测样品（组）', type: 'integer', width: 14 },
    { key: 'samplesPassed', header: '合格（组）', type: 'integer', width: 10 },
    { key: 'passRate', header: '材料合格率（%）', type: 'decimal', width: 14 },
    { key: 'acceptancesPending', header: '待完成验收（个）', type: 'integer', width: 14 },
  ],
});

export async function exportQualityBoard(
  db: Db,
  principal: Principal,
  q: QualityBoardQuery,
  target: NodeJS.WritableStream,
) {
  const board = await qualityBoard(db, principal, q);
  async function* rows() {
    for (const r of board.rows) yield r;
    yield { ...board.total, name: '合计', subdistrict: null, year: null };
  }
  return writeSheet(target, qualityBoardSheet(q.groupBy), rows());
}
