import { count } from 'drizzle-orm';
import { defaultCatalogue } from '../../../domain/projects.js';
import type { Database } from '../../db/client.js';
import { catalogueItems } from '../../db/schema.js';
import { systemActor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';

/** Every install starts with the renovation catalogue (editable afterwards); loaded once. */
export async function seedCatalogue(database: Database): Promise<void> {
  const [existing] = await database.db.select({ n: count() }).from(catalogueItems);
  if ((existing?.n ?? 0) > 0) return;
  await write(database.db, systemActor('bootstrap'), async (tx, audit) => {
    await tx
      .insert(catalogueItems)
      .values(defaultCatalogue.map((c, i) => ({ ...c, sort: i + 1 })))
      .onConflictDoNothing();
    await audit({
      action: 'seed.catalogue',
      entityType: 'catalogue',
      after: { items: defaultCatalogue.length },
    });
  });
}
