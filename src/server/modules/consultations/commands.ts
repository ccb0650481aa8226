/**
 * Councils' and consultations' writes. Each is one audited write; the domain rules
 * (`domain/consultations.ts`) decide what a stage needs and in which order stages go.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  Answer,
  AssistedAnswerBody,
  CompleteStageBody,
  ConsultationDetail,
  CorrectAnswerBody,
  Council,
  CouncilMeetingBody,
  CouncilMemberBody,
  CreateConsultationBody,
  CreateCouncilBody,
  Notices,
  PublicAnswerBody,
  PublicQuestionnaire,
  QuestionnaireBody,
} from '../../../contract/consultations.js';
import { can } from '../../../domain/access.js';
import {
  codeAlphabet,
  codeLength,
  consultationStatus,
  normaliseCode,
  resolutionVoteProblem,
  type StageProblem,
  stageProblems,
} from '../../../domain/consultations.js';
import { districtToday } from '../../../domain/ledger.js';
import type { Db, Tx } from '../../db/client.js';
import {
  buildings,
  catalogueItems,
  compounds,
  consultationAnswers,
  consultationCodes,
  consultationStages,
  consultations,
  councilMeetings,
  councilMembers,
  councils,
  households,
  votes,
} from '../../db/schema.js';
import type { Actor } from '../../platform/audit.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, type FieldReason, found, notFound } from '../../platform/errors.js';
import { consultationSettings } from '../../platform/settings.js';
import { loadCompound } from '../inventory/access.js';
import { loadProject } from '../projects/access.js';
import { loadConsultation, loadCouncil } from './access.js';
import {
  answerOf,
  consultationDetail,
  councilDetail,
  questionnaireOf,
  stageRecords,
  stagesOf,
} from './queries.js';

const refuse = (field: string, reason: FieldReason) => new AppError('VALIDATION_FAILED', { [field]: reason });

function notAfterToday(field: string, date: string) {
  if (date > districtToday()) throw refuse(field, 'in_future');
}

/* ---------- councils ---------- */

export async function createCouncil(ctx: Ctx, input: CreateCouncilBody): Promise<Council> {
  const council = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'write', tx);
    const [row] = await tx
      .insert(councils)
      .values({
        compoundId: compound.id,
        regionCode: compound.regionCode,
        name: input.name,
        termStart: input.termStart,
        termEnd: input.termEnd,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const created = found(row);
    await audit({
      action: 'council.create',
      entityType: 'council',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created;
  });
  return councilDetail(ctx.db, council);
}

export async function addCouncilMember(ctx: Ctx, id: string, input: CouncilMemberBody): Promise<Council> {
  const council = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const council = await loadCouncil(ctx, id, 'write', tx);
    const [row] = await tx
      .insert(councilMembers)
      .values({ councilId: id, ...input, phone: input.phone ?? null })
      .returning();
    await audit({
      action: 'council.member',
      entityType: 'council',
      entityId: id,
      regionCode: council.regionCode,
      after: row,
    });
    return council;
  });
  return councilDetail(ctx.db, council);
}

export async function addCouncilMeeting(ctx: Ctx, id: string, input: CouncilMeetingBody): Promise<Council> {
  notAfterToday('heldOn', input.heldOn);
  const present = [...new Set(input.attendeeIds)];
  if (input.attendance < present.length) throw refuse('attendance', 'attendance_below_members');
  const council = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const council = await loadCouncil(ctx, id, 'write', tx);
    const members = present.length
      ? await tx
          .select({ id: councilMembers.id })
          .from(councilMembers)
          .where(and(eq(councilMembers.councilId, id), inArray(councilMembers.id, present)))
      : [];
    if (members.length !== present.length) throw refuse('attendeeIds', 'not_a_member');
    const [row] = await tx
      .insert(councilMeetings)
      .values({ councilId: id, ...input, attendeeIds: present, createdBy: ctx.principal.userId })
      .returning();
    await audit({
      action: 'council.meeting',
      entityType: 'council',
      entityId: id,
      regionCode: council.regionCode,
      after: row,
    });
    return council;
  });
  return councilDetail(ctx.db, council);
}

/* ---------- consultations ---------- */

