import { aliasedTable, and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { LedgerItem, LedgerListQuery } from '../../../contract/ledger.js';
import {
  districtToday,
  type Escalation,
  escalationReach,
  type LedgerDay,
  subdistrictsWorstFirst,
  taskForcesWorstFirst,
} from '../../../domain/ledger.js';
import type { CadreLevel } from '../../../domain/projects.js';
import type { Db, Tx } from '../../db/client.js';
import {
  cadres,
  compounds,
  ledgerItems,
  ledgerProgress,
  projects,
  regions,
  taskForces,
  units,
} from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { escalationPolicy } from '../../platform/settings.js';
import { anyRow, contains, countOf, firstThenRest, paged } from '../../platform/sql.js';
import { scopeAndNamed } from '../projects/access.js';
import { subdistrictName } from '../regions/sql.js';

/** Today in the district and the escalation thresholds in force. */
export async function ledgerDay(db: Db | Tx): Promise<LedgerDay> {
  return { today: districtToday(), policy: await escalationPolicy(db) };
}

/** The unit that owns an item outright (null for a cadre's item). */
const ownerUnit = aliasedTable(units, 'owner_unit');
/** The person who answers for an item: its cadre, or the owning unit's leader. */
export const person = aliasedTable(cadres, 'person');
/** The unit shown as 责任单位: the owning unit, else the cadre's own unit. */
const unit = aliasedTable(units, 'unit');
export const superior = aliasedTable(cadres, 'superior');
const superior2 = aliasedTable(cadres, 'superior2');
const subdistrict = aliasedTable(regions, 'subdistrict');

/** An open item due by the due-soon horizon: escalated at all (overdue or due soon). */
const dueSoonOrOverdue = ({ today, policy }: LedgerDay) =>
  sql`(${ledgerItems.status} = 'open' AND ${ledgerItems.deadline} <= (${today}::date + ${policy.dueSoonDays}::int))`;

/** The SQL form of domain escalation(): the same thresholds, so lists filter and sort by it. */
export const escalationSql = (day: LedgerDay) => sql<Escalation>`CASE
  WHEN NOT ${dueSoonOrOverdue(day)} THEN 'none'
  WHEN ${ledgerItems.deadline} < (${day.today}::date - ${day.policy.seriousAfterDays}::int) THEN 'seriously_overdue'
  WHEN ${ledgerItems.deadline} < ${day.today}::date THEN 'overdue'
  ELSE 'due_soon' END`;

const severity = (day: LedgerDay) => sql`CASE ${escalationSql(day)}
  WHEN 'seriously_overdue' THEN 3 WHEN 'overdue' THEN 2 WHEN 'due_soon' THEN 1 ELSE 0 END`;

const lastProgress = <T>(column: SQL) =>
  sql<T>`(SELECT ${column} FROM ${ledgerProgress} WHERE ${ledgerProgress.itemId} = ${ledgerItems.id} ORDER BY ${ledgerProgress.createdAt} DESC LIMIT 1)`;

/**
 * The names an item shows beside its owners', each looked up on its own: as four more joins,
 * planning the list's query took 2.6 ms of its 3.3 (a province's first page, PostgreSQL).
 */
const compoundName = sql<
  string | null
>`(SELECT c.name FROM ${projects} p JOIN ${compounds} c ON c.id = p.compound_id
  WHERE p.id = ${ledgerItems.projectId})`;
const taskForceName = sql<
  string | null
>`(SELECT tf.name FROM ${taskForces} tf WHERE tf.id = ${ledgerItems.taskForceId})`;
const itemSubdistrictName = subdistrictName(ledgerItems.regionCode);

function columns(day: LedgerDay) {
  return {
    id: ledgerItems.id,
    title: ledgerItems.title,
    projectId: ledgerItems.projectId,
    compoundName,
    meetingId: ledgerItems.meetingId,
    taskForceId: ledgerItems.taskForceId,
    taskForceName,
    ownerUnitId: ledgerItems.ownerUnitId,
    personId: person.id,
    personName: person.name,
    personLevel: person.level,
    unitName: unit.name,
    deadline: ledgerItems.deadline,
    priority: ledgerItems.priority,
    status: ledgerItems.status,
    escalation: escalationSql(day),
    superiorName: superior.name,
    superior2Name: superior2.name,
    regionCode: ledgerItems.regionCode,
    subdistrictName: itemSubdistrictName,
    lastNote: lastProgress<string | null>(sql`${ledgerProgress.note}`),
    lastAt: lastProgress<string | null>(sql`${ledgerProgress.createdAt}::text`),
    version: ledgerItems.version,
  };
}

/** Items joined to whoever answers for them and that person's two superiors. */
export function withOwners<Q extends { leftJoin: unknown }>(q: Q) {
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's builder types change with every join
  return (q as any)
    .leftJoin(ownerUnit, eq(ownerUnit.id, ledgerItems.ownerUnitId))
    .leftJoin(person, eq(person.id, sql`coalesce(${ledgerItems.ownerCadreId}, ${ownerUnit.leaderCadreId})`))
    .leftJoin(unit, eq(unit.id, sql`coalesce(${ledgerItems.ownerUnitId}, ${person.unitId})`))
    .leftJoin(superior, eq(superior.id, person.superiorId))
    .leftJoin(superior2, eq(superior2.id, superior.superiorId)) as Q;
}

function select(db: Db | Tx, day: LedgerDay) {
  return withOwners(db.select(columns(day)).from(ledgerItems));
}

type Row = Awaited<ReturnType<typeof select>>[number];

function present(r: Row): LedgerItem {
  // Up the chain as far as the domain rule reaches: the superior, or the superior's superior.
  const reach = escalationReach(r.escalation);
  const escalatedTo = reach >= 2 ? (r.superior2Name ?? r.superiorName) : reach === 1 ? r.superiorName : null;
  const byUnit = r.ownerUnitId !== null;
  return {
    id: r.id,
    title: r.title,
    projectId: r.projectId,
    compoundName: r.compoundName,
    meetingId: r.meetingId,
    taskForce: r.taskForceId && r.taskForceName ? { id: r.taskForceId, name: r.taskForceName } : null,
    owner: {
      kind: byUnit ? 'unit' : 'cadre',
      id: byUnit ? (r.ownerUnitId ?? '') : (r.personId ?? ''),
      name: (byUnit ? r.unitName : r.personName) ?? '',
      level: byUnit ? null : (r.personLevel as CadreLevel),
      unitName: r.unitName,
      personName: r.personName,
    },
    deadline: r.deadline,
    priority: r.priority,
    status: r.status,
    escalation: r.escalation,
    escalatedTo,
    regionCode: r.regionCode,
    subdistrictName: r.subdistrictName,
    lastProgress: r.lastNote && r.lastAt ? { note: r.lastNote, at: new Date(r.lastAt).toISOString() } : null,
    version: r.version,
  };
}

/** Ledger items in scope (or, for "my ledger", those the user answers for), most escalated first. */
export async function listLedger(
  db: Db,
  principal: Principal,
  q: LedgerListQuery,
  day: LedgerDay,
  mine?: string,
) {
  const where: SQL | undefined = and(
    mine ? eq(person.userId, mine) : scopeAndNamed(principal, ledgerItems.regionCode, ledgerItems.projectId),
    q.status ? eq(ledgerItems.status, q.status) : undefined,
    q.escalation ? eq(escalationSql(day), q.escalation) : undefined,
    q.region ? sql`${ledgerItems.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.projectId ? eq(ledgerItems.projectId, q.projectId) : undefined,
    q.taskForceId ? eq(ledgerItems.taskForceId, q.taskForceId) : undefined,
    q.q ? contains(ledgerItems.title, q.q) : undefined,
  );
  // Counted through the five owner joins only where the condition names an owner ("my ledger"):
  // building and planning them made a province's count three times as long (0.42 ms, now 0.14).
  const matching = (condition: SQL | undefined) => {
    const items = db.select(anyRow).from(ledgerItems).$dynamic();
    return (mine ? withOwners(items) : items).where(condition);
  };
  const page = await paged(
    db,
    matching(where),
    (limit, offset) => byEscalation(db, day, (part) => countOf(db, matching(part)), where, limit, offset),
    q,
  );
  return { ...page, items: page.items.map(present) };
}

/**
 * A page of `where`'s items most escalated first, each level by deadline, as `ledgerItemsWhere`
 * orders them. Among open items an earlier deadline is never less escalated, so that order is:
 * the open items due by the due-soon horizon, by deadline; then every other item, by deadline.
 * Sorting by the escalation read and sorted every item in scope (80 ms for a province's 70,000).
 */
function byEscalation(
  db: Db,
  day: LedgerDay,
  counted: (where: SQL | undefined) => Promise<number>,
  where: SQL | undefined,
  limit: number,
  offset: number,
) {
  return firstThenRest(
    (part, n, skip) =>
      select(db, day)
        .where(part)
        .orderBy(asc(ledgerItems.deadline), asc(ledgerItems.id))
        .limit(n)
        .offset(skip),
    counted,
    where,
    dueSoonOrOverdue(day),
    limit,
    offset,
  );
}

/** Every item matching `where` (a meeting's decisions, say), most escalated first. */
export async function ledgerItemsWhere(db: Db | Tx, where: SQL | undefined, day: LedgerDay) {
  const rows = await select(db, day)
    .where(where)
    .orderBy(desc(severity(day)), asc(ledgerItems.deadline), asc(ledgerItems.id));
  return rows.map(present);
}

/** One item as lists show it, by id: for an item the caller's access was checked on (`loadLedgerItem`). */
export async function ledgerItemById(db: Db | Tx, id: string, day: LedgerDay): Promise<LedgerItem | null> {
  const [row] = await select(db, day).where(eq(ledgerItems.id, id)).limit(1);
  return row ? present(row) : null;
}

/**
 * Open items that have gone up to `userId`: overdue items of the cadres they supervise, and
 * seriously overdue ones of those cadres' subordinates.
 */
export async function escalatedTo(db: Db, userId: string, day: LedgerDay) {
  const level = escalationSql(day);
  return withOwners(
    db.select({ id: ledgerItems.id, title: ledgerItems.title, level, owner: person.name }).from(ledgerItems),
  ).where(
    and(
      eq(ledgerItems.status, 'open'),
      or(
        and(eq(superior.userId, userId), sql`${level} IN ('overdue', 'seriously_overdue')`),
        and(eq(superior2.userId, userId), sql`${level} = 'seriously_overdue'`),
      ),
    ),
  );
}

/** Open items by escalation per subdistrict and per task force, the worst first: headquarters' board. */
export async function ledgerBoard(db: Db, principal: Principal, day: LedgerDay) {
  const level = escalationSql(day);
  const counts = {
    open: count(),
    dueSoon: sql<number>`count(*) FILTER (WHERE ${level} = 'due_soon')::int`,
    overdue: sql<number>`count(*) FILTER (WHERE ${level} = 'overdue')::int`,
    seriouslyOverdue: sql<number>`count(*) FILTER (WHERE ${level} = 'seriously_overdue')::int`,
  };
  const open = and(
    scopeAndNamed(principal, ledgerItems.regionCode, ledgerItems.projectId),
    eq(ledgerItems.status, 'open'),
  );
  const street = sql<string>`left(${ledgerItems.regionCode}, 9)`;
  const bySubdistrict = await db
    .select({
      regionCode: street,
      name: sql<string>`coalesce(max(${subdistrict.name}), ${street})`,
      ...counts,
    })
    .from(ledgerItems)
    .leftJoin(subdistrict, eq(subdistrict.code, street))
    .where(open)
    .groupBy(street);
  const byTaskForce = await db
    .select({ id: ledgerItems.taskForceId, name: sql<string | null>`max(${taskForces.name})`, ...counts })
    .from(ledgerItems)
    .leftJoin(taskForces, eq(taskForces.id, ledgerItems.taskForceId))
    .where(open)
    .groupBy(ledgerItems.taskForceId);
  return {
    today: day.today,
    bySubdistrict: bySubdistrict.sort(subdistrictsWorstFirst),
    byTaskForce: byTaskForce.sort(taskForcesWorstFirst),
  };
}
