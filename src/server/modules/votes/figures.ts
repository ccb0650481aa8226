import { and, count, eq, sql } from 'drizzle-orm';
import type { VoteFigures } from '../../../contract/votes.js';
import { votes } from '../../db/schema.js';
import type { FiguresInput } from '../stats/figures.js';
import { voteRule } from './access.js';

/** Closed votes in scope that passed and that failed (quorum or approval, by area or headcount). */
export async function voteFigures({ db, principal }: FiguresInput): Promise<VoteFigures> {
  const [row] = await db
    .select({
      passed: count(sql`CASE WHEN ${votes.passed} THEN 1 END`),
      failed: count(sql`CASE WHEN NOT ${votes.passed} THEN 1 END`),
    })
    .from(votes)
    .where(and(eq(votes.status, 'closed'), voteRule(principal, 'read')));
  return { votesPassed: row?.passed ?? 0, votesFailed: row?.failed ?? 0 };
}