async function detailOf(ctx: Ctx, id: string): Promise<ConsultationDetail> {
  const c = await loadConsultation(ctx, id, 'read');
  return consultationDetail(ctx.db, c, can(ctx.principal.role, 'consultation.write'));
}

/** Open a consultation with one of the district's stage lists (copied: later edits leave it alone). */
export async function createConsultation(
  ctx: Ctx,
  input: CreateConsultationBody,
): Promise<ConsultationDetail> {
  notAfterToday('openedOn', input.openedOn);
  const { stageLists } = await consultationSettings(ctx.db);
  const list = input.stageList ? stageLists.find((l) => l.code === input.stageList) : stageLists[0];
  if (!list) throw refuse('stageList', 'unknown_stage_list');
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'write', tx);
    if (input.projectId) {
      const project = await loadProject(ctx, input.projectId, 'read', tx);
      if (project.compoundId !== compound.id) throw refuse('projectId', 'project_not_in_compound');
    }
    const [row] = await tx
      .insert(consultations)
      .values({
        compoundId: compound.id,
        projectId: input.projectId ?? null,
        regionCode: compound.regionCode,
        title: input.title,
        stageListCode: list.code,
        stageListName: list.name,
        openedOn: input.openedOn,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const created = found(row);
    await tx
      .insert(consultationStages)
      .values(list.stages.map((s, position) => ({ consultationId: created.id, position, ...s })));
    await audit({
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: created.id,
      regionCode: created.regionCode,
      after: { ...created, stages: list.stages.map((s) => s.key) },
    });
    return created.id;
  });
  return detailOf(ctx, id);
}

/** Set the questionnaire: which optional catalogue items residents may choose. Not once anyone answered. */
export async function setQuestionnaire(
  ctx: Ctx,
  id: string,
  input: QuestionnaireBody,
): Promise<ConsultationDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const c = await loadConsultation(ctx, id, 'write', tx);
    const stages = await stagesOf(tx, id);
    const solicit = stages.find((s) => s.role === 'solicit');
    if (!solicit) throw refuse('intro', 'no_solicit_stage');
    if (solicit.completedOn !== null || c.status !== 'in_progress')
      throw refuse('intro', 'questionnaire_closed');
    const [answered] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(consultationAnswers)
      .where(eq(consultationAnswers.consultationId, id));
    if ((answered?.n ?? 0) > 0) throw refuse('itemCodes', 'questionnaire_answered');
    const codes = [...new Set(input.itemCodes)];
    const optional = codes.length
      ? await tx
          .select({ code: catalogueItems.code })
          .from(catalogueItems)
          .where(
            and(
              inArray(catalogueItems.code, codes),
              eq(catalogueItems.active, true),
              eq(catalogueItems.mandatory, false),
            ),
          )
      : [];
    if (optional.length !== codes.length) throw refuse('itemCodes', 'unknown_item');
    await tx
      .update(consultations)
      .set({
        questionnaireIntro: input.intro,
        questionnaireItems: codes,
        version: sql`${consultations.version} + 1`,
      })
      .where(eq(consultations.id, id));
    await audit({
      action: 'consultation.questionnaire',
      entityType: 'consultation',
      entityId: id,
      regionCode: c.regionCode,
      before: { intro: c.questionnaireIntro, items: c.questionnaireItems },
      after: { intro: input.intro, items: codes },
    });
  });
  return detailOf(ctx, id);
}

export const hashCode = (consultationId: string, code: string) =>
  createHash('sha256').update(`${consultationId}:${code}`).digest('hex');

export function newCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

async function openQuestionnaire(tx: Db | Tx, c: typeof consultations.$inferSelect) {
  const q = await questionnaireOf(tx, c, await stagesOf(tx, c.id));
  if (!q?.open) throw refuse('consultation', 'questionnaire_closed');
  return q;
}

/**
 * A building's notices: each household without an answer gets a new code, shown this once (only
 * its hash is kept), so printing again replaces the codes on notices printed before.
 */
