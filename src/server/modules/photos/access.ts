/**
 * A photo is reached as what it belongs to is: a site photo of a project's item as its project,
 * evidence on a progress report as that report's ledger item (its owner too, wherever the item
 * sits), a photo of an illegal structure as that structure, a ballot's scan as its vote, a
 * facility's photo as its facility, a resident's photo as their opinion. The photo's own region
 * code is only a copy for the audit trail.
 */
import { and, eq, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import {
  facilities,
  illegalStructures,
  ledgerItems,
  ledgerProgress,
  opinions,
  photos,
  projects,
  voteBallots,
  votes,
} from '../../db/schema.js';
import { type AccessRule, holds, type Intent, requireAccess } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';
import { facilityRule } from '../facilities/access.js';
import { structureRule } from '../illegal/access.js';
import { ledgerItemRule } from '../ledger/access.js';
import { opinionRule } from '../opinions/access.js';
import { projectRule } from '../projects/access.js';
import { voteRule } from '../votes/access.js';

const photoRule: AccessRule = (p: Principal, intent: Intent): SQL =>
  or(
    and(
      isNotNull(photos.projectId),
      sql`EXISTS (SELECT 1 FROM ${projects}
        WHERE ${projects.id} = ${photos.projectId} AND ${holds(projectRule(p, intent))})`,
    ),
    and(
      isNotNull(photos.progressId),
      sql`EXISTS (SELECT 1 FROM ${ledgerProgress} JOIN ${ledgerItems} ON ${ledgerItems.id} = ${ledgerProgress.itemId}
        WHERE ${ledgerProgress.id} = ${photos.progressId} AND ${holds(ledgerItemRule(p, intent))})`,
    ),
    and(
      isNotNull(photos.structureId),
      sql`EXISTS (SELECT 1 FROM ${illegalStructures}
        WHERE ${illegalStructures.id} = ${photos.structureId} AND ${holds(structureRule(p, intent))})`,
    ),
    and(
      isNotNull(photos.ballotId),
      sql`EXISTS (SELECT 1 FROM ${voteBallots} JOIN ${votes} ON ${votes.id} = ${voteBallots.voteId}
        WHERE ${voteBallots.id} = ${photos.ballotId} AND ${holds(voteRule(p, intent))})`,
    ),
    and(
      isNotNull(photos.facilityId),
      sql`EXISTS (SELECT 1 FROM ${facilities}
        WHERE ${facilities.id} = ${photos.facilityId} AND ${holds(facilityRule(p, intent))})`,
    ),
    and(
      isNotNull(photos.opinionId),
      sql`EXISTS (SELECT 1 FROM ${opinions}
        WHERE ${opinions.id} = ${photos.opinionId} AND ${holds(opinionRule(p, intent))})`,
    ),
  ) as SQL;

/** A photo the caller may reach with `intent`, or 404 (403 to change one they may only see). */
export async function loadPhoto(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'photo', id }, intent, photoRule, (access) =>
    db
      .select()
      .from(photos)
      .where(and(eq(photos.id, id), access))
      .limit(1),
  );
}
