/** Reading the inbox and one opinion, as staff see them (the contact masked by role). */
import { and, asc, count, desc, eq, gte, inArray, like, lt, type SQL } from 'drizzle-orm';
import type { Opinion, OpinionDetail, OpinionListQuery } from '../../../contract/opinions.js';
import { can } from '../../../domain/access.js';
import { maskRecord } from '../../../domain/masking.js';
import { addDays, type TicketStatus } from '../../../domain/quality.js';
import type { Db, Tx } from '../../db/client.js';
import { compounds, ledgerItems, opinions, photos, projects, tickets, users } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { found } from '../../platform/errors.js';
import { anyRow, paged } from '../../platform/sql.js';
import { projectRule } from '../projects/access.js';
import { opinionRule } from './access.js';

type Row = typeof opinions.$inferSelect;

/** The contact as the caller may see it: whole for those who see owners' phones, masked otherwise. */
const masked = (principal: Principal, contact: string | null) =>
  contact === null
    ? null
    : (maskRecord('opinion', { contact }, (a) => can(principal.role, a)) as { contact: string }).contact;

async function present(db: Db | Tx, principal: Principal, rows: Row[]): Promise<Opinion[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const names = await db
    .select({ id: compounds.id, name: compounds.name })
    .from(compounds)
    .where(inArray(compounds.id, [...new Set(rows.map((r) => r.compoundId))]));
  const pictures = await db
    .select({ opinionId: photos.opinionId, n: count() })
    .from(photos)
    .where(inArray(photos.opinionId, ids))
    .groupBy(photos.opinionId);
  return rows.map((r) => ({
    id: r.id,
    compoundId: r.compoundId,
    compoundName: names.find((c) => c.id === r.compoundId)?.name ?? '',
    regionCode: r.regionCode,
    category: r.category,
    text: r.text,
    contact: masked(principal, r.contact),
    status: r.status,
    answer: r.answer,
    createdAt: r.createdAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    photos: pictures.find((p) => p.opinionId === r.id)?.n ?? 0,
    version: r.version,
  }));
}

/** The inbox: opinions in scope, newest first, by status, category, compound, region and period. */
export async function listOpinions(db: Db | Tx, principal: Principal, q: OpinionListQuery) {
  const where: SQL | undefined = and(
    opinionRule(principal, 'read'),
    q.status ? eq(opinions.status, q.status) : undefined,
    q.category ? eq(opinions.category, q.category) : undefined,
    q.compoundId ? eq(opinions.compoundId, q.compoundId) : undefined,
    q.region ? like(opinions.regionCode, `${q.region}%`) : undefined,
    // The period is days in the district's time (UTC+8), both ends included.
    q.from ? gte(opinions.createdAt, new Date(`${q.from}T00:00:00+08:00`)) : undefined,
    q.to ? lt(opinions.createdAt, new Date(`${addDays(q.to, 1)}T00:00:00+08:00`)) : undefined,
  );
  const page = await paged(
    db,
    db.select(anyRow).from(opinions).where(where),
    (limit, offset) =>
      db
        .select()
        .from(opinions)
        .where(where)
        .orderBy(desc(opinions.createdAt), asc(opinions.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: await present(db, principal, page.items) };
}

/** One opinion with its photos, what it became, and its compound's projects (for a ticket). */
export async function opinionDetail(db: Db | Tx, principal: Principal, row: Row): Promise<OpinionDetail> {
  const [base] = await present(db, principal, [row]);
  const pictures = await db
    .select({ id: photos.id })
    .from(photos)
    .where(eq(photos.opinionId, row.id))
    .orderBy(asc(photos.createdAt));
  const [answerer] = row.answeredBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.answeredBy))
    : [];
  const [ticket] = row.ticketId
    ? await db
        .select({
          id: tickets.id,
          projectId: tickets.projectId,
          title: tickets.title,
          status: tickets.status,
        })
        .from(tickets)
        .where(eq(tickets.id, row.ticketId))
    : [];
  const [ledgerItem] = row.ledgerItemId
    ? await db
        .select({ id: ledgerItems.id, title: ledgerItems.title })
        .from(ledgerItems)
        .where(eq(ledgerItems.id, row.ledgerItemId))
    : [];
  const compoundProjects = await db
    .select({ id: projects.id, year: projects.year })
    .from(projects)
    .where(and(eq(projects.compoundId, row.compoundId), projectRule(principal, 'read')))
    .orderBy(desc(projects.year));
  const detail = found(base);
  return {
    ...detail,
    answeredBy: answerer?.name ?? null,
    photoIds: pictures.map((p) => p.id),
    ticket: ticket ? { ...ticket, status: ticket.status as TicketStatus } : null,
    ledgerItem: ledgerItem ?? null,
    projects: compoundProjects.map((p) => ({ ...p, name: `${detail.compoundName} ${p.year}年改造` })),
  };
}

/** Opinions received and not yet answered, turned or closed, within the caller's reach. */
export async function openOpinionCount(db: Db | Tx, principal: Principal): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(opinions)
    .where(and(opinionRule(principal, 'read'), eq(opinions.status, 'received')));
  return Number(row?.n ?? 0);
}