export async function issueNotices(ctx: Ctx, id: string, buildingId: string): Promise<Notices> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const c = await loadConsultation(ctx, id, 'write', tx);
    await openQuestionnaire(tx, c);
    const [building] = await tx
      .select()
      .from(buildings)
      .where(and(eq(buildings.id, buildingId), eq(buildings.compoundId, c.compoundId)));
    if (!building) throw refuse('buildingId', 'not_in_compound');
    const waiting = await tx
      .select({ householdId: households.id, unit: households.unit, room: households.room })
      .from(households)
      .leftJoin(
        consultationAnswers,
        and(eq(consultationAnswers.householdId, households.id), eq(consultationAnswers.consultationId, id)),
      )
      .where(and(eq(households.buildingId, buildingId), isNull(consultationAnswers.id)))
      .orderBy(households.unit, sql`length(${households.room})`, households.room);
    const issued = waiting.map((h) => ({ ...h, code: newCode() }));
    if (issued.length > 0) {
      await tx
        .insert(consultationCodes)
        .values(
          issued.map((h) => ({
            consultationId: id,
            householdId: h.householdId,
            codeHash: hashCode(id, h.code),
          })),
        )
        .onConflictDoUpdate({
          target: [consultationCodes.consultationId, consultationCodes.householdId],
          set: { codeHash: sql`excluded.code_hash`, issuedAt: sql`now()` },
        });
    }
    await audit({
      action: 'consultation.notices',
      entityType: 'consultation',
      entityId: id,
      regionCode: c.regionCode,
      after: { buildingId, building: building.number, households: issued.length },
    });
    const [compound] = await loadCompoundName(tx, c.compoundId);
    return {
      compoundName: compound?.name ?? '',
      title: c.title,
      building: building.number,
      path: `/q/${c.compoundId}`,
      households: issued,
    };
  });
}

function loadCompoundName(db: Db | Tx, compoundId: string) {
  return db.select({ name: compounds.name }).from(compounds).where(eq(compounds.id, compoundId));
}

async function recordAnswer(
  tx: Tx,
  audit: Audit,
  c: typeof consultations.$inferSelect,
  householdId: string,
  input: Pick<AssistedAnswerBody, 'renovate' | 'items' | 'remarks'>,
  assisted: { by: string } | null,
) {
  const q = await openQuestionnaire(tx, c);
  const offered = new Set(q.items.filter((i) => !i.mandatory).map((i) => i.code));
  const items = [...new Set(input.items)];
  if (items.some((code) => !offered.has(code))) throw refuse('items', 'unknown_item');
  // One answer per household: the first stands (see docs/ARCHITECTURE.md, Decisions).
  const [row] = await tx
    .insert(consultationAnswers)
    .values({
      consultationId: c.id,
      householdId,
      renovate: input.renovate,
      items,
      remarks: input.remarks || null,
      assisted: assisted !== null,
      enteredBy: assisted?.by ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('CONFLICT', { householdId: 'already_answered' });
  await audit({
    action: 'consultation.answer',
    entityType: 'consultation',
    entityId: c.id,
    regionCode: c.regionCode,
    after: {
      householdId,
      renovate: row.renovate,
      items: row.items,
      remarks: row.remarks,
      assisted: row.assisted,
    },
  });
}

/** Staff enter a household's answer for it (door to door, by phone), marked assisted. */
export async function addAssistedAnswer(
  ctx: Ctx,
  id: string,
  input: AssistedAnswerBody,
): Promise<ConsultationDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const c = await loadConsultation(ctx, id, 'write', tx);
    const [household] = await tx
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.id, input.householdId), eq(households.compoundId, c.compoundId)));
    if (!household) throw refuse('householdId', 'not_in_register');
    await recordAnswer(tx, audit, c, household.id, input, { by: ctx.principal.userId });
  });
  return detailOf(ctx, id);
}

const problemField: Record<StageProblem, string> = {
  already_completed: 'key',
  earlier_stage_open: 'key',
  consultation_failed: 'key',
  before_earlier_stage: 'completedOn',
  attendance_needed: 'attendance',
  minutes_needed: 'minutes',
  outcome_needed: 'outcome',
  published_needed: 'published',
  place_needed: 'place',
  no_answers: 'key',
  resolution_not_passed: 'key',
};

