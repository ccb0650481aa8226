import { and, between, count, eq, inArray, lt, sql } from 'drizzle-orm';
import type { QualityFigures } from '../../../contract/quality.js';
import { completedProjectStatuses } from '../../../domain/inventory.js';
import { districtToday } from '../../../domain/ledger.js';
import { openTicketStatuses } from '../../../domain/quality.js';
import { projects, tickets } from '../../db/schema.js';
import { projectRule } from '../projects/access.js';
import { type AreaBreakdown, byKey, dimensionKey, inRegion, keyOf, num } from '../stats/breakdown.js';
import { type FiguresInput, int } from '../stats/figures.js';

/** Accepted projects of the period, and open and overdue tickets now, on the projects in reach. */
export async function qualityFigures({
  db,
  principal,
  fromYear,
  toYear,
}: FiguresInput): Promise<QualityFigures> {
  const [accepted] = await db
    .select({ n: count() })
    .from(projects)
    .where(
      and(
        projectRule(principal, 'read'),
        between(projects.year, fromYear, toYear),
        inArray(projects.status, [...completedProjectStatuses]),
      ),
    );
  // Overdue as `ticketOverdue` has it: waiting on the contractor (open, reopened) past the deadline.
  // Every ticket has its project: only a caller with a bounded reach needs them looked up.
  const reach = projectRule(principal, 'read');
  const [t] = await db
    .select({
      open: count(),
      overdue: sql<number>`count(*) FILTER (WHERE ${inArray(tickets.status, ['open', 'reopened'])} AND ${lt(tickets.deadline, districtToday())})::int`,
    })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, [...openTicketStatuses]),
        reach &&
          sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.id} = ${tickets.projectId} AND ${reach})`,
      ),
    );
  return { acceptedProjects: int(accepted?.n), openTickets: int(t?.open), overdueTickets: int(t?.overdue) };
}

type TicketMeasure = 'openTickets' | 'overdueTickets';
const ticketDimensions = ['subdistrict', 'community', 'year', 'status'] as const;

/** Open and overdue rectification tickets now, by their project's region or year, or by the ticket's status. */
export const ticketBreakdown: AreaBreakdown<TicketMeasure> = {
  area: 'quality',
  action: 'project.read',
  measures: {
    openTickets: { label: '未销号整改单', unit: '件', dimensions: ticketDimensions },
    overdueTickets: { label: '逾期整改单', unit: '件', dimensions: ticketDimensions },
  },
  labels: { status: { open: '待整改', reopened: '已退回', evidence_uploaded: '待核验' } },
  async count({ db, principal, region }, by) {
    const key = dimensionKey(by, {
      region: projects.regionCode,
      year: projects.year,
      status: tickets.status,
    });
    const query = db
      .select({
        key: keyOf(key),
        open: count(),
        overdue: sql<number>`count(*) FILTER (WHERE ${inArray(tickets.status, ['open', 'reopened'])} AND ${lt(tickets.deadline, districtToday())})::int`,
      })
      .from(tickets)
      .innerJoin(projects, eq(projects.id, tickets.projectId))
      .where(
        and(
          inArray(tickets.status, [...openTicketStatuses]),
          projectRule(principal, 'read'),
          inRegion(projects.regionCode, region),
        ),
      );
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: { openTickets: num(r.open), overdueTickets: num(r.overdue) },
    }));
  },
};
