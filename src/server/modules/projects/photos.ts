import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { imageType } from '../../../domain/photos.js';
import type { Db } from '../../db/client.js';
import { catalogueItems, photos, projectItems } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, found } from '../../platform/errors.js';
import { loadProject } from './queries.js';

/** Keep a site photo of one of the project's items: a real JPEG, PNG or WebP, whatever its name says. */
export async function addPhoto(ctx: Ctx, projectId: string, code: string, fileName: string, bytes: Buffer) {
  const contentType = imageType(bytes);
  if (!contentType) throw new AppError('VALIDATION_FAILED', { file: 'not_an_image' });
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(tx, ctx.principal, projectId);
    const [item] = await tx
      .select({ id: catalogueItems.id })
      .from(projectItems)
      .innerJoin(catalogueItems, eq(catalogueItems.id, projectItems.catalogueItemId))
      .where(and(eq(projectItems.projectId, project.id), eq(catalogueItems.code, code)));
    if (!item) throw new AppError('VALIDATION_FAILED', { code: 'not_found' });
    const [row] = await tx
      .insert(photos)
      .values({
        projectId: project.id,
        catalogueItemId: item.id,
        regionCode: project.regionCode,
        fileName,
        contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        createdBy: ctx.principal.userId,
      })
      .returning({
        id: photos.id,
        fileName: photos.fileName,
        size: photos.size,
        createdAt: photos.createdAt,
        sha256: photos.sha256,
      });
    const photo = found(row);
    await audit({
      action: 'photo.add',
      entityType: 'project',
      entityId: project.id,
      regionCode: project.regionCode,
      after: { photo: photo.id, item: code, fileName, size: photo.size, sha256: photo.sha256 },
    });
    return {
      id: photo.id,
      fileName: photo.fileName,
      size: photo.size,
      createdAt: photo.createdAt.toISOString(),
    };
  });
}

/** A photo inside the caller's scope, or 404. */
export async function loadPhoto(db: Db, ctx: Pick<Ctx, 'principal'>, id: string) {
  const [row] = await db
    .select()
    .from(photos)
    .where(and(eq(photos.id, id), scopeWhere(ctx.principal, photos.regionCode)));
  return found(row);
}

export async function deletePhoto(ctx: Ctx, id: string) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const [row] = await tx
      .delete(photos)
      .where(and(eq(photos.id, id), scopeWhere(ctx.principal, photos.regionCode)))
      .returning({
        projectId: photos.projectId,
        regionCode: photos.regionCode,
        fileName: photos.fileName,
        sha256: photos.sha256,
      });
    const gone = found(row);
    await audit({
      action: 'photo.remove',
      entityType: 'project',
      entityId: gone.projectId,
      regionCode: gone.regionCode,
      before: { photo: id, fileName: gone.fileName, sha256: gone.sha256 },
    });
  });
  return { ok: true as const };
}
