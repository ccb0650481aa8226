/**
 * Residents decide: a deliberation council (five sectors, two meetings) for every renovated
 * compound, and consultations at every stage. Each project past "consulting residents" has its
 * resolution passed and disclosed (the renovated ones their result disclosed too); the 2023
 * projects still consulting, and a few compounds not yet planned, are part way, one has failed.
 * Compounds with a household register follow 一征三议两公开 with answers from about two thirds of
 * their households (some assisted); compounds without one 四议两公开, which has no questionnaire.
 * Works the same whether few compounds or all of them have a register: answers are one
 * INSERT … SELECT over the register.
 */
import { inArray, notInArray, sql } from 'drizzle-orm';
import {
  consultationStatus,
  defaultStageList,
  fourDeliberationsList,
  type StageList,
} from '../../domain/consultations.js';
import type { ProjectStatus } from '../../domain/inventory.js';
import type { Tx } from '../db/client.js';
import {
  compounds,
  consultationAnswers,
  consultationStages,
  consultations,
  councilMeetings,
  councilMembers,
  councils,
  households,
  projects,
} from '../db/schema.js';
import { prng } from './district.js';
import type { DemoLoaded } from './load.js';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const given = [
  '秀英',
  '建国',
  '桂兰',
  '志强',
  '玉梅',
  '国华',
  '淑珍',
  '文斌',
  '红霞',
  '德明',
  '丽娟',
  '海涛',
];
const sectors = ['residents', 'party_members', 'owners_committee', 'property_company', 'community'] as const;
const roles = ['chair', 'vice_chair', 'member', 'member', 'secretary'] as const;
const meetingTopics = ['讨论改造内容清单与居民意见', '研究车棚、停车位调整方案', '通报施工进度并收集意见'];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Planned {
  compoundId: string;
  regionCode: string;
  projectId: string | null;
  title: string;
  list: StageList;
  openedOn: string;
  /** How many stages are done; `failAt` makes that stage's meeting fail. */
  completed: number;
  failAt?: number;
}

function stagesOf(p: Planned, consultationId: string) {
  return p.list.stages.map((s, position) => {
    const done = position < p.completed;
    const on = addDays(p.openedOn, 7 + position * 6);
    const meeting = done && (s.role === 'deliberate' || s.role === 'resolve');
    const disclosure = done && (s.role === 'disclose_resolution' || s.role === 'disclose_result');
    const failed = done && p.failAt === position;
    return {
      consultationId,
      position,
      key: s.key,
      name: s.name,
      role: s.role,
      completedOn: done ? on : null,
      attendance: meeting ? (s.role === 'resolve' ? 60 + ((position * 37) % 80) : 11 + position) : null,
      minutes: meeting
        ? s.role === 'resolve'
          ? failed
            ? '到会居民代表表决，同意票未过半数，改造方案未通过。'
            : '到会居民代表表决，同意实施改造并确定改造内容。'
          : '与会人员就改造必要性、改造内容和资金分担逐项讨论，形成一致意见。'
        : null,
      outcome: meeting ? (failed ? ('failed' as const) : ('passed' as const)) : null,
      published: disclosure
        ? s.role === 'disclose_resolution'
          ? '居民（代表）会议决议全文及表决情况'
          : '改造实施结果：完成内容、资金使用和竣工验收情况'
        : null,
      place: disclosure ? '小区公告栏、社区微信群' : null,
      archivedAt: done ? new Date(`${on}T10:00:00+08:00`) : null,
    };
  });
}

