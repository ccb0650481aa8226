import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  Answer,
  AnswerListQuery,
  Consultation,
  ConsultationDetail,
  ConsultationListQuery,
  Council,
  Questionnaire,
  ResolutionVote,
  Results,
  Stage,
} from '../../../contract/consultations.js';
import type { Tally } from '../../../contract/votes.js';
import { currentStage, responseRate, type StageRecord } from '../../../domain/consultations.js';
import { specialMatters } from '../../../domain/votes.js';
import type { Db, Tx } from '../../db/client.js';
import {
  buildings,
  catalogueItems,
  compounds,
  consultationAnswers,
  consultationStages,
  consultations,
  councilMeetings,
  councilMembers,
  councils,
  households,
  projects,
  votes,
} from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { anyRow, paged } from '../../platform/sql.js';
import { consultationRule, councilRule } from './access.js';

type ConsultationRow = typeof consultations.$inferSelect;

/** A compound's councils in scope, each with its members and meetings. */
export async function listCouncils(
  db: Db | Tx,
  principal: Principal,
  compoundId: string,
): Promise<Council[]> {
  const rows = await db
    .select({ council: councils, compoundName: compounds.name })
    .from(councils)
    .innerJoin(compounds, eq(compounds.id, councils.compoundId))
    .where(and(eq(councils.compoundId, compoundId), councilRule(principal, 'read')))
    .orderBy(desc(councils.termStart));
  return Promise.all(rows.map((r) => presentCouncil(db, r.council, r.compoundName)));
}

export async function councilDetail(db: Db | Tx, council: typeof councils.$inferSelect): Promise<Council> {
  const [c] = await db
    .select({ name: compounds.name })
    .from(compounds)
    .where(eq(compounds.id, council.compoundId));
  return presentCouncil(db, council, c?.name ?? '');
}

async function presentCouncil(
  db: Db | Tx,
  council: typeof councils.$inferSelect,
  compoundName: string,
): Promise<Council> {
  const members = await db
    .select()
    .from(councilMembers)
    .where(eq(councilMembers.councilId, council.id))
    .orderBy(asc(councilMembers.createdAt), asc(councilMembers.id));
  const meetings = await db
    .select()
    .from(councilMeetings)
    .where(eq(councilMeetings.councilId, council.id))
    .orderBy(desc(councilMeetings.heldOn), desc(councilMeetings.createdAt));
  return {
    id: council.id,
    compoundId: council.compoundId,
    compoundName,
    name: council.name,
    termStart: council.termStart,
    termEnd: council.termEnd,
    members: members.map((m) => ({ id: m.id, name: m.name, sector: m.sector, role: m.role, phone: m.phone })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      topic: m.topic,
      attendeeIds: m.attendeeIds,
      attendance: m.attendance,
      minutes: m.minutes,
    })),
  };
}

const answersOf = (id: SQL) =>
  sql<number>`(SELECT count(*)::int FROM ${consultationAnswers} WHERE ${consultationAnswers.consultationId} = ${id})`;
const householdsOf = (id: SQL) =>
  sql<number>`(SELECT count(*)::int FROM ${households} WHERE ${households.compoundId} = ${id})`;
const currentOf = (id: SQL) =>
  sql<string | null>`(SELECT ${consultationStages.key} FROM ${consultationStages}
    WHERE ${consultationStages.consultationId} = ${id} AND ${consultationStages.completedOn} IS NULL
    ORDER BY ${consultationStages.position} LIMIT 1)`;

function selectConsultations(db: Db | Tx) {
  return db
    .select({
      c: consultations,
      compoundName: compounds.name,
      projectYear: projects.year,
      answers: answersOf(sql`${consultations.id}`),
      households: householdsOf(sql`${consultations.compoundId}`),
      current: currentOf(sql`${consultations.id}`),
    })
    .from(consultations)
    .innerJoin(compounds, eq(compounds.id, consultations.compoundId))
    .leftJoin(projects, eq(projects.id, consultations.projectId));
}

type ListRow = Awaited<ReturnType<typeof selectConsultations>>[number];

function present(r: ListRow): Consultation {
  const c = r.c;
  return {
    id: c.id,
    compoundId: c.compoundId,
    compoundName: r.compoundName,
    projectId: c.projectId,
    projectYear: r.projectYear,
    regionCode: c.regionCode,
    title: c.title,
    stageListName: c.stageListName,
    status: c.status,
    currentStage: c.status === 'failed' ? null : r.current,
    answers: r.answers,
    households: r.households,
    openedOn: c.openedOn,
  };
}

export async function listConsultations(db: Db | Tx, principal: Principal, q: ConsultationListQuery) {
  const where = and(
    consultationRule(principal, 'read'),
    q.status ? eq(consultations.status, q.status) : undefined,
    q.compoundId ? eq(consultations.compoundId, q.compoundId) : undefined,
    q.region ? sql`${consultations.regionCode} LIKE ${`${q.region}%`}` : undefined,
  );
  return paged(
    db,
    db.select(anyRow).from(consultations).where(where),
    async (limit, offset) =>
      (
        await selectConsultations(db)
          .where(where)
          .orderBy(desc(consultations.openedOn), desc(consultations.createdAt))
          .limit(limit)
          .offset(offset)
      ).map(present),
    q,
  );
}

