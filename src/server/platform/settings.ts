import { eq } from 'drizzle-orm';
import type { Settings, UpdateSettingsBody } from '../../contract/settings.js';
import { defaultStageLists, stageListsProblem } from '../../domain/consultations.js';
import { defaultFacilityTypes, typeListProblem } from '../../domain/facilities.js';
import { defaultStructureTypes, defaultTolerancePercent } from '../../domain/illegal.js';
import { nationalOldCutoffYear } from '../../domain/inventory.js';
import { defaultEscalationPolicy, type EscalationPolicy } from '../../domain/ledger.js';
import { defaultOpinionCategories } from '../../domain/opinions.js';
import { defaultGrades, type Grade, gradeListProblem } from '../../domain/proposals.js';
import {
  type CheckFrequencyProblem,
  checkFrequencyLimits,
  checkFrequencyProblems,
  defaultCheckFrequency,
} from '../../domain/quality.js';
import type { Db, Tx } from '../db/client.js';
import { settings } from '../db/schema.js';
import type { Actor } from './audit.js';
import { write } from './context.js';
import { AppError } from './errors.js';

/** The year before which a compound counts as old: the district's setting, else the national 2000. */
export async function oldCutoffYear(db: Db | Tx): Promise<number> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'oldCutoffYear')).limit(1);
  return typeof row?.value === 'number' ? row.value : nationalOldCutoffYear;
}

/** When ledger items count as due soon and seriously overdue: the district's setting, else the default. */
export async function escalationPolicy(db: Db | Tx): Promise<EscalationPolicy> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'escalation')).limit(1);
  return { ...defaultEscalationPolicy, ...(row?.value as Partial<EscalationPolicy> | undefined) };
}

/** Checks each project needs per key part or process: the district's setting, else the default. */
export async function checkFrequency(db: Db | Tx): Promise<Record<string, number>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'checkFrequency')).limit(1);
  return (row?.value as Record<string, number> | undefined) ?? { ...defaultCheckFrequency };
}

/** Illegal structures: the measurement tolerance and the type list, the district's or the defaults. */
export async function illegalSettings(db: Db | Tx): Promise<Settings['illegal']> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'illegal')).limit(1);
  return {
    tolerancePercent: defaultTolerancePercent,
    types: [...defaultStructureTypes],
    ...(row?.value as Partial<Settings['illegal']> | undefined),
  };
}

/** The stage lists consultations may follow: the district's, else 一征三议两公开 and 四议两公开. */
export async function consultationSettings(db: Db | Tx): Promise<Settings['consultations']> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'consultations')).limit(1);
  return (
    (row?.value as Settings['consultations'] | undefined) ?? {
      stageLists: defaultStageLists.map((l) => ({ ...l, stages: [...l.stages] })),
    }
  );
}

/**
 * The result grades a reply may carry, in order, with what each means: the district's list, else
 * A/B/C. A list stored as bare codes (before grades had labels) takes the default labels.
 */
export async function proposalGrades(db: Db | Tx): Promise<Grade[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'proposalGrades')).limit(1);
  const stored = row?.value as (string | Grade)[] | undefined;
  if (!Array.isArray(stored) || stored.length === 0) return defaultGrades.map((g) => ({ ...g }));
  return stored.map((g) =>
    typeof g === 'string'
      ? { code: g, label: defaultGrades.find((d) => d.code === g)?.label ?? g }
      : { code: g.code, label: g.label },
  );
}

/** The facility types (配套设施) and their indicator groups: the district's list, else the default. */
export async function facilitySettings(db: Db | Tx): Promise<Settings['facilities']> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'facilities')).limit(1);
  return (
    (row?.value as Settings['facilities'] | undefined) ?? {
      types: defaultFacilityTypes.map((t) => ({ ...t })),
    }
  );
}

/** The grades' codes only (what a reply's grade is checked against). */
export async function proposalGradeCodes(db: Db | Tx): Promise<string[]> {
  return (await proposalGrades(db)).map((g) => g.code);
}

