import { and, between, count, inArray, lt, sql } from 'drizzle-orm';
import type { QualityFigures } from '../../../contract/quality.js';
import { completedProjectStatuses } from '../../../domain/inventory.js';
import { districtToday } from '../../../domain/ledger.js';
import { openTicketStatuses } from '../../../domain/quality.js';
import { projects, tickets } from '../../db/schema.js';
import { holds } from '../../platform/access.js';
import { projectRule } from '../projects/access.js';
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
  const [t] = await db
    .select({
      open: count(),
      overdue: sql<number>`count(*) FILTER (WHERE ${inArray(tickets.status, ['open', 'reopened'])} AND ${lt(tickets.deadline, districtToday())})::int`,
    })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, [...openTicketStatuses]),
        sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.id} = ${tickets.projectId} AND ${holds(projectRule(principal, 'read'))})`,
      ),
    );
  return { acceptedProjects: int(accepted?.n), openTickets: int(t?.open), overdueTickets: int(t?.overdue) };
}
