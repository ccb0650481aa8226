import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '../../../contract/api.js';
import { opinionLimits, PublicOpinionBody } from '../../../contract/opinions.js';
import { districtToday } from '../../../domain/ledger.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import { AppError } from '../../platform/errors.js';
import { type Deps, publicRoute, route } from '../../platform/http.js';
import { readUpload } from '../../platform/uploads.js';
import { loadOpinion } from './access.js';
import { answerOpinion, closeOpinion, opinionToLedger, opinionToTicket } from './commands.js';
import { floodMessage } from './messages.js';
import { type FormValues, formPage, messagePage, receiptPage, sentPage } from './pages.js';
import {
  addPhotoByReceipt,
  opinionForm,
  publicOpinion,
  residentActor,
  type SentPhoto,
  sendOpinion,
} from './public.js';
import { listOpinions, opinionDetail } from './queries.js';

const hour = 60 * 60 * 1000;
/** Reading a receipt: enough for a family, far too few to guess 128 bits. */
const codeRate = { max: 30, timeWindow: 60_000 };
/** Forms (each issues a challenge): a person reloads a few times, a script is slowed. */
const formRate = { max: 60, timeWindow: 60_000 };
/** The largest form a resident may send: the photo and the text, with room for the form's own parts. */
const formBodyLimit = opinionLimits.photoBytes + 64 * 1024;

export function opinionRoutes(app: FastifyInstance, deps: Deps) {
  const read = { action: 'opinion.read' } as const;
  const handle = { action: 'opinion.handle' } as const;
  route(app, deps, api.listOpinions, read, async (ctx, { query }) =>
    listOpinions(ctx.db, ctx.principal, query),
  );
  route(app, deps, api.getOpinion, read, async (ctx, { params }) =>
    opinionDetail(ctx.db, ctx.principal, await loadOpinion(ctx, params.id, 'read')),
  );
  route(app, deps, api.answerOpinion, handle, async (ctx, { params, body }) =>
    opinionDetail(ctx.db, ctx.principal, await answerOpinion(ctx, params.id, body)),
  );
  route(app, deps, api.closeOpinion, handle, async (ctx, { params, body }) =>
    opinionDetail(ctx.db, ctx.principal, await closeOpinion(ctx, params.id, body)),
  );
  route(app, deps, api.opinionToTicket, handle, async (ctx, { params, body }) =>
    opinionDetail(ctx.db, ctx.principal, await opinionToTicket(ctx, params.id, body, districtToday())),
  );
  route(app, deps, api.opinionToLedger, handle, async (ctx, { params, body }) =>
    opinionDetail(ctx.db, ctx.principal, await opinionToLedger(ctx, params.id, body, districtToday())),
  );

  // Residents, without an account.
  publicRoute(app, api.publicOpinionForm, { rateLimit: formRate }, async (_ctx, { params }) =>
    opinionForm(deps.db, params.id),
  );
  publicRoute(app, api.publicOpinion, { rateLimit: codeRate }, async (_ctx, { params }) =>
    publicOpinion(deps.db, params.code),
  );

  // Sending is limited per client address and per compound, whichever way it comes (JSON or the
  // page's form): a flood is answered 429 and costs the server one counter each.
  const { perAddressPerHour, perCompoundPerHour } = deps.config.opinionLimits;
  const perAddress = app.createRateLimit({
    max: perAddressPerHour,
    timeWindow: hour,
    keyGenerator: (req) => `opinion-address:${req.ip}`,
  });
  const perCompound = app.createRateLimit({
    max: perCompoundPerHour,
    timeWindow: hour,
    keyGenerator: (req) =>
      `opinion-compound:${(req.params as { id?: string; compoundId?: string }).id ?? (req.params as { compoundId?: string }).compoundId}`,
  });
  const flood = async (req: FastifyRequest) => {
    if (req.method !== 'POST') return;
    const params = req.params as { id?: string; compoundId?: string };
    const limits = params.id || params.compoundId ? [perAddress, perCompound] : [perAddress];
    for (const limit of limits) {
      const result = await limit(req);
      if (!result.isAllowed && result.isExceeded)
        throw new AppError('RATE_LIMITED', { opinion: { text: floodMessage['zh-CN'] } });
    }
  };

  void app.register(async (json) => {
    json.addHook('onRequest', flood);
    publicRoute(json, api.publicSendOpinion, {}, async (_ctx, { params, body, req }) =>
      sendOpinion(deps.db, residentActor(req.ip), params.id, body),
    );
    publicRoute(json, api.publicOpinionPhoto, {}, async (_ctx, { params, req }) =>
      addPhotoByReceipt(
        deps.db,
        residentActor(req.ip),
        params.code,
        'photo',
        await readUpload(req.body, photoMaxBytes),
      ),
    );
  });

  void app.register(async (pages) => {
    pages.addHook('onRequest', flood);
    // The form posts as a browser does without script: multipart (with the photo) or urlencoded.
    pages.addContentTypeParser(
      ['multipart/form-data', 'application/x-www-form-urlencoded'],
      { parseAs: 'buffer', bodyLimit: formBodyLimit },
      (_req, body, done) => done(null, body),
    );
    pages.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
      if (err instanceof AppError && err.code === 'RATE_LIMITED')
        return page(reply, 429, messagePage('提交过于频繁', floodMessage['zh-CN']));
      if (err instanceof AppError && err.code === 'NOT_FOUND') return notFoundPage(reply);
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return page(
          reply,
          413,
          messagePage('提交的内容过大', '照片不能超过 8 MB，请换一张较小的照片后重新提交。'),
        );
      if (err.statusCode && err.statusCode < 500)
        return page(reply, err.statusCode, messagePage('无法处理该请求', '请返回上一页重新填写后提交。'));
      req.log.error({ err }, 'unhandled error');
      return page(reply, 500, messagePage('服务器内部错误', '请稍后再试。'));
    });

    pages.get<{ Params: { compoundId: string } }>('/p/c/:compoundId/opinion', async (req, reply) => {
      const id = uuidOr404(req.params.compoundId);
      const form = await opinionForm(deps.db, id);
      return page(reply, 200, formPage({ compoundId: id, ...form }));
    });

    pages.post<{ Params: { compoundId: string } }>('/p/c/:compoundId/opinion', async (req, reply) => {
      const id = uuidOr404(req.params.compoundId);
      const { fields, photo } = await readForm(req);
      const values: FormValues = { category: fields.category, text: fields.text, contact: fields.contact };
      const again = async (errors: Record<string, string>, status: number) => {
        const form = await opinionForm(deps.db, id);
        return page(reply, status, formPage({ compoundId: id, ...form, values, errors }));
      };
      const parsed = PublicOpinionBody.safeParse({
        category: fields.category ?? '',
        text: fields.text ?? '',
        contact: fields.contact ? fields.contact : null,
        challenge: fields.challenge ?? '',
        answer: fields.answer ?? '',
      });
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'form');
          errors[field] ??= formProblems[field] ?? '提交的内容有误，请检查后重新提交';
        }
        return again(errors, 400);
      }
      try {
        const { receipt } = await sendOpinion(deps.db, residentActor(req.ip), id, parsed.data, photo);
        return page(reply, 201, sentPage(receipt));
      } catch (err) {
        if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
          const rendered = err.render('zh-CN').error.fields ?? {};
          return again(rendered, 400);
        }
        throw err;
      }
    });

    pages.get<{ Querystring: { code?: string } }>('/p/r', async (req, reply) =>
      reply.redirect(`/p/r/${encodeURIComponent(String(req.query.code ?? '').trim())}`, 303),
    );
    pages.get<{ Params: { code: string } }>('/p/r/:code', async (req, reply) =>
      page(reply, 200, receiptPage(await publicOpinion(deps.db, req.params.code))),
    );
  });
}

