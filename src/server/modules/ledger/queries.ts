import { aliasedTable, and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { LedgerItem, LedgerListQuery } from '../../../contract/ledger.js';
import { defaultEscalationPolicy, type Escalation } from '../../../domain/ledger.js';
import type { CadreLevel } from '../../../domain/projects.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, compounds, ledgerItems, ledgerProgress, projects, regions, units } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { contains, paged } from '../../platform/sql.js';

const owner = aliasedTable(cadres, 'owner');
const superior = aliasedTable(cadres, 'superior');
const superior2 = aliasedTable(cadres, 'superior2');
const subdistrict = aliasedTable(regions, 'subdistrict');
const policy = defaultEscalationPolicy;

/** The SQL form of domain escalation(): the same thresholds, so lists filter and sort by it. */
export const escalationSql = (today: string) => sql<Escalation>`CASE
  WHEN ${ledgerItems.status} <> 'open' THEN 'none'
  WHEN ${ledgerItems.deadline} < (${today}::date - ${policy.seriousAfterDays}::int) THEN 'seriously_overdue'
  WHEN ${ledgerItems.deadline} < ${today}::date THEN 'overdue'
  WHEN ${ledgerItems.deadline} <= (${today}::date + ${policy.dueSoonDays}::int) THEN 'due_soon'
  ELSE 'none' END`;

const severity = (today: string) => sql`CASE ${escalationSql(today)}
  WHEN 'seriously_overdue' THEN 3 WHEN 'overdue' THEN 2 WHEN 'due_soon' THEN 1 ELSE 0 END`;

function columns(today: string) {
  return {
    id: ledgerItems.id,
    title: ledgerItems.title,
    projectId: ledgerItems.projectId,
    compoundName: compounds.name,
    meetingId: ledgerItems.meetingId,
    ownerId: owner.id,
    ownerName: owner.name,
    ownerLevel: owner.level,
    unitName: units.name,
    deadline: ledgerItems.deadline,
    priority: ledgerItems.priority,
    status: ledgerItems.status,
    escalation: escalationSql(today),
    superiorName: superior.name,
    superior2Name: superior2.name,
    regionCode: ledgerItems.regionCode,
    subdistrictName: subdistrict.name,
    lastNote: sql<
      string | null
    >`(SELECT ${ledgerProgress.note} FROM ${ledgerProgress} WHERE ${ledgerProgress.itemId} = ${ledgerItems.id} ORDER BY ${ledgerProgress.createdAt} DESC LIMIT 1)`,
    lastAt: sql<
      string | null
    >`(SELECT ${ledgerProgress.createdAt}::text FROM ${ledgerProgress} WHERE ${ledgerProgress.itemId} = ${ledgerItems.id} ORDER BY ${ledgerProgress.createdAt} DESC LIMIT 1)`,
    version: ledgerItems.version,
  };
}

function select(db: Db | Tx, today: string) {
  return db
    .select(columns(today))
    .from(ledgerItems)
    .innerJoin(owner, eq(owner.id, ledgerItems.ownerCadreId))
    .leftJoin(units, eq(units.id, owner.unitId))
    .leftJoin(superior, eq(superior.id, owner.superiorId))
    .leftJoin(superior2, eq(superior2.id, superior.superiorId))
    .leftJoin(projects, eq(projects.id, ledgerItems.projectId))
    .leftJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(subdistrict, eq(subdistrict.code, sql`left(${ledgerItems.regionCode}, 9)`));
}

interface Row {
  id: string;
  title: string;
  projectId: string | null;
  compoundName: string | null;
  meetingId: string | null;
  ownerId: string;
  ownerName: string;
  ownerLevel: string;
  unitName: string | null;
  deadline: string;
  priority: string;
  status: string;
  escalation: Escalation;
  superiorName: string | null;
  superior2Name: string | null;
  regionCode: string;
  subdistrictName: string | null;
  lastNote: string | null;
  lastAt: string | null;
  version: number;
}

function present(r: Row): LedgerItem {
  const escalatedTo =
    r.escalation === 'seriously_overdue'
      ? (r.superior2Name ?? r.superiorName)
      : r.escalation === 'overdue'
        ? r.superiorName
        : null;
  return {
    id: r.id,
    title: r.title,
    projectId: r.projectId,
    compoundName: r.compoundName,
    meetingId: r.meetingId,
    owner: { id: r.ownerId, name: r.ownerName, level: r.ownerLevel as CadreLevel, unitName: r.unitName },
    deadline: r.deadline,
    priority: r.priority as LedgerItem['priority'],
    status: r.status as LedgerItem['status'],
    escalation: r.escalation,
    escalatedTo,
    regionCode: r.regionCode,
    subdistrictName: r.subdistrictName,
    lastProgress: r.lastNote && r.lastAt ? { note: r.lastNote, at: new Date(r.lastAt).toISOString() } : null,
    version: r.version,
  };
}

/** Ledger items in scope, the most escalated first, then by deadline. */
export async function listLedger(
  db: Db,
  principal: Principal,
  q: LedgerListQuery,
  today: string,
  mine?: string,
) {
  const where: SQL | undefined = and(
    mine ? eq(owner.userId, mine) : scopeWhere(principal, ledgerItems.regionCode),
    q.status ? eq(ledgerItems.status, q.status) : undefined,
    q.escalation ? eq(escalationSql(today), q.escalation) : undefined,
    q.region ? sql`${ledgerItems.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.projectId ? eq(ledgerItems.projectId, q.projectId) : undefined,
    q.q ? contains(ledgerItems.title, q.q) : undefined,
  );
  const page = await paged(
    () =>
      db
        .select({ n: count() })
        .from(ledgerItems)
        .innerJoin(owner, eq(owner.id, ledgerItems.ownerCadreId))
        .where(where),
    (limit, offset) =>
      select(db, today)
        .where(where)
        .orderBy(desc(severity(today)), asc(ledgerItems.deadline), asc(ledgerItems.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: (page.items as Row[]).map(present) };
}

export async function loadLedgerItem(db: Db | Tx, id: string, today: string): Promise<LedgerItem | null> {
  const [row] = await select(db, today).where(eq(ledgerItems.id, id)).limit(1);
  return row ? present(row as Row) : null;
}

/** Open items per subdistrict by escalation, for headquarters' supervision board. */
export async function ledgerBoard(db: Db, principal: Principal, today: string) {
  const level = escalationSql(today);
  const rows = await db
    .select({
      regionCode: sql<string>`left(${ledgerItems.regionCode}, 9)`,
      name: sql<string>`coalesce(max(${subdistrict.name}), left(${ledgerItems.regionCode}, 9))`,
      open: count(),
      dueSoon: sql<number>`count(*) FILTER (WHERE ${level} = 'due_soon')::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${level} = 'overdue')::int`,
      seriouslyOverdue: sql<number>`count(*) FILTER (WHERE ${level} = 'seriously_overdue')::int`,
    })
    .from(ledgerItems)
    .leftJoin(subdistrict, eq(subdistrict.code, sql`left(${ledgerItems.regionCode}, 9)`))
    .where(and(scopeWhere(principal, ledgerItems.regionCode), eq(ledgerItems.status, 'open')))
    .groupBy(sql`left(${ledgerItems.regionCode}, 9)`);
  const weight = (r: (typeof rows)[number]) => r.seriouslyOverdue * 1_000_000 + r.overdue * 1000 + r.dueSoon;
  return { today, bySubdistrict: rows.sort((a, b) => weight(b) - weight(a)) };
}
