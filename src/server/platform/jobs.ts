import fs from 'node:fs';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Job } from '../../contract/imports.js';
import type { Db, Tx } from '../db/client.js';
import { jobs } from '../db/schema.js';
import { AppError, notFound } from './errors.js';

type Row = typeof jobs.$inferSelect;
type Status = Job['status'];

export function presentJob(r: Row): Job {
  const result = (r.result ?? {}) as { report?: Job['report']; error?: string };
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as Status,
    fileName: r.fileName,
    progress: r.progress,
    report: result.report ?? null,
    error: result.error ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function createJob(
  db: Db,
  values: { kind: string; status: Status; fileName: string; filePath: string; createdBy: string },
): Promise<Row> {
  const [row] = await db.insert(jobs).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Job bookkeeping (status, progress): not a business write, so not audited; the work itself is. */
export async function updateJob(
  db: Db,
  id: string,
  changes: { status?: Status; progress?: number; result?: { report?: Job['report']; error?: string } },
): Promise<void> {
  await db
    .update(jobs)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(jobs.id, id));
}

/**
 * A running job's progress: only while it runs, so a count queued behind the import's own
 * transaction cannot land after the job has finished.
 */
export async function jobProgress(db: Db, id: string, progress: number): Promise<void> {
  await db
    .update(jobs)
    .set({ progress, updatedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ['validating', 'importing'])));
}

/**
 * An import's job marked done inside the import's own transaction: the job says done exactly
 * when the rows are committed, whatever happens to the process after.
 */
export async function finishJob(tx: Tx, id: string, report: Job['report']): Promise<void> {
  await tx
    .update(jobs)
    .set({ status: 'done', progress: report?.rows ?? 0, result: { report }, updatedAt: new Date() })
    .where(eq(jobs.id, id));
}

/** A job is visible to the user who started it. */
export async function loadJob(db: Db, userId: string, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.createdBy, userId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/**
 * Jobs left running by a process that stopped will never finish: say so. A running job reports
 * progress every few seconds, so one silent for two minutes is dead (whichever instance ran it).
 * An import that committed is not among them: its job became done in the same transaction.
 */
export async function failInterruptedJobs(db: Db): Promise<void> {
  const failed = await db
    .update(jobs)
    .set({
      status: 'failed',
      result: { error: 'interrupted: the server stopped while this ran; upload the file again' },
    })
    .where(
      and(
        inArray(jobs.status, ['validating', 'importing']),
        lt(jobs.updatedAt, new Date(Date.now() - 120_000)),
      ),
    )
    .returning({ filePath: jobs.filePath });
  removeFiles(failed);
}

/** Uploads checked and waiting for their user to confirm them, at most, per user. */
export const maxPendingUploads = 5;
/** How long a checked upload waits to be confirmed before it expires. */
export const pendingUploadHours = 24;

/** The statuses whose job still needs its file. */
export const liveStatuses = ['validating', 'validated', 'importing'] as const;

function removeFiles(rows: readonly { filePath: string | null }[]): void {
  for (const { filePath } of rows) if (filePath) fs.rmSync(filePath, { force: true });
}

/**
 * Checked uploads not confirmed within `pendingUploadHours` expire: the job says so and its file
 * is removed. Run at start and at every upload, so no scheduler is needed.
 */
export async function expirePendingUploads(db: Db, now = new Date()): Promise<void> {
  const expired = await db
    .update(jobs)
    .set({
      status: 'failed',
      result: {
        error: `expired: checked more than ${pendingUploadHours} hours ago and never confirmed; upload the file again`,
      },
      updatedAt: now,
    })
    .where(
      and(
        eq(jobs.status, 'validated'),
        lt(jobs.updatedAt, new Date(now.getTime() - pendingUploadHours * 3_600_000)),
      ),
    )
    .returning({ filePath: jobs.filePath });
  removeFiles(expired);
}

/**
 * Room for one more upload of this user: at most `maxPendingUploads` of theirs may be checking
 * or checked and waiting. Past that the oldest checked one is dropped (its file removed), since
 * a user who uploads again has moved on from it and there is no other way to discard one; only
 * when all of them are still being checked is the new one refused, for a moment.
 */
export async function makeRoomForUpload(db: Db, userId: string): Promise<void> {
  const pending = await db
    .select({ id: jobs.id, status: jobs.status, filePath: jobs.filePath })
    .from(jobs)
    .where(and(eq(jobs.createdBy, userId), inArray(jobs.status, ['validating', 'validated'])))
    .orderBy(asc(jobs.createdAt));
  const excess = pending.length - maxPendingUploads + 1;
  if (excess <= 0) return;
  const dropped = pending.filter((j) => j.status === 'validated').slice(0, excess);
  if (dropped.length < excess) throw new AppError('RATE_LIMITED');
  const gone = await db
    .update(jobs)
    .set({
      status: 'failed',
      result: {
        error: `superseded: more than ${maxPendingUploads} checked uploads were waiting to be confirmed, and this was the oldest; upload it again`,
      },
      updatedAt: new Date(),
    })
    .where(
      and(
        inArray(
          jobs.id,
          dropped.map((j) => j.id),
        ),
        eq(jobs.status, 'validated'),
      ),
    )
    .returning({ filePath: jobs.filePath });
  removeFiles(gone);
}

/** The files jobs still need (checking, checked and waiting, importing). */
export async function liveUploadFiles(db: Db): Promise<Set<string>> {
  const rows = await db
    .select({ filePath: jobs.filePath })
    .from(jobs)
    .where(inArray(jobs.status, [...liveStatuses]));
  return new Set(rows.flatMap((r) => (r.filePath ? [r.filePath] : [])));
}
