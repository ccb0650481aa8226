import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Case-insensitive "contains" with the user's text taken literally (no wildcards of theirs). */
export function contains(column: AnyPgColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} ILIKE ${`%${escaped}%`}`;
}

/** Count and page rows of one filtered query. */
export async function paged<T>(
  count: () => Promise<{ n: number }[]>,
  rows: (limit: number, offset: number) => Promise<T[]>,
  page: { page: number; pageSize: number },
): Promise<{ items: T[]; total: number; page: number; pageSize: number }> {
  const [total, items] = await Promise.all([count(), rows(page.pageSize, (page.page - 1) * page.pageSize)]);
  return { items, total: total[0]?.n ?? 0, page: page.page, pageSize: page.pageSize };
}
