import { and, asc, count, eq, sql } from 'drizzle-orm';
import type {
  CatalogueItem,
  CreateCatalogueItemBody,
  UpdateCatalogueItemBody,
} from '../../../contract/projects.js';
import { defaultCatalogue, type itemCategories } from '../../../domain/projects.js';
import type { Database, Db, Tx } from '../../db/client.js';
import { catalogueItems } from '../../db/schema.js';
import { systemActor } from '../../platform/audit.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, found, notFound } from '../../platform/errors.js';

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

const present = (r: typeof catalogueItems.$inferSelect): CatalogueItem => ({
  code: r.code,
  name: r.name,
  category: r.category as (typeof itemCategories)[number],
  unit: r.unit,
  mandatory: r.mandatory,
  active: r.active,
  sort: r.sort,
  version: r.version,
});

/** The catalogue in its order, retired items included (flagged) so old projects still read. */
export async function listCatalogue(db: Db | Tx) {
  const rows = await db
    .select()
    .from(catalogueItems)
    .orderBy(asc(catalogueItems.sort), asc(catalogueItems.code));
  return { items: rows.map(present) };
}

export async function createCatalogueItem(ctx: Ctx, input: CreateCatalogueItemBody): Promise<CatalogueItem> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const [taken] = await tx
      .select({ id: catalogueItems.id })
      .from(catalogueItems)
      .where(eq(catalogueItems.code, input.code));
    if (taken) throw new AppError('VALIDATION_FAILED', { code: 'taken' });
    const [row] = await tx.insert(catalogueItems).values(input).returning();
    await audit({
      action: 'catalogue.create',
      entityType: 'catalogue_item',
      entityId: input.code,
      after: row,
    });
    return present(found(row));
  });
}

/**
 * Edit an item or retire it (`active: false`). A change of `mandatory` takes effect at once for
 * every project's acceptance check; a retired item no longer counts as mandatory.
 */
export async function updateCatalogueItem(
  ctx: Ctx,
  code: string,
  input: UpdateCatalogueItemBody,
): Promise<CatalogueItem> {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const [before] = await tx.select().from(catalogueItems).where(eq(catalogueItems.code, code));
    if (!before) throw notFound();
    const { version, ...changes } = input;
    const [after] = await tx
      .update(catalogueItems)
      .set({ ...changes, version: sql`${catalogueItems.version} + 1` })
      .where(and(eq(catalogueItems.code, code), eq(catalogueItems.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({ action: 'catalogue.update', entityType: 'catalogue_item', entityId: code, before, after });
    return present(after);
  });
}
