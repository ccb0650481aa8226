import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { User, UserListQuery } from '../../../contract/users.js';
import type { Role } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { cadres, users } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { anyRow, contains, paged } from '../../platform/sql.js';

type Row = typeof users.$inferSelect;

/** The public shape of a user: never the password hash or the failure counters. */
export function presentUser(r: Row, cadreId: string | null = null): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as Role,
    scopeRegions: r.scopeRegions,
    disabled: r.disabled,
    lockedUntil: r.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil.toISOString() : null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    cadreId,
  };
}

const sorts = {
  username: asc(users.username),
  '-username': desc(users.username),
  createdAt: asc(users.createdAt),
  '-createdAt': desc(users.createdAt),
  lastLoginAt: asc(users.lastLoginAt),
  '-lastLoginAt': desc(users.lastLoginAt),
} satisfies Record<UserListQuery['sort'], SQL>;

export async function listUsers(db: Db, principal: Principal, q: UserListQuery) {
  const where = and(
    scopeWhere(principal, users.regionCode),
    q.q ? or(contains(users.username, q.q), contains(users.displayName, q.q)) : undefined,
    q.role ? eq(users.role, q.role) : undefined,
    q.disabled ? eq(users.disabled, q.disabled === 'true') : undefined,
  );
  const page = await paged(
    db,
    db.select(anyRow).from(users).where(where),
    (limit, offset) =>
      db
        .select({ user: users, cadreId: cadreOfUser })
        .from(users)
        .where(where)
        .orderBy(sorts[q.sort], asc(users.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: page.items.map((r) => presentUser(r.user, r.cadreId)) };
}

const cadreOfUser = sql<
  string | null
>`(SELECT ${cadres.id} FROM ${cadres} WHERE ${cadres.userId} = ${users.id} LIMIT 1)`;

/** The cadre a user is linked to, if any. */
export async function cadreIdOf(db: Db | Tx, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: cadres.id }).from(cadres).where(eq(cadres.userId, userId)).limit(1);
  return row?.id ?? null;
}

/** Load one user inside the principal's scope, or 404 (never reveal that it exists elsewhere). */
export async function loadUser(db: Db | Tx, principal: Principal, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), scopeWhere(principal, users.regionCode)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}
