/**
 * Photos kept in the database: site photos of renovation items, evidence on ledger progress
 * reports, quality records' photos; and documents (a sample's lab report, a tender's bid
 * documents), which may also be PDFs. What a file is comes from its first bytes, never its name
 * or declared type.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AuditEntityType } from '../../../contract/audit.js';
import { type AttachmentKind, fileType } from '../../../domain/photos.js';
import type { Tx } from '../../db/client.js';
import { photos } from '../../db/schema.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, found, notFound } from '../../platform/errors.js';
import { loadPhoto } from './access.js';

/**
 * What a photo belongs to: a project's item, a progress report, one of a project's quality records,
 * an illegal structure, a paper ballot of an owners' vote (its scan), or a service facility.
 */
type Owner =
  | { projectId: string; catalogueItemId: string; progressId?: undefined; regionCode: string }
  | { progressId: string; projectId?: undefined; catalogueItemId?: undefined; regionCode: string }
  | {
      projectId: string;
      regionCode: string;
      inspectionId?: string;
      concealedWorkId?: string;
      ticketId?: string;
      /** A resident supervisor's report (its problem, not its fix). */
      reportId?: string;
      /** When the camera took it, as the phone reported. */
      takenAt?: Date;
      /** A material sample's lab report (a document). */
      sampleId?: string;
      /** One of a tender's bid documents (a document), keyed by its project. */
      tenderId?: string;
    }
  | { structureId: string; regionCode: string }
  | { ballotId: string; regionCode: string }
  | { facilityId: string; regionCode: string };

/** Documents are what a lab report or a tender's documents are; everything else is a photo. */
export const attachmentKind = (owner: object): AttachmentKind =>
  ('sampleId' in owner && owner.sampleId) || ('tenderId' in owner && owner.tenderId) ? 'document' : 'photo';

/** Keep one photo (or document), audited against the record it documents. */
export async function storePhoto(
  ctx: Ctx,
  owner: Owner,
  fileName: string,
  bytes: Buffer,
  subject: { entityType: AuditEntityType; entityId: string },
) {
  return write(ctx.db, ctx.actor, (tx, audit) =>
    insertPhoto(tx, audit, owner, fileName, bytes, subject, ctx.principal.userId),
  );
}

/** What the bytes are, or a 400 naming `field`: a photo must be an image, a document a PDF or an image. */
function refuseUnlessFits(bytes: Buffer, kind: AttachmentKind, field: string) {
  const contentType = fileType(bytes, kind);
  if (!contentType)
    throw new AppError('VALIDATION_FAILED', {
      [field]: kind === 'document' ? 'not_a_document' : 'not_an_image',
    });
  return contentType;
}

/**
 * Keep one photo inside an open write (a resident's opinion and its photo are one transaction);
 * what it is comes from its bytes: anything but a JPEG, PNG or WebP image is refused (for a
 * document, a PDF is taken too).
 */
export async function insertPhoto(
  tx: Tx,
  audit: Audit,
  owner: Owner | { opinionId: string; regionCode: string },
  fileName: string,
  bytes: Buffer,
  subject: { entityType: AuditEntityType; entityId: string },
  createdBy: string | null,
  field = 'file',
) {
  const contentType = refuseUnlessFits(bytes, attachmentKind(owner), field);
  const [row] = await tx
    .insert(photos)
    .values({
      ...owner,
      fileName,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      createdBy,
    })
    .returning({
      id: photos.id,
      fileName: photos.fileName,
      size: photos.size,
      createdAt: photos.createdAt,
      takenAt: photos.takenAt,
      sha256: photos.sha256,
      contentType: photos.contentType,
    });
  const photo = found(row);
  await audit({
    action: 'photo.add',
    ...subject,
    regionCode: owner.regionCode,
    after: { photo: photo.id, fileName, size: photo.size, sha256: photo.sha256 },
  });
  return {
    id: photo.id,
    fileName: photo.fileName,
    size: photo.size,
    createdAt: photo.createdAt.toISOString(),
    takenAt: photo.takenAt?.toISOString() ?? null,
    contentType: photo.contentType,
  };
}

/** Remove a site photo of an item. Evidence on a progress report stays, as the report does. */
export async function deletePhoto(ctx: Ctx, id: string) {
  const photo = await loadPhoto(ctx, id, 'write');
  // Evidence and structures' photos are not removable: there is no removable photo by this id.
  if (photo.catalogueItemId === null || photo.projectId === null) throw notFound();
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const [row] = await tx.delete(photos).where(eq(photos.id, id)).returning({ id: photos.id });
    found(row);
    await audit({
      action: 'photo.remove',
      entityType: 'project',
      entityId: photo.projectId,
      regionCode: photo.regionCode,
      before: { photo: id, fileName: photo.fileName, sha256: photo.sha256 },
    });
  });
  return { ok: true as const };
}