const checkFrequencyMessages: Record<CheckFrequencyProblem | 'too_many', string> = {
  name_required: '请填写重点部位或工序的名称',
  name_too_long: `名称不超过 ${checkFrequencyLimits.name} 个字`,
  name_twice: '该部位或工序重复',
  checks_out_of_range: `检查次数须为 0–${checkFrequencyLimits.checks} 的整数`,
  too_many: `最多 ${checkFrequencyLimits.parts} 个重点部位或工序`,
};

/** Every bad entry of a check-frequency list named by its key; the list kept with trimmed names. */
function checkedFrequency(entries: Record<string, number>): Record<string, number> {
  const fields: Record<string, { text: string }> = {};
  for (const { key, problem } of checkFrequencyProblems(entries))
    fields[`checkFrequency.${key}`] = { text: checkFrequencyMessages[problem] };
  if (Object.keys(entries).length > checkFrequencyLimits.parts)
    fields.checkFrequency = { text: checkFrequencyMessages.too_many };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', fields);
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k.trim(), v]));
}

const gradeListMessages = {
  empty: '至少保留一个办理结果等级',
  code_required: '请填写等级代码',
  label_required: '请填写等级含义',
  duplicate_code: '等级代码重复',
} as const;

/** The categories of the public opinion form: the district's list, else the default five. */
export async function opinionCategories(db: Db | Tx): Promise<string[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'opinionCategories')).limit(1);
  return (row?.value as string[] | undefined) ?? [...defaultOpinionCategories];
}

export async function readSettings(db: Db | Tx): Promise<Settings> {
  return {
    oldCutoffYear: await oldCutoffYear(db),
    escalation: await escalationPolicy(db),
    checkFrequency: await checkFrequency(db),
    illegal: await illegalSettings(db),
    consultations: await consultationSettings(db),
    proposalGrades: await proposalGrades(db),
    facilities: await facilitySettings(db),
    opinionCategories: await opinionCategories(db),
  };
}

/**
 * Change district settings in one audited write; every figure, filter and reminder follows at
 * once.
 */
export async function updateSettings(db: Db, actor: Actor, input: UpdateSettingsBody): Promise<Settings> {
  const year = input.oldCutoffYear;
  if (year !== undefined && (!Number.isInteger(year) || year < 1949 || year > new Date().getFullYear())) {
    throw new AppError('VALIDATION_FAILED', {
      oldCutoffYear: { text: `not a year between 1949 and now: ${year}` },
    });
  }
  const lists = input.consultations ? stageListsProblem(input.consultations.stageLists) : null;
  if (lists)
    throw new AppError('VALIDATION_FAILED', { [`consultations.stageLists.${lists.index}`]: lists.problem });
  const facilityTypes = input.facilities?.types;
  const typesProblem = facilityTypes && typeListProblem(facilityTypes);
  if (typesProblem) throw new AppError('VALIDATION_FAILED', { 'facilities.types': typesProblem });
  if (input.proposalGrades) {
    const wrong = gradeListProblem(input.proposalGrades);
    if (wrong)
      throw new AppError('VALIDATION_FAILED', {
        [wrong.field ? `proposalGrades.${wrong.index}.${wrong.field}` : 'proposalGrades']: {
          text: gradeListMessages[wrong.problem],
        },
      });
  }
  const frequency = input.checkFrequency && checkedFrequency(input.checkFrequency);
  return write(db, actor, async (tx, audit) => {
    const before = await readSettings(tx);
    const changes = Object.entries({ ...input, checkFrequency: frequency }).filter(
      ([, v]) => v !== undefined,
    );
    for (const [key, value] of changes) {
      await tx
        .insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } });
    }
    const after = await readSettings(tx);
    await audit({
      action: 'settings.update',
      entityType: 'setting',
      entityId: changes.map(([k]) => k).join(',') || 'none',
      before,
      after,
    });
    return after;
  });
}

export async function setOldCutoffYear(db: Db, actor: Actor, year: number): Promise<void> {
  await updateSettings(db, actor, { oldCutoffYear: year });
}
