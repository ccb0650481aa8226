import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { api } from '../../../contract/api.js';
import type { SheetKind } from '../../../contract/imports.js';
import { type Action, can } from '../../../domain/access.js';
import type { DbKind } from '../../db/client.js';
import { authorize } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Deps, route } from '../../platform/http.js';
import {
  createJob,
  expirePendingUploads,
  finishJob,
  jobProgress,
  loadJob,
  makeRoomForUpload,
  presentJob,
  updateJob,
} from '../../platform/jobs.js';
import { oldCutoffYear } from '../../platform/settings.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { attachment, saveUpload } from '../../platform/uploads.js';
import { exportSheet } from './export.js';
import { importSheet, importSpecs } from './import.js';
import { sheetSpecs } from './sheets.js';

const kindOf = (jobKind: string) => jobKind.replace(/^import\./, '') as SheetKind;

/**
 * The right a sheet of `kind` needs: the survey sheet is the illegal-structure register's, the
 * rest the inventory's. Read from the request as sent; an unknown kind is refused by validation.
 */
function sheetRight(kind: unknown, intent: 'read' | 'write'): Action {
  return kind === 'structures' ? `illegal.${intent}` : `inventory.${intent}`;
}
const kindSent = (req: { query: unknown; params: unknown }) =>
  (req.query as { kind?: unknown } | undefined)?.kind ?? (req.params as { kind?: unknown } | undefined)?.kind;

/** Run an import in the background, reporting progress into its job (at most once a second). */
function runImport(
  ctx: Ctx,
  dbKind: DbKind,
  job: { id: string; kind: SheetKind; file: string; fileName: string | null; dryRun: boolean },
) {
  const { db } = ctx;
  const { id: jobId, kind, file, fileName, dryRun } = job;
  let last = 0;
  const progress = (_phase: string, rows: number) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    void jobProgress(db, jobId, rows);
  };
  void importSheet(db, ctx.actor, kind, file, {
    dryRun,
    lang: ctx.lang,
    prefixes: ctx.principal.prefixes,
    fileName: fileName ?? undefined,
    dbKind,
    onProgress: progress,
    // Done is committed with the rows: a crash after the commit cannot leave the job "interrupted".
    onCommit: dryRun ? undefined : (tx, report) => finishJob(tx, jobId, report),
  })
    .then(async (report) => {
      const status = report.problemCount > 0 ? 'invalid' : dryRun ? 'validated' : 'done';
      // The file goes first: a job seen finished has left nothing behind.
      if (status !== 'validated') fs.rmSync(file, { force: true });
      if (status !== 'done')
        await updateJob(db, jobId, { status, progress: report.rows, result: { report } });
    })
    .catch(async (err: unknown) => {
      fs.rmSync(file, { force: true });
      await updateJob(db, jobId, {
        status: 'failed',
        result: { error: err instanceof Error ? err.message : String(err) },
      });
    });
}

export function sheetRoutes(app: FastifyInstance, deps: Deps) {
  const write = { action: (req: FastifyRequest) => sheetRight(kindSent(req), 'write') };
  const uploads = path.join(deps.config.dataDir, 'uploads');

  route(app, deps, api.uploadImport, write, async (ctx, { query, req }) => {
    // Checked uploads left waiting are bounded in time and per user, without a scheduler.
    await expirePendingUploads(ctx.db);
    await makeRoomForUpload(ctx.db, ctx.principal.userId);
    const file = await saveUpload(req.body, uploads, deps.config.uploadLimitBytes);
    // A file no job names would never be removed: if the job cannot be recorded, neither is the file.
    const job = await createJob(ctx.db, {
      kind: `import.${query.kind}`,
      status: 'validating',
      fileName: query.fileName,
      filePath: file,
      createdBy: ctx.principal.userId,
    }).catch((err: unknown) => {
      fs.rmSync(file, { force: true });
      throw err;
    });
    runImport(ctx, deps.kind, { id: job.id, kind: query.kind, file, fileName: query.fileName, dryRun: true });
    return presentJob(job);
  });

  route(app, deps, api.getJob, {}, async (ctx, { params }) =>
    presentJob(await loadJob(ctx.db, ctx.principal.userId, params.id)),
  );

  // The right depends on the job's sheet, known once it is loaded (a user sees only their own jobs).
  route(app, deps, api.confirmImport, {}, async (ctx, { params }) => {
    const job = await loadJob(ctx.db, ctx.principal.userId, params.id);
    await authorize(ctx, sheetRight(kindOf(job.kind), 'write'));
    if (job.status !== 'validated' || !job.filePath || !fs.existsSync(job.filePath))
      throw new AppError('CONFLICT');
    await updateJob(ctx.db, job.id, { status: 'importing', progress: 0 });
    runImport(ctx, deps.kind, {
      id: job.id,
      kind: kindOf(job.kind),
      file: job.filePath,
      fileName: job.fileName,
      dryRun: false,
    });
    return presentJob({ ...job, status: 'importing', progress: 0 });
  });

  const read = { action: (req: FastifyRequest) => sheetRight(kindSent(req), 'read') };
  route(app, deps, api.sheetTemplate, read, async (_ctx, { params, reply }) => {
    const spec = importSpecs[params.kind];
    const stream = new PassThrough();
    void writeSheet(stream, spec, []).catch((err: Error) => stream.destroy(err));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${spec.sheetName}-模板.xlsx`))
      .send(stream);
  });

  route(app, deps, api.exportSheet, { action: 'inventory.read' }, async (ctx, { params, query, reply }) => {
    const includePersonal = query.includePersonal === 'true';
    if (includePersonal) {
      await authorize(ctx, 'household.personal');
      await recordAudit(ctx.db, ctx.actor, {
        action: 'export.personal',
        entityType: params.kind,
        after: { filters: query },
      });
    }
    const { format, includePersonal: _, ...filters } = query;
    const spec = sheetSpecs[params.kind];
    const stream = new PassThrough();
    void exportSheet(ctx.db, ctx.principal, params.kind, stream, {
      filters,
      cutoff: await oldCutoffYear(ctx.db),
      format,
      includePersonal: includePersonal && can(ctx.principal.role, 'household.personal'),
    }).catch((err: Error) => stream.destroy(err));
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    return reply
      .type(
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      .header('content-disposition', attachment(`${spec.sheetName}-${day}.${format}`))
      .send(stream);
  });
}