/** What each field of the page's form is told when it is missing or too long. */
const formProblems: Record<string, string> = {
  category: '请选择意见类别',
  text: `请填写意见内容（最多 ${opinionLimits.text.max} 字）`,
  contact: `联系方式最多 ${opinionLimits.contact.max} 个字符`,
  answer: '请填写验证题的答案',
  challenge: '验证题已失效，请重新作答',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidOr404(id: string): string {
  if (!uuid.test(id)) throw new AppError('NOT_FOUND');
  return id.toLowerCase();
}

function page(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function notFoundPage(reply: FastifyReply) {
  return page(reply, 404, messagePage('找不到该页面', '链接或回执码不正确，请核对后重试。'));
}

/** The page's form as a browser sends it: text fields, and the photo when one was chosen. */
async function readForm(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; photo: SentPhoto | null }> {
  const type = req.headers['content-type'];
  if (!Buffer.isBuffer(req.body) || !type) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let data: FormData;
  try {
    data = await new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('VALIDATION_FAILED', { form: { text: '表单内容无法读取，请重新提交' } });
  }
  const fields: Record<string, string> = {};
  let photo: SentPhoto | null = null;
  for (const [name, value] of data.entries()) {
    if (typeof value === 'string') {
      if (!(name in fields)) fields[name] = value;
    } else if (name === 'photo' && value.size > 0 && !photo) {
      photo = {
        fileName: value.name.slice(0, 200) || 'photo',
        bytes: Buffer.from(await value.arrayBuffer()),
      };
    }
  }
  return { fields, photo };
}
