import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Job } from '../../contract/imports.js';
import type { Db } from '../db/client.js';
import { jobs } from '../db/schema.js';
import { notFound } from './errors.js';

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
 */
export async function failInterruptedJobs(db: Db): Promise<void> {
  await db
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
    );
}