/** Complete the stage `key`: in order, with what its role needs; the completed stage is archived. */
export async function completeStage(
  ctx: Ctx,
  id: string,
  key: string,
  input: CompleteStageBody,
): Promise<ConsultationDetail> {
  notAfterToday('completedOn', input.completedOn);
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const c = await loadConsultation(ctx, id, 'write', tx);
    // Serialise completions of one consultation: the order check reads what the last one wrote.
    await tx.execute(sql`SELECT 1 FROM ${consultations} WHERE ${consultations.id} = ${id} FOR UPDATE`);
    const stages = await stagesOf(tx, id);
    const index = stages.findIndex((s) => s.key === key);
    if (index === -1) throw refuse('key', 'unknown_stage');
    const [answered] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(consultationAnswers)
      .where(eq(consultationAnswers.consultationId, id));
    const records = stageRecords(stages, answered?.n ?? 0);
    const problems = stageProblems(records, index, input);
    if (problems.length > 0) {
      const fields: Record<string, FieldReason> = {};
      for (const p of problems) fields[problemField[p]] ??= p;
      throw new AppError('VALIDATION_FAILED', fields);
    }
    const stage = found(stages[index]);
    if (input.voteId !== undefined) {
      if (stage.role !== 'resolve') throw refuse('voteId', 'vote_not_resolution');
      // The vote's row is locked: it cannot reopen or change while it becomes the resolution.
      const [vote] = await tx
        .select({ compoundId: votes.compoundId, status: votes.status, passed: votes.passed })
        .from(votes)
        .where(eq(votes.id, input.voteId))
        .for('share');
      const problem = resolutionVoteProblem(vote ?? null, c.compoundId, input.outcome);
      if (problem)
        throw refuse(problem === 'vote_failed' || problem === 'vote_passed' ? 'outcome' : 'voteId', problem);
    }
    const meeting = stage.role === 'deliberate' || stage.role === 'resolve';
    const disclosure = stage.role === 'disclose_resolution' || stage.role === 'disclose_result';
    const values = {
      completedOn: input.completedOn,
      attendance: meeting ? (input.attendance ?? null) : null,
      minutes: meeting ? (input.minutes ?? null) : null,
      outcome: meeting ? (input.outcome ?? null) : null,
      outcomeNote: input.outcomeNote ?? null,
      voteId: stage.role === 'resolve' ? (input.voteId ?? null) : null,
      published: disclosure ? (input.published ?? null) : null,
      place: disclosure ? (input.place ?? null) : null,
      archivedAt: new Date(),
      completedBy: ctx.principal.userId,
    };
    await tx
      .update(consultationStages)
      .set(values)
      .where(and(eq(consultationStages.consultationId, id), eq(consultationStages.position, index)));
    const after = records.map((r, i) =>
      i === index
        ? { ...r, completedOn: values.completedOn, outcome: values.outcome, published: values.published }
        : r,
    );
    const status = consultationStatus(after);
    await tx
      .update(consultations)
      .set({ status, version: sql`${consultations.version} + 1` })
      .where(eq(consultations.id, id));
    await audit({
      action: 'consultation.stage',
      entityType: 'consultation',
      entityId: id,
      regionCode: c.regionCode,
      before: { status: c.status },
      after: { key, ...values, archivedAt: values.archivedAt.toISOString(), status },
    });
  });
  return detailOf(ctx, id);
}

/**
 * Staff correct an answer they entered for a household (assisted) and entered wrongly: only while
 * the questionnaire is open, with the version they saw and a reason; the audit keeps before and
 * after, and the answer shows it was corrected. A household's own answer is never changed.
 */
