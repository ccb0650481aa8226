import { and, eq } from 'drizzle-orm';
import { photoMaxBytes } from '../../../domain/photos.js';
import { catalogueItems, projectItems } from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readUpload } from '../../platform/uploads.js';
import { storePhoto } from '../photos/service.js';
import { loadProject } from './access.js';

/** A site photo of one of the project's renovation items. */
export async function addItemPhoto(
  ctx: Ctx,
  projectId: string,
  code: string,
  fileName: string,
  body: unknown,
) {
  const project = await loadProject(ctx, projectId, 'write');
  const [item] = await ctx.db
    .select({ id: catalogueItems.id })
    .from(projectItems)
    .innerJoin(catalogueItems, eq(catalogueItems.id, projectItems.catalogueItemId))
    .where(and(eq(projectItems.projectId, project.id), eq(catalogueItems.code, code)));
  if (!item) throw new AppError('VALIDATION_FAILED', { code: 'not_found' });
  // Taken in only once the project and item are known to be the caller's.
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(
    ctx,
    { projectId: project.id, catalogueItemId: item.id, regionCode: project.regionCode },
    fileName,
    bytes,
    { entityType: 'project', entityId: project.id },
  );
}