export async function stagesOf(db: Db | Tx, id: string) {
  return db
    .select()
    .from(consultationStages)
    .where(eq(consultationStages.consultationId, id))
    .orderBy(asc(consultationStages.position));
}

/** The stages as the domain rules see them (the questionnaire's answers on the solicit stage). */
export function stageRecords(stages: Awaited<ReturnType<typeof stagesOf>>, answers: number): StageRecord[] {
  return stages.map((s) => ({
    role: s.role,
    completedOn: s.completedOn,
    attendance: s.attendance,
    minutes: s.minutes,
    outcome: s.outcome,
    published: s.published,
    place: s.place,
    answers: s.role === 'solicit' ? answers : 0,
  }));
}

/** The questionnaire as residents see it: mandatory items first, then the optional ones offered. */
export async function questionnaireOf(
  db: Db | Tx,
  c: ConsultationRow,
  stages: Awaited<ReturnType<typeof stagesOf>>,
): Promise<Questionnaire | null> {
  if (c.questionnaireIntro === null || c.questionnaireItems === null) return null;
  const offered = c.questionnaireItems;
  const rows = await db
    .select({ code: catalogueItems.code, name: catalogueItems.name, mandatory: catalogueItems.mandatory })
    .from(catalogueItems)
    .where(
      sql`(${catalogueItems.mandatory} AND ${catalogueItems.active}) OR ${inArray(catalogueItems.code, offered.length > 0 ? offered : [''])}`,
    )
    .orderBy(desc(catalogueItems.mandatory), asc(catalogueItems.sort), asc(catalogueItems.code));
  const solicit = stages.find((s) => s.role === 'solicit');
  return {
    intro: c.questionnaireIntro,
    items: rows,
    open: c.status === 'in_progress' && solicit !== undefined && solicit.completedOn === null,
  };
}

/** Live results: answers against registered households, by building; items chosen; remarks. */
export async function resultsOf(db: Db | Tx, c: ConsultationRow): Promise<Results> {
  const rows = await db
    .select({
      buildingId: buildings.id,
      number: buildings.number,
      households: sql<number>`count(${households.id})::int`,
      answered: sql<number>`count(${consultationAnswers.id})::int`,
      assisted: sql<number>`count(${consultationAnswers.id}) FILTER (WHERE ${consultationAnswers.assisted})::int`,
      renovateYes: sql<number>`count(${consultationAnswers.id}) FILTER (WHERE ${consultationAnswers.renovate})::int`,
    })
    .from(buildings)
    .leftJoin(households, eq(households.buildingId, buildings.id))
    .leftJoin(
      consultationAnswers,
      and(eq(consultationAnswers.householdId, households.id), eq(consultationAnswers.consultationId, c.id)),
    )
    .where(eq(buildings.compoundId, c.compoundId))
    .groupBy(buildings.id, buildings.number)
    .orderBy(sql`length(${buildings.number})`, asc(buildings.number));
  const sum = (k: 'households' | 'answered' | 'assisted' | 'renovateYes') =>
    rows.reduce((n, r) => n + r[k], 0);
  const total = {
    households: sum('households'),
    answered: sum('answered'),
    assisted: sum('assisted'),
    renovateYes: sum('renovateYes'),
  };
  const items = await db
    .select({
      code: catalogueItems.code,
      name: catalogueItems.name,
      chosen: sql<number>`count(${consultationAnswers.id})::int`,
    })
    .from(consultationAnswers)
    .innerJoin(catalogueItems, sql`${catalogueItems.code} = ANY(${consultationAnswers.items})`)
    .where(eq(consultationAnswers.consultationId, c.id))
    .groupBy(catalogueItems.code, catalogueItems.name, catalogueItems.sort)
    .orderBy(desc(sql`count(${consultationAnswers.id})`), asc(catalogueItems.sort));
  const remarks = await db
    .select({
      building: buildings.number,
      unit: households.unit,
      room: households.room,
      text: consultationAnswers.remarks,
      assisted: consultationAnswers.assisted,
      corrected: sql<boolean>`${consultationAnswers.correctedAt} IS NOT NULL`,
    })
    .from(consultationAnswers)
    .innerJoin(households, eq(households.id, consultationAnswers.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId))
    .where(
      and(
        eq(consultationAnswers.consultationId, c.id),
        sql`coalesce(${consultationAnswers.remarks}, '') <> ''`,
      ),
    )
    .orderBy(desc(consultationAnswers.createdAt))
    .limit(100);
  return {
    buildings: rows.map((r) => ({ ...r, rate: responseRate(r.answered, r.households) })),
    total: { ...total, rate: responseRate(total.answered, total.households) },
    items,
    remarks: remarks.map((r) => ({ ...r, text: r.text ?? '' })),
  };
}

