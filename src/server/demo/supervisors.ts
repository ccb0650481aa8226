/**
 * The letter's 354 resident supervisors (旧改监督员): residents of the renovated compounds appointed
 * to their compound's project, and a few more on the 2023 projects under construction, some of
 * them with a login. Their reports are rectification tickets in every state: open, fixed and
 * waiting, fixed and confirmed, verified and confirmed, and disputed and reopened. Generated
 * (seeded), the registry and appointments written in bulk.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { districtToday } from '../../domain/ledger.js';
import { maskName } from '../../domain/masking.js';
import { addDays, residentReportDays, type TicketStatus } from '../../domain/quality.js';
import type { Tx } from '../db/client.js';
import {
  projects,
  residentReports,
  residentSupervisors,
  supervisorAppointments,
  ticketEvents,
  tickets,
  users,
} from '../db/schema.js';
import { generatePassword, hashPassword } from '../platform/passwords.js';
import { insertRows, recordset } from '../platform/sheets/batches.js';
import { prng } from './district.js';
import { demoFigures } from './figures.js';
import type { DemoLoaded } from './load.js';

/** How many of them serve the 2023 projects under construction (the rest, the renovated compounds). */
const onActive = 24;
/** Logins, one for the first supervisor of each project under construction and a few more. */
const withLogin = 8;

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const given =
  '秀兰,建国,桂英,玉梅,志强,凤英,国华,淑珍,德明,爱民,红霞,振华,丽华,春生,学军,金凤,海燕,文斌,素芳,永强'.split(
    ',',
  );

const supervisorColumns = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  region_code: 'text',
  name: 'text',
  phone: 'text',
  user_id: 'uuid',
  is_demo: 'boolean',
});
const appointmentColumns = recordset({ supervisor_id: 'uuid', project_id: 'uuid', appointed_on: 'date' });

interface Place {
  place: string;
  description: string;
  fix: string;
}
const problems: Place[] = [
  { place: '北门车棚', description: '新建车棚顶棚接缝漏雨', fix: '接缝重新打胶并加装压条' },
  { place: '3号楼2单元楼道', description: '楼道声控灯不亮', fix: '更换声控灯具和线路' },
  { place: '中心广场', description: '新铺透水砖松动翘起', fix: '重新压实基层并铺装' },
  { place: '东侧雨水井', description: '雨水井盖与路面高差过大', fix: '调整井盖标高' },
  { place: '5号楼外墙', description: '外墙涂料起皮脱落', fix: '铲除起皮处并重新涂刷' },
  { place: '南侧绿地', description: '新栽树木枯死', fix: '补栽同规格苗木' },
];

/** The reports' states: one of each on the projects under way, and verified ones on completed projects. */
type Kind = 'open' | 'fixed' | 'fixed_confirmed' | 'verified_confirmed' | 'disputed';
const activeKinds: Kind[] = ['open', 'fixed', 'fixed_confirmed', 'verified_confirmed', 'disputed'];

