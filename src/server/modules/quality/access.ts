/**
 * Who reaches a firm, and the quality records of a project. Firms are a district registry:
 * everyone signed in may look at one (contractors and supervisors at the firms of their projects),
 * and `firm.manage` (asked by the route) may change it. Quality records are children of their
 * project and are reached through `loadProject` (404 outside it, 403 to change what one may only see).
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import {
  concealedWorks,
  firms,
  inspections,
  materialSamples,
  projectFirms,
  projects,
  tickets,
} from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { projectRule } from '../projects/access.js';

export const firmRule: AccessRule = (p) =>
  projectScoped(p.role)
    ? sql`EXISTS (SELECT 1 FROM ${projectFirms} JOIN ${projects} ON ${projects.id} = ${projectFirms.projectId}
        WHERE ${projectFirms.firmId} = ${firms.id} AND ${projectRule(p, 'read')})`
    : undefined;

/** A firm the caller may reach with `intent`, or 404. */
export async function loadFirm(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'firm', id }, intent, firmRule, (access) =>
    db
      .select()
      .from(firms)
      .where(and(eq(firms.id, id), access))
      .limit(1),
  );
}

const records = {
  inspection: inspections,
  concealed_work: concealedWorks,
  ticket: tickets,
  material_sample: materialSamples,
} as const;
type RecordKind = keyof typeof records;

/**
 * An inspection, a concealed-works request, a ticket or a material sample with its project, reached as the project
 * is (404 outside it; 403 to change one the caller may only see).
 */
export async function loadRecord<K extends RecordKind>(
  ctx: Ctx,
  kind: K,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
): Promise<{ record: (typeof records)[K]['$inferSelect']; project: typeof projects.$inferSelect }> {
  // The tables share the columns used here (id, project_id); one select serves them all.
  const table = records[kind] as unknown as typeof tickets;
  const row = await requireAccess(ctx, db, { type: kind, id }, intent, projectRule, (access) =>
    db
      .select({ record: table, project: projects })
      .from(table)
      .innerJoin(projects, eq(projects.id, table.projectId))
      .where(and(eq(table.id, id), access))
      .limit(1),
  );
  return row as unknown as {
    record: (typeof records)[K]['$inferSelect'];
    project: typeof projects.$inferSelect;
  };
}

export const loadConcealed = (ctx: Ctx, id: string, intent: Intent, db?: Db | Tx) =>
  loadRecord(ctx, 'concealed_work', id, intent, db);
export const loadTicket = (ctx: Ctx, id: string, intent: Intent, db?: Db | Tx) =>
  loadRecord(ctx, 'ticket', id, intent, db);
