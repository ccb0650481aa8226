/** Past meetings: the list (newest first, in scope) and one meeting with the items it created. */
import { aliasedTable, and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { MeetingDetail, MeetingListQuery } from '../../../contract/ledger.js';
import type { LedgerDay } from '../../../domain/ledger.js';
import type { Db } from '../../db/client.js';
import { compounds, ledgerItems, meetings, projects, regions } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { scopeAndNamed } from '../projects/access.js';
import { ledgerItemsWhere } from './queries.js';

const subdistrict = aliasedTable(regions, 'meeting_subdistrict');
type Kind = MeetingDetail['kind'];

const decisions = sql<number>`(SELECT count(*)::int FROM ${ledgerItems} WHERE ${ledgerItems.meetingId} = ${meetings.id})`;
const openDecisions = sql<number>`(SELECT count(*)::int FROM ${ledgerItems}
  WHERE ${ledgerItems.meetingId} = ${meetings.id} AND ${ledgerItems.status} = 'open')`;

function select(db: Db) {
  return db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      heldOn: meetings.heldOn,
      attendees: meetings.attendees,
      problems: meetings.problems,
      projectId: meetings.projectId,
      compoundName: compounds.name,
      regionCode: meetings.regionCode,
      subdistrictName: subdistrict.name,
      decisions,
      openDecisions,
    })
    .from(meetings)
    .leftJoin(projects, eq(projects.id, meetings.projectId))
    .leftJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(subdistrict, eq(subdistrict.code, sql`left(${meetings.regionCode}, 9)`));
}

export async function listMeetings(db: Db, principal: Principal, q: MeetingListQuery) {
  const where: SQL | undefined = and(
    scopeAndNamed(principal, meetings.regionCode, meetings.projectId),
    q.kind ? eq(meetings.kind, q.kind) : undefined,
    q.from ? gte(meetings.heldOn, q.from) : undefined,
    q.to ? lte(meetings.heldOn, q.to) : undefined,
    q.projectId ? eq(meetings.projectId, q.projectId) : undefined,
    q.q ? contains(meetings.title, q.q) : undefined,
  );
  const page = await paged(
    db,
    db.select(anyRow).from(meetings).where(where),
    (limit, offset) =>
      select(db)
        .where(where)
        .orderBy(desc(meetings.heldOn), desc(meetings.createdAt), desc(meetings.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return {
    ...page,
    items: page.items.map(({ attendees: _a, problems: _p, ...m }) => ({ ...m, kind: m.kind as Kind })),
  };
}

/** One meeting in scope (else 404) with the ledger items its decisions created, those in scope. */
export async function meetingDetail(
  db: Db,
  principal: Principal,
  id: string,
  day: LedgerDay,
): Promise<MeetingDetail> {
  const [row] = await select(db)
    .where(and(eq(meetings.id, id), scopeAndNamed(principal, meetings.regionCode, meetings.projectId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const items = await ledgerItemsWhere(
    db,
    and(
      eq(ledgerItems.meetingId, id),
      scopeAndNamed(principal, ledgerItems.regionCode, ledgerItems.projectId),
    ),
    day,
  );
  const { decisions: _d, openDecisions: _o, ...meeting } = row;
  return { ...meeting, kind: meeting.kind as Kind, items };
}