export async function loadDemoConsultations(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const r = prng(17);
  const registered = new Set(
    (await tx.selectDistinct({ id: households.compoundId }).from(households)).map((h) => h.id),
  );
  const listFor = (compoundId: string) =>
    registered.has(compoundId) ? defaultStageList : fourDeliberationsList;
  const all = await tx
    .select({
      id: projects.id,
      compoundId: projects.compoundId,
      regionCode: projects.regionCode,
      year: projects.year,
      status: projects.status,
    })
    .from(projects)
    .orderBy(projects.year, projects.compoundId);

  // Councils for the renovated compounds.
  const renovated = all.filter((p) => p.status === 'accepted' || p.status === 'handed_over');
  const councilRows = renovated.map((p) => ({
    compoundId: p.compoundId,
    regionCode: p.regionCode,
    name: '旧改议事会',
    termStart: `${p.year - 1}-10-01`,
    termEnd: `${p.year + 2}-09-30`,
    isDemo: true,
  }));
  const made: { id: string; termStart: string }[] = [];
  for (let i = 0; i < councilRows.length; i += 500) {
    made.push(
      ...(await tx
        .insert(councils)
        .values(councilRows.slice(i, i + 500))
        .returning({ id: councils.id, termStart: councils.termStart })),
    );
  }
  const members = made.flatMap((c) =>
    sectors.map((sector, k) => ({
      councilId: c.id,
      name: `${r.pick(surnames)}${r.pick(given)}`,
      sector,
      role: roles[k] ?? ('member' as const),
    })),
  );
  for (let i = 0; i < members.length; i += 1000)
    await tx.insert(councilMembers).values(members.slice(i, i + 1000));
  const meetings = made.flatMap((c) =>
    [0, 1].map((k) => ({
      councilId: c.id,
      heldOn: addDays(c.termStart, 20 + k * 45),
      topic: meetingTopics[(k + c.termStart.length) % meetingTopics.length] ?? '',
      attendance: r.int(6, 25),
      minutes:
        k === 0 ? '通报改造计划，成员逐户征求意见后汇总反馈。' : '审议施工单位整改情况，同意按计划推进。',
    })),
  );
  for (let i = 0; i < meetings.length; i += 1000)
    await tx.insert(councilMeetings).values(meetings.slice(i, i + 1000));
  // Every member of the council came (attendance counts them and others).
  await tx.execute(sql`UPDATE ${councilMeetings} m SET attendee_ids = (
      SELECT coalesce(array_agg(cm.id ORDER BY cm.created_at, cm.id), '{}') FROM ${councilMembers} cm
      WHERE cm.council_id = m.council_id)
    WHERE m.council_id IN (SELECT id FROM ${councils} WHERE is_demo)`);
  await tx.execute(
    sql`UPDATE ${councilMeetings} SET attendance = cardinality(attendee_ids) WHERE attendance < cardinality(attendee_ids)`,
  );

  // Consultations: every project past consulting resolved and disclosed; the rest part way.
  const past = (s: ProjectStatus) => !['planned', 'consulting'].includes(s);
  const planned: Planned[] = [];
  const consulting = all.filter((p) => p.status === 'consulting');
  for (const p of all) {
    const list = listFor(p.compoundId);
    const base = {
      compoundId: p.compoundId,
      regionCode: p.regionCode,
      projectId: p.id,
      title: `${p.year}年度老旧小区改造征求意见`,
      list,
      openedOn: `${p.year - 1}-11-0${1 + (planned.length % 9)}`,
    };
    if (past(p.status)) {
      const resultDue = p.status === 'accepted' || p.status === 'handed_over';
      planned.push({ ...base, completed: resultDue ? list.stages.length : list.stages.length - 1 });
    } else if (p.status === 'consulting') {
      // The first still soliciting (answers coming in), the next with its meetings under way.
      const k = consulting.findIndex((c) => c.id === p.id);
      planned.push({ ...base, openedOn: '2023-03-01', completed: k === 0 ? 0 : 2 });
    }
  }
  // Compounds not yet planned (registered ones first): one each part way through the meetings, one failed.
  const taken = all.map((p) => p.compoundId);
  const waiting = await tx
    .select({ id: compounds.id, regionCode: compounds.regionCode })
    .from(compounds)
    .where(notInArray(compounds.id, taken.length > 0 ? taken : ['00000000-0000-0000-0000-000000000000']))
    // Registered compounds first (they have a questionnaire), then by code.
    .orderBy(
      sql`${inArray(compounds.id, [...registered, '00000000-0000-0000-0000-000000000000'])} DESC`,
      compounds.code,
    )
    .limit(3);
  for (const [k, c] of waiting.entries()) {
    planned.push({
      compoundId: c.id,
      regionCode: c.regionCode,
      projectId: null,
      title: ['征求纳入改造计划意见', '加装电梯及停车改造议事', '小区改造方案议事'][k] ?? '征求意见',
      list: listFor(c.id),
      openedOn: '2025-09-01',
      completed: [2, 3, 4][k] ?? 0,
      ...(k === 2 ? { failAt: 3 } : {}),
    });
  }

  const rows = planned.map((p) => {
    const stages = stagesOf(p, '');
    const status = consultationStatus(stages);
    return {
      compoundId: p.compoundId,
      projectId: p.projectId,
      regionCode: p.regionCode,
      title: p.title,
      stageListCode: p.list.code,
      stageListName: p.list.name,
      status,
      openedOn: p.openedOn,
      questionnaireIntro: p.list.stages.some((s) => s.role === 'solicit')
        ? '本小区拟实施老旧小区改造，请每户填写一份问卷：是否同意改造，希望改造哪些内容。'
        : null,
      questionnaireItems: p.list.stages.some((s) => s.role === 'solicit')
        ? ['charging', 'lift', 'pocket_park', 'elderly_care']
        : null,
      isDemo: true,
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    ids.push(
      ...(
        await tx
          .insert(consultations)
          .values(rows.slice(i, i + 500))
          .returning({ id: consultations.id })
      ).map((c) => c.id),
    );
  }
  const stageRows = planned.flatMap((p, i) => stagesOf(p, ids[i] ?? ''));
  for (let i = 0; i < stageRows.length; i += 1000) {
    await tx.insert(consultationStages).values(stageRows.slice(i, i + 1000));
  }
  // Answers from about two thirds of each register's households (every ninth assisted), in one statement.
  await tx.execute(sql`INSERT INTO ${consultationAnswers}
      (consultation_id, household_id, renovate, items, remarks, assisted, created_at)
    SELECT c.id, h.id, h.n % 11 <> 0,
      CASE h.n % 5 WHEN 0 THEN ARRAY['charging'] WHEN 1 THEN ARRAY['lift', 'charging']
        WHEN 2 THEN ARRAY['pocket_park'] WHEN 3 THEN '{}'::text[] ELSE ARRAY['elderly_care', 'charging'] END,
      CASE WHEN h.n % 13 = 0 THEN '希望改造期间保障老人出行' WHEN h.n % 17 = 0 THEN '车棚位置请再征求楼栋意见' END,
      h.n % 7 = 0, c.opened_on::timestamptz + make_interval(days => 1 + h.n % 6)
    FROM ${consultations} c
    JOIN LATERAL (
      SELECT hh.id, row_number() OVER (ORDER BY b.number, hh.unit, hh.room)::int AS n
      FROM ${households} hh JOIN buildings b ON b.id = hh.building_id
      WHERE hh.compound_id = c.compound_id
    ) h ON h.n % 3 <> 0
    WHERE c.is_demo AND c.questionnaire_intro IS NOT NULL`);
  loaded.counts.councils = made.length;
  loaded.counts.consultations = rows.length;
}
