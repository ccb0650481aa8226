/**
 * The resident's side, without an account: the form's categories and challenge, sending an
 * opinion (with its photo, images only) for a receipt code, and reading it back by that code. A
 * receipt shows only its own opinion and never the contact; a wrong code is a plain 404.
 */
import { createHash, randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { PublicOpinion, PublicOpinionBody, PublicOpinionForm } from '../../../contract/opinions.js';
import { normaliseReceipt, receiptBytes, receiptCode } from '../../../domain/opinions.js';
import { imageType } from '../../../domain/photos.js';
import type { Db, Tx } from '../../db/client.js';
import { compounds, opinions, photos } from '../../db/schema.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { opinionCategories } from '../../platform/settings.js';
import { insertPhoto } from '../photos/service.js';
import { issueChallenge, useChallenge } from './challenge.js';
import { refusal } from './messages.js';

/** Who sends: a resident without an account, known to the trail by address only. */
export const residentActor = (ip: string | null): Actor => ({ id: null, name: 'resident', ip });

const receiptHash = (normalised: string) => createHash('sha256').update(normalised).digest('hex');

async function compoundOf(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ id: compounds.id, name: compounds.name, regionCode: compounds.regionCode })
    .from(compounds)
    .where(eq(compounds.id, id));
  if (!row) throw notFound();
  return row;
}

export async function opinionForm(db: Db, compoundId: string): Promise<PublicOpinionForm> {
  const compound = await compoundOf(db, compoundId);
  return {
    compoundName: compound.name,
    categories: await opinionCategories(db),
    challenge: await issueChallenge(db, compound.id),
  };
}

/** A photo sent with the opinion: its name and bytes, judged by the bytes alone. */
export interface SentPhoto {
  fileName: string;
  bytes: Buffer;
}

/**
 * Receive an opinion: the challenge is used up, the category must be one of the district's, the
 * photo (if any) must be an image; all in one transaction, so a refusal stores nothing. Answers
 * the receipt code, the only time it is ever shown.
 */
export async function sendOpinion(
  db: Db,
  actor: Actor,
  compoundId: string,
  input: PublicOpinionBody,
  photo: SentPhoto | null = null,
): Promise<{ receipt: string }> {
  if (photo && !imageType(photo.bytes)) throw new AppError('VALIDATION_FAILED', { photo: 'not_an_image' });
  const receipt = receiptCode(randomBytes(receiptBytes));
  await write(db, actor, async (tx, audit) => {
    const compound = await compoundOf(tx, compoundId);
    const problem = await useChallenge(tx, compound.id, input.challenge, input.answer);
    if (problem) throw new AppError('VALIDATION_FAILED', { answer: refusal(problem, 'zh-CN') });
    if (!(await opinionCategories(tx)).includes(input.category))
      throw new AppError('VALIDATION_FAILED', { category: refusal('unknown_category', 'zh-CN') });
    const [row] = await tx
      .insert(opinions)
      .values({
        compoundId: compound.id,
        regionCode: compound.regionCode,
        category: input.category,
        text: input.text,
        contact: input.contact || null,
        receiptHash: receiptHash(normaliseReceipt(receipt) ?? receipt),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const { receiptHash: _, ...shown } = row;
    await audit({
      action: 'opinion.receive',
      entityType: 'opinion',
      entityId: row.id,
      regionCode: row.regionCode,
      after: shown,
    });
    if (photo)
      await insertPhoto(
        tx,
        audit,
        { opinionId: row.id, regionCode: row.regionCode },
        photo.fileName,
        photo.bytes,
        { entityType: 'opinion', entityId: row.id },
        null,
        'photo',
      );
  });
  return { receipt };
}

async function byReceipt(db: Db | Tx, code: string) {
  const normalised = normaliseReceipt(code);
  if (!normalised) throw notFound();
  const [row] = await db
    .select({ opinion: opinions, compoundName: compounds.name })
    .from(opinions)
    .innerJoin(compounds, eq(compounds.id, opinions.compoundId))
    .where(eq(opinions.receiptHash, receiptHash(normalised)));
  if (!row) throw notFound();
  return row;
}

/** The opinion a receipt names: its category, text, status, answer and dates; never the contact. */
export async function publicOpinion(db: Db, code: string): Promise<PublicOpinion> {
  const { opinion, compoundName } = await byReceipt(db, code);
  return {
    compoundName,
    category: opinion.category,
    text: opinion.text,
    status: opinion.status,
    answer: opinion.answer,
    createdAt: opinion.createdAt.toISOString(),
    answeredAt: opinion.answeredAt?.toISOString() ?? null,
  };
}

/** How long after sending the one photo may still follow (a phone that sent the text first). */
const photoWindowMs = 60 * 60 * 1000;

/** The one photo of an opinion, by its receipt, within an hour of sending it. */
export async function addPhotoByReceipt(db: Db, actor: Actor, code: string, fileName: string, bytes: Buffer) {
  const { opinion } = await byReceipt(db, code);
  if (Date.now() - opinion.createdAt.getTime() > photoWindowMs)
    throw new AppError('VALIDATION_FAILED', { photo: refusal('photo_too_late', 'zh-CN') });
  await write(db, actor, async (tx, audit) => {
    const [has] = await tx.select({ n: count() }).from(photos).where(eq(photos.opinionId, opinion.id));
    if ((has?.n ?? 0) > 0)
      throw new AppError('VALIDATION_FAILED', { photo: refusal('photo_exists', 'zh-CN') });
    await insertPhoto(
      tx,
      audit,
      { opinionId: opinion.id, regionCode: opinion.regionCode },
      fileName,
      bytes,
      { entityType: 'opinion', entityId: opinion.id },
      null,
      'photo',
    );
  });
  return { ok: true as const };
}