/** The votes resolutions rest on, with their results as they closed. */
async function resolutionVotes(db: Db | Tx, ids: string[]): Promise<Map<string, ResolutionVote>> {
  const out = new Map<string, ResolutionVote>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ vote: votes, buildingNumber: buildings.number })
    .from(votes)
    .leftJoin(buildings, eq(buildings.id, votes.buildingId))
    .where(inArray(votes.id, ids));
  for (const { vote: v, buildingNumber } of rows) {
    const result = v.result as Tally | null;
    const line = (m: Tally['quorumArea']) => ({ text: m.text, met: m.met });
    out.set(v.id, {
      id: v.id,
      title: v.title,
      scope: v.scope,
      buildingNumber,
      unit: v.unit,
      status: v.status,
      passed: v.passed,
      special: specialMatters.includes(v.matter),
      measures: result
        ? {
            quorumArea: line(result.quorumArea),
            quorumHeadcount: line(result.quorumHeadcount),
            approvalArea: line(result.approvalArea),
            approvalHeadcount: line(result.approvalHeadcount),
          }
        : null,
    });
  }
  return out;
}

function presentStage(
  s: Awaited<ReturnType<typeof stagesOf>>[number],
  voteOf: Map<string, ResolutionVote>,
): Stage {
  return {
    key: s.key,
    name: s.name,
    role: s.role,
    completedOn: s.completedOn,
    attendance: s.attendance,
    minutes: s.minutes,
    outcome: s.outcome,
    outcomeNote: s.outcomeNote,
    published: s.published,
    place: s.place,
    voteId: s.voteId,
    vote: s.voteId ? (voteOf.get(s.voteId) ?? null) : null,
    archivedAt: s.archivedAt?.toISOString() ?? null,
  };
}

export async function consultationDetail(
  db: Db | Tx,
  c: ConsultationRow,
  canWrite: boolean,
): Promise<ConsultationDetail> {
  const [head] = await selectConsultations(db).where(eq(consultations.id, c.id));
  if (!head) throw new Error('consultation vanished');
  const stages = await stagesOf(db, c.id);
  const current = currentStage(stageRecords(stages, head.answers));
  const voteOf = await resolutionVotes(
    db,
    stages.flatMap((s) => (s.voteId ? [s.voteId] : [])),
  );
  return {
    ...present(head),
    currentStage: current === null ? null : (stages[current]?.key ?? null),
    stages: stages.map((s) => presentStage(s, voteOf)),
    questionnaire: await questionnaireOf(db, head.c, stages),
    results: await resultsOf(db, head.c),
    canWrite,
  };
}

/**
 * A consultation of the project has its resolution passed and disclosed (its stored status is
 * `consultationStatus` of its stages: "resolved", or "completed" once the result is disclosed too).
 */
export async function resolutionDisclosed(db: Db | Tx, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(eq(consultations.projectId, projectId), inArray(consultations.status, ['resolved', 'completed'])),
    )
    .limit(1);
  return row !== undefined;
}

function selectAnswers(db: Db | Tx) {
  return db
    .select({
      a: consultationAnswers,
      building: buildings.number,
      unit: households.unit,
      room: households.room,
    })
    .from(consultationAnswers)
    .innerJoin(households, eq(households.id, consultationAnswers.householdId))
    .innerJoin(buildings, eq(buildings.id, households.buildingId));
}

function presentAnswer(r: Awaited<ReturnType<typeof selectAnswers>>[number]): Answer {
  return {
    id: r.a.id,
    householdId: r.a.householdId,
    building: r.building,
    unit: r.unit,
    room: r.room,
    renovate: r.a.renovate,
    items: r.a.items,
    remarks: r.a.remarks,
    assisted: r.a.assisted,
    createdAt: r.a.createdAt.toISOString(),
    correctionReason: r.a.correctionReason,
    correctedAt: r.a.correctedAt?.toISOString() ?? null,
    version: r.a.version,
  };
}

/** A consultation's answers, newest first, searched by room ("101", "1号楼1单元101"). */
export async function listAnswers(db: Db | Tx, consultationId: string, q: AnswerListQuery) {
  const needle = q.q?.replace(/\s+/g, '');
  const where = and(
    eq(consultationAnswers.consultationId, consultationId),
    needle
      ? sql`(${buildings.number} || ${households.unit} || ${households.room}) ILIKE ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
      : undefined,
  );
  return paged(
    db,
    db
      .select(anyRow)
      .from(consultationAnswers)
      .innerJoin(households, eq(households.id, consultationAnswers.householdId))
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(where),
    async (limit, offset) =>
      (
        await selectAnswers(db)
          .where(where)
          .orderBy(desc(consultationAnswers.createdAt), asc(consultationAnswers.id))
          .limit(limit)
          .offset(offset)
      ).map(presentAnswer),
    q,
  );
}

export async function answerOf(db: Db | Tx, id: string): Promise<Answer> {
  const [row] = await selectAnswers(db).where(eq(consultationAnswers.id, id));
  if (!row) throw new Error('answer vanished');
  return presentAnswer(row);
}
