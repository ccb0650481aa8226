import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationList, notificationKinds } from '../../../contract/notifications.js';
import { escalation, type LedgerDay } from '../../../domain/ledger.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, compounds, ledgerItems, notifications, projects } from '../../db/schema.js';
import { escalatedTo, person, withOwners } from '../ledger/queries.js';

type Kind = (typeof notificationKinds)[number];

/**
 * Tell users about something, inside the write that caused it. A subject is notified once per
 * kind and user (so a reminder is not repeated). In-app only for now; other channels can read
 * the same rows.
 */
export async function notify(
  tx: Tx | Db,
  userIds: readonly (string | null | undefined)[],
  n: { kind: Kind; title: string; link: string | null; subject: string },
): Promise<void> {
  const to = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  if (to.length === 0) return;
  await tx
    .insert(notifications)
    .values(to.map((userId) => ({ userId, ...n })))
    .onConflictDoNothing();
}

/** The users behind a set of cadres (those with a login). */
export async function usersOfCadres(tx: Tx | Db, cadreIds: readonly (string | null)[]): Promise<string[]> {
  const ids = cadreIds.filter((c): c is string => c !== null);
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ userId: cadres.userId })
    .from(cadres)
    .where(and(inArray(cadres.id, ids), isNotNull(cadres.userId)));
  return rows.map((r) => r.userId).filter((u): u is string => u !== null);
}

/**
 * Due-soon, overdue and escalation reminders are derived, like the escalation itself: they are
 * raised when the user looks, once per item and level — for the items the user answers for,
 * and for the overdue items that have gone up to them as a superior.
 */
async function raiseReminders(db: Db, userId: string, day: LedgerDay): Promise<void> {
  const own: { id: string; title: string; deadline: string }[] = await withOwners(
    db
      .select({ id: ledgerItems.id, title: ledgerItems.title, deadline: ledgerItems.deadline })
      .from(ledgerItems),
  ).where(and(eq(person.userId, userId), eq(ledgerItems.status, 'open')));
  const reminders: (typeof notifications.$inferInsert)[] = [];
  for (const item of own) {
    const level = escalation({ status: 'open', deadline: item.deadline }, day.today, day.policy);
    if (level === 'none') continue;
    reminders.push({
      userId,
      kind: level === 'due_soon' ? 'due_soon' : 'overdue',
      title: item.title,
      link: '/ledger/mine',
      subject: `ledger:${item.id}:${level}`,
    });
  }
  for (const item of await escalatedTo(db, userId, day)) {
    reminders.push({
      userId,
      kind: 'escalated',
      title: `${item.owner ?? ''}：${item.title}`,
      link: '/ledger/board',
      subject: `ledger:${item.id}:escalated:${item.level}`,
    });
  }
  // One statement for them all, on every poll: those already raised are left as they are.
  if (reminders.length > 0) await db.insert(notifications).values(reminders).onConflictDoNothing();
}

export async function listNotifications(
  db: Db,
  userId: string,
  day: LedgerDay,
): Promise<z.infer<typeof NotificationList>> {
  await raiseReminders(db, userId, day);
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(50);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const about = await projectsAbout(
    db,
    rows.map((r) => r.subject),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as Kind,
      title: r.title,
      link: r.link,
      project: about.get(r.subject ?? '') ?? null,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
    unread: unread?.n ?? 0,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The project each subject is about: `project:<id>:…` names it, `ledger:<item id>:…` through
 * the item. Looked up when listed, so a notification shows the compound as it is named today.
 */
async function projectsAbout(db: Db, subjects: (string | null)[]) {
  const parsed = subjects.flatMap((subject) => {
    const [kind, id] = (subject ?? '').split(':');
    return (kind === 'project' || kind === 'ledger') && id && uuidPattern.test(id)
      ? [{ subject: subject as string, kind, id }]
      : [];
  });
  const itemIds = [...new Set(parsed.filter((p) => p.kind === 'ledger').map((p) => p.id))];
  const itemProject = new Map(
    itemIds.length
      ? (
          await db
            .select({ id: ledgerItems.id, projectId: ledgerItems.projectId })
            .from(ledgerItems)
            .where(inArray(ledgerItems.id, itemIds))
        ).map((r) => [r.id, r.projectId])
      : [],
  );
  const projectOf = (p: (typeof parsed)[number]) => (p.kind === 'project' ? p.id : itemProject.get(p.id));
  const projectIds = [...new Set(parsed.map(projectOf).filter((id): id is string => Boolean(id)))];
  const named = new Map(
    projectIds.length
      ? (
          await db
            .select({ id: projects.id, compoundName: compounds.name, year: projects.year })
            .from(projects)
            .innerJoin(compounds, eq(compounds.id, projects.compoundId))
            .where(inArray(projects.id, projectIds))
        ).map((r) => [r.id, r])
      : [],
  );
  const about = new Map<string, { id: string; compoundName: string; year: number }>();
  for (const p of parsed) {
    const project = named.get(projectOf(p) ?? '');
    if (project) about.set(p.subject, project);
  }
  return about;
}

/** Reading one's notifications is bookkeeping, like a session's last-seen time: not audited. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all'): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all'
          ? undefined
          : inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']),
      ),
    );
}
