import { eq } from 'drizzle-orm';
import { nationalOldCutoffYear } from '../../domain/inventory.js';
import type { Db, Tx } from '../db/client.js';
import { settings } from '../db/schema.js';
import type { Actor } from './audit.js';
import { write } from './context.js';
import { AppError } from './errors.js';

/** The year before which a compound counts as old: the district's setting, else the national 2000. */
export async function oldCutoffYear(db: Db | Tx): Promise<number> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'oldCutoffYear')).limit(1);
  return typeof row?.value === 'number' ? row.value : nationalOldCutoffYear;
}

/** Change the old-compound cut-off year (audited); every figure and filter follows at once. */
export async function setOldCutoffYear(db: Db, actor: Actor, year: number): Promise<void> {
  if (!Number.isInteger(year) || year < 1949 || year > new Date().getFullYear()) {
    throw new AppError('VALIDATION_FAILED', {
      oldCutoffYear: { text: `not a year between 1949 and now: ${year}` },
    });
  }
  await write(db, actor, async (tx, audit) => {
    const before = await oldCutoffYear(tx);
    await tx
      .insert(settings)
      .values({ key: 'oldCutoffYear', value: year })
      .onConflictDoUpdate({ target: settings.key, set: { value: year } });
    await audit({
      action: 'settings.update',
      entityType: 'setting',
      entityId: 'oldCutoffYear',
      before,
      after: year,
    });
  });
}
