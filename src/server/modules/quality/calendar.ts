/** The working-day calendar: public holidays and make-up working days, an editable table. */
import { asc, between, gte, sql } from 'drizzle-orm';
import { type Calendar, type CalendarDay, calendarOf, defaultCalendar } from '../../../domain/quality.js';
import type { Database, Db, Tx } from '../../db/client.js';
import { workingCalendar } from '../../db/schema.js';
import { systemActor } from '../../platform/audit.js';
import { type Ctx, write } from '../../platform/context.js';

/**
 * Every install has the State Council's schedule as far as it is known: at each start, the default
 * days of every year the table has no day of are added (a new release brings next year's). A year
 * with any row is the administrator's and is never touched again, edited or not.
 */
export async function seedCalendar(database: Database): Promise<void> {
  const had = await database.db
    .selectDistinct({ year: sql<string>`left(${workingCalendar.date}::text, 4)` })
    .from(workingCalendar);
  const known = new Set(had.map((r) => r.year));
  const missing = defaultCalendar.filter((d) => !known.has(d.date.slice(0, 4)));
  if (missing.length === 0) return;
  await write(database.db, systemActor('bootstrap'), async (tx, audit) => {
    await tx
      .insert(workingCalendar)
      .values([...missing])
      .onConflictDoNothing();
    await audit({
      action: 'calendar.update',
      entityType: 'calendar',
      after: { years: [...new Set(missing.map((d) => d.date.slice(0, 4)))], days: missing.length },
    });
  });
}

/** The calendar's overrides from `from` on (the rules only ever look forward from a notice). */
export async function calendarFrom(db: Db | Tx, from = '1900-01-01'): Promise<Calendar> {
  return calendarOf(await db.select().from(workingCalendar).where(gte(workingCalendar.date, from)));
}

export async function listCalendar(db: Db | Tx): Promise<CalendarDay[]> {
  return db.select().from(workingCalendar).orderBy(asc(workingCalendar.date));
}

/** Replace the days of the years the table lists (a year not listed keeps its days). */
export async function setCalendar(ctx: Ctx, days: readonly CalendarDay[]): Promise<CalendarDay[]> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await listCalendar(tx);
    const years = [...new Set(days.map((d) => d.date.slice(0, 4)))];
    for (const year of years)
      await tx.delete(workingCalendar).where(between(workingCalendar.date, `${year}-01-01`, `${year}-12-31`));
    if (days.length) await tx.insert(workingCalendar).values([...days]);
    const after = await listCalendar(tx);
    await audit({ action: 'calendar.update', entityType: 'calendar', before, after });
    return after;
  });
}
