import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { api } from '../../../contract/api.js';
import type { SheetKind } from '../../../contract/imports.js';
import { can } from '../../../domain/access.js';
import type { DbKind } from '../../db/client.js';
import { authorize } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Deps, route } from '../../platform/http.js';
import { createJob, loadJob, presentJob, updateJob } from '../../platform/jobs.js';
import { oldCutoffYear } from '../../platform/settings.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { attachment, saveUpload } from '../../platform/uploads.js';
import { exportSheet } from './export.js';
import { importSheet } from './import.js';
import { sheetSpecs } from './sheets.js';

const kindOf = (jobKind: string) => jobKind.replace(/^import\./, '') as SheetKind;

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
    void updateJob(db, jobId, { progress: rows });
  };
  void importSheet(db, ctx.actor, kind, file, {
    dryRun,
    lang: ctx.lang,
    prefixes: ctx.principal.prefixes,
    fileName: fileName ?? undefined,
    dbKind,
    onProgress: progress,
  })
    .then(async (report) => {
      const status = report.problemCount > 0 ? 'invalid' : dryRun ? 'validated' : 'done';
      await updateJob(db, jobId, { status, progress: report.rows, result: { report } });
      if (status !== 'validated') fs.rmSync(file, { force: true });
    })
    .catch(async (err: unknown) => {
      await updateJob(db, jobId, {
        status: 'failed',
        result: { error: err instanceof Error ? err.message : String(err) },
      });
      fs.rmSync(file, { force: true });
    });
}

export function sheetRoutes(app: FastifyInstance, deps: Deps) {
  const write = { action: 'inventory.write' } as const;
  const uploads = path.join(deps.config.dataDir, 'uploads');

  route(app, deps, api.uploadImport, write, async (ctx, { query, req }) => {
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

  route(app, deps, api.confirmImport, write, async (ctx, { params }) => {
    const job = await loadJob(ctx.db, ctx.principal.userId, params.id);
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

  route(app, deps, api.sheetTemplate, { action: 'inventory.read' }, async (_ctx, { params, reply }) => {
    const spec = sheetSpecs[params.kind];
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