export async function correctAnswer(
  ctx: Ctx,
  id: string,
  answerId: string,
  input: CorrectAnswerBody,
): Promise<Answer> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const c = await loadConsultation(ctx, id, 'write', tx);
    const [row] = await tx
      .select()
      .from(consultationAnswers)
      .where(and(eq(consultationAnswers.id, answerId), eq(consultationAnswers.consultationId, id)))
      .for('update');
    const answer = found(row);
    if (answer.version !== input.version) throw conflict();
    if (!answer.assisted) throw refuse('answerId', 'not_assisted');
    const q = await openQuestionnaire(tx, c);
    const offered = new Set(q.items.filter((i) => !i.mandatory).map((i) => i.code));
    const items = [...new Set(input.items)];
    if (items.some((code) => !offered.has(code))) throw refuse('items', 'unknown_item');
    const after = {
      renovate: input.renovate,
      items,
      remarks: input.remarks || null,
    };
    await tx
      .update(consultationAnswers)
      .set({
        ...after,
        correctionReason: input.reason,
        correctedAt: new Date(),
        correctedBy: ctx.principal.userId,
        version: sql`${consultationAnswers.version} + 1`,
      })
      .where(eq(consultationAnswers.id, answerId));
    await audit({
      action: 'consultation.correct',
      entityType: 'consultation',
      entityId: id,
      regionCode: c.regionCode,
      before: {
        householdId: answer.householdId,
        renovate: answer.renovate,
        items: answer.items,
        remarks: answer.remarks,
      },
      after: { householdId: answer.householdId, ...after, reason: input.reason },
    });
  });
  return answerOf(ctx.db, answerId);
}

/* ---------- the public questionnaire ---------- */

/** The compound's consultation whose questionnaire is open now (the newest), or 404. */
async function openConsultationOf(db: Db | Tx, compoundId: string) {
  const rows = await db
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.compoundId, compoundId),
        eq(consultations.status, 'in_progress'),
        sql`${consultations.questionnaireIntro} IS NOT NULL`,
        sql`EXISTS (SELECT 1 FROM ${consultationStages} WHERE ${consultationStages.consultationId} = ${consultations.id}
          AND ${consultationStages.role} = 'solicit' AND ${consultationStages.completedOn} IS NULL)`,
      ),
    )
    .orderBy(sql`${consultations.openedOn} DESC, ${consultations.createdAt} DESC`)
    .limit(1);
  const [c] = rows;
  if (!c) throw notFound();
  return c;
}

export async function publicQuestionnaire(db: Db, compoundId: string): Promise<PublicQuestionnaire> {
  const c = await openConsultationOf(db, compoundId);
  const q = await openQuestionnaire(db, c);
  const [compound] = await loadCompoundName(db, compoundId);
  const numbers = await db
    .select({ number: buildings.number })
    .from(buildings)
    .where(eq(buildings.compoundId, compoundId))
    .orderBy(sql`length(${buildings.number})`, buildings.number);
  return {
    compoundName: compound?.name ?? '',
    consultationId: c.id,
    title: c.title,
    intro: q.intro,
    items: q.items,
    buildings: numbers.map((b) => b.number),
  };
}

/** How residents write a place: "3号楼" or "3", "2单元" or "2", "301室" or "301". */
const bare = (column: SQL, suffix: string) => sql`regexp_replace(trim(${column}), ${suffix}, '')`;
const stripped = (value: string, suffix: RegExp) => value.trim().replace(suffix, '');

/**
 * A household's own answer: it names its building, unit and room, and proves itself with the
 * code on its notice. Not in the register, a wrong code, a second answer: refused, nothing written.
 */
export async function publicAnswer(db: Db, actor: Actor, compoundId: string, input: PublicAnswerBody) {
  await write(db, actor, async (tx, audit) => {
    const c = await openConsultationOf(tx, compoundId);
    const [household] = await tx
      .select({ id: households.id, codeHash: consultationCodes.codeHash })
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .leftJoin(
        consultationCodes,
        and(eq(consultationCodes.householdId, households.id), eq(consultationCodes.consultationId, c.id)),
      )
      .where(
        and(
          eq(households.compoundId, compoundId),
          sql`${bare(sql`${buildings.number}`, '(号楼|号|栋|幢|楼)$')} = ${stripped(input.building, /(号楼|号|栋|幢|楼)$/)}`,
          sql`${bare(sql`${households.unit}`, '单元$')} = ${stripped(input.unit, /单元$/)}`,
          sql`${bare(sql`${households.room}`, '(室|号)$')} = ${stripped(input.room, /(室|号)$/)}`,
        ),
      )
      .limit(1);
    if (!household) throw refuse('room', 'not_in_register');
    if (household.codeHash === null || household.codeHash !== hashCode(c.id, normaliseCode(input.code))) {
      throw refuse('code', 'wrong_code');
    }
    await recordAnswer(tx, audit, c, household.id, input, null);
  });
  return { ok: true as const };
}
