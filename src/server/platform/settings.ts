import { eq } from 'drizzle-orm';
import { nationalOldCutoffYear } from '../../domain/inventory.js';
import type { Db, Tx } from '../db/client.js';
import { settings } from '../db/schema.js';

/** The year before which a compound counts as old: the district's setting, else the national 2000. */
export async function oldCutoffYear(db: Db | Tx): Promise<number> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'oldCutoffYear')).limit(1);
  return typeof row?.value === 'number' ? row.value : nationalOldCutoffYear;
}