export async function loadDemoSupervisors(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const r = prng(354);
  const today = districtToday();
  const completed = loaded.renovations.length
    ? await tx
        .select({
          id: projects.id,
          compoundId: projects.compoundId,
          regionCode: projects.regionCode,
          year: projects.year,
        })
        .from(projects)
        .where(
          inArray(
            projects.id,
            loaded.renovations.map((p) => p.id),
          ),
        )
        .orderBy(projects.regionCode, projects.id)
    : [];
  const active = await tx
    .select({
      id: projects.id,
      compoundId: projects.compoundId,
      regionCode: projects.regionCode,
      year: projects.year,
    })
    .from(projects)
    .where(eq(projects.status, 'under_construction'))
    .orderBy(projects.regionCode, projects.id);
  if (completed.length === 0 || active.length === 0) return;

  // Spread evenly: the projects under way first, then the renovated compounds', in a stable order.
  const served: { project: (typeof completed)[number]; appointedOn: string }[] = [];
  for (let i = 0; i < onActive; i++)
    served.push({
      project: active[i % active.length] as (typeof active)[number],
      appointedOn: addDays(today, -90),
    });
  for (let i = 0; i < demoFigures.residentSupervisors - onActive; i++) {
    const project = completed[i % completed.length] as (typeof completed)[number];
    served.push({ project, appointedOn: `${project.year}-03-01` });
  }

  // A few logins, sharing one password nobody knows: staff reset it to hand the login over.
  const passwordHash = await hashPassword(generatePassword());
  const logins = served.slice(0, withLogin).map((_, i) => ({
    id: randomUUID(),
    username: `jdy-demo-${String(i + 1).padStart(2, '0')}`,
  }));
  const rows = served.map(({ project }, i) => {
    const name = `${r.pick(surnames)}${r.pick(given)}`;
    return {
      id: randomUUID(),
      compound_id: project.compoundId,
      region_code: project.regionCode,
      name,
      phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      user_id: logins[i]?.id ?? null,
      is_demo: true,
    };
  });
  if (logins.length)
    await tx.insert(users).values(
      logins.map((l, i) => ({
        id: l.id,
        username: l.username,
        displayName: `监督员${maskName(rows[i]?.name ?? '')}`,
        role: 'resident_supervisor' as const,
        scopeRegions: [served[i]?.project.regionCode ?? ''],
        regionCode: served[i]?.project.regionCode ?? null,
        passwordHash,
        mustChangePassword: true,
      })),
    );
  await insertRows(tx, loaded.kind, residentSupervisors, supervisorColumns, rows);
  await insertRows(
    tx,
    loaded.kind,
    supervisorAppointments,
    appointmentColumns,
    served.map(({ project, appointedOn }, i) => ({
      supervisor_id: rows[i]?.id,
      project_id: project.id,
      appointed_on: appointedOn,
    })),
  );

  // Reports: one of each state on every project under way; verified and confirmed on some completed ones.
  const reports: { kind: Kind; supervisor: number; project: (typeof active)[number]; at: string }[] = [];
  activeKinds.forEach((kind, k) => {
    const project = active[k % active.length] as (typeof active)[number];
    const supervisor = served.findIndex((x) => x.project.id === project.id);
    reports.push({ kind, supervisor, project, at: addDays(today, -12 + k) });
  });
  for (let i = 0; i < 18; i++) {
    const at = onActive + i * 17;
    const s = served[at];
    if (s)
      reports.push({
        kind: 'verified_confirmed',
        supervisor: at,
        project: s.project,
        at: `${s.project.year}-07-${String(10 + (i % 18)).padStart(2, '0')}`,
      });
  }

  const status: Record<Kind, TicketStatus> = {
    open: 'open',
    fixed: 'evidence_uploaded',
    fixed_confirmed: 'evidence_uploaded',
    verified_confirmed: 'verified',
    disputed: 'reopened',
  };
  const ts = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
  const ticketRows: (typeof tickets.$inferInsert)[] = [];
  const reportRows: (typeof residentReports.$inferInsert)[] = [];
  const eventRows: (typeof ticketEvents.$inferInsert)[] = [];
  reports.forEach(({ kind, supervisor, project, at }, i) => {
    const problem = problems[i % problems.length] as Place;
    const reporter = rows[supervisor];
    const by = `监督员${maskName(reporter?.name ?? '')}`;
    const ticketId = randomUUID();
    const opened = ts(at, 9);
    const fixedOn = addDays(at, 3);
    const fixed = kind === 'open' ? null : ts(fixedOn, 16);
    const verdictAt =
      kind === 'fixed_confirmed' || kind === 'verified_confirmed' || kind === 'disputed'
        ? ts(addDays(fixedOn, 1), 10)
        : null;
    const verifiedAt = kind === 'verified_confirmed' ? ts(addDays(fixedOn, 2), 11) : null;
    ticketRows.push({
      id: ticketId,
      projectId: project.id,
      source: 'resident_report',
      title: `居民监督员反映：${problem.place}，${problem.description}`,
      // Work still owed is due ahead: the demo's open reports are not yet overdue.
      deadline:
        kind === 'open' || kind === 'disputed'
          ? addDays(today, 3 + (i % 4))
          : addDays(at, residentReportDays),
      status: status[kind],
      createdAt: opened,
      evidenceNote: fixed ? problem.fix : null,
      fixedAt: fixed,
      reopenedAt: kind === 'disputed' ? verdictAt : null,
      verifiedAt,
    });
    reportRows.push({
      ticketId,
      projectId: project.id,
      supervisorId: reporter?.id ?? '',
      place: problem.place,
      description: problem.description,
      verdict: verdictAt ? (kind === 'disputed' ? 'disputed' : 'confirmed') : null,
      verdictAt,
      verdictNote:
        kind === 'disputed' ? '雨后复查仍有问题' : kind.endsWith('confirmed') ? '已现场查看，整改到位' : '',
      createdAt: opened,
    });
    eventRows.push({ ticketId, action: 'open', note: problem.description, byName: by, at: opened });
    if (fixed)
      eventRows.push({
        ticketId,
        action: 'submit_evidence',
        note: problem.fix,
        byName: '施工单位',
        at: fixed,
      });
    if (verdictAt)
      eventRows.push({
        ticketId,
        action: kind === 'disputed' ? 'dispute' : 'confirm',
        note: kind === 'disputed' ? '雨后复查仍有问题' : '已现场查看，整改到位',
        byName: by,
        at: verdictAt,
      });
    if (verifiedAt)
      eventRows.push({ ticketId, action: 'verify', note: '', byName: '监理单位', at: verifiedAt });
  });
  if (ticketRows.length) {
    await tx.insert(tickets).values(ticketRows);
    await tx.insert(residentReports).values(reportRows);
    await tx.insert(ticketEvents).values(eventRows);
  }
  const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(residentSupervisors);
  Object.assign(loaded.counts, { residentSupervisors: n?.n ?? 0, residentReports: reportRows.length });
}
