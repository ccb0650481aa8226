/**
 * Residents' opinions and complaints (群众意见): the public side without an account (a compound's
 * form with its challenge, the receipt code, the answer read back by receipt) and the staff inbox
 * (answer, close, turn into a rectification ticket or a supervision-ledger item).
 */
import { z } from 'zod';
import { priorities } from '../domain/ledger.js';
import { opinionStatuses } from '../domain/opinions.js';
import { ticketStatuses } from '../domain/quality.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

export { opinionStatuses };

/** Field limits of the public form, shared by the server and the pages. */
export const opinionLimits = {
  text: { max: 2000 },
  contact: { max: 50 },
  answer: { max: 2000 },
  /** A photo from the public form (the pages' multipart body stays under this plus the text). */
  photoBytes: 8 * 1024 * 1024,
} as const;

const Id = z.object({ id: z.uuid() });
const day = z.iso.date();
const body = (max: number) => text().trim().min(1).max(max);

/** A challenge issued with the form: answer its question and send the token back, once, before it expires. */
export const OpinionChallenge = z.object({
  token: text(),
  question: text(),
  expiresAt: text(),
});
export type OpinionChallenge = z.infer<typeof OpinionChallenge>;

/** What the public form needs: the compound's name, the categories and a fresh challenge. */
export const PublicOpinionForm = z.object({
  compoundName: text(),
  categories: z.array(text()),
  challenge: OpinionChallenge,
});
export type PublicOpinionForm = z.infer<typeof PublicOpinionForm>;

export const PublicOpinionBody = z.strictObject({
  category: body(limits.name.max),
  text: body(opinionLimits.text.max),
  /** A phone number or other way to reach the sender; staff only, never public. */
  contact: text().trim().max(opinionLimits.contact.max).nullable().default(null),
  challenge: text().max(400),
  answer: text().max(20),
});
export type PublicOpinionBody = z.infer<typeof PublicOpinionBody>;

/** The receipt code, shown to the sender once: the only way back to the opinion and its answer. */
export const OpinionReceipt = z.object({ receipt: text() });

/** What a receipt shows: only that opinion, never its contact. */
export const PublicOpinion = z.object({
  compoundName: text(),
  category: text(),
  text: text(),
  status: z.enum(opinionStatuses),
  answer: text().nullable(),
  createdAt: text(),
  answeredAt: text().nullable(),
});
export type PublicOpinion = z.infer<typeof PublicOpinion>;

const Receipt = z.object({ code: text().max(60) });

export const OpinionListQuery = PageQuery.extend({
  status: z.enum(opinionStatuses).optional(),
  category: text().max(limits.name.max).optional(),
  compoundId: z.uuid().optional(),
  region: regionCode.optional(),
  from: day.optional(),
  to: day.optional(),
});
export type OpinionListQuery = z.infer<typeof OpinionListQuery>;

/** An opinion as staff see it; the contact masked for roles that do not see owners' phones. */
export const Opinion = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  regionCode: text(),
  category: text(),
  text: text(),
  contact: text().nullable(),
  status: z.enum(opinionStatuses),
  answer: text().nullable(),
  createdAt: text(),
  answeredAt: text().nullable(),
  photos: z.number().int(),
  version: z.number().int(),
});
export type Opinion = z.infer<typeof Opinion>;
export const OpinionPage = pageOf(Opinion);

export const OpinionDetail = Opinion.extend({
  answeredBy: text().nullable(),
  photoIds: z.array(text()),
  ticket: z
    .object({ id: text(), projectId: text(), title: text(), status: z.enum(ticketStatuses) })
    .nullable(),
  ledgerItem: z.object({ id: text(), title: text() }).nullable(),
  /** The compound's projects, to turn the opinion into a ticket on one of them. */
  projects: z.array(z.object({ id: text(), year: z.number().int(), name: text() })),
});
export type OpinionDetail = z.infer<typeof OpinionDetail>;

export const AnswerOpinionBody = z.strictObject({
  version: z.number().int(),
  answer: body(opinionLimits.answer.max),
});
export const CloseOpinionBody = z.strictObject({ version: z.number().int() });
export const OpinionTicketBody = z.strictObject({
  version: z.number().int(),
  projectId: z.uuid(),
  title: body(limits.title.max),
  deadline: day,
});
export type OpinionTicketBody = z.infer<typeof OpinionTicketBody>;
export const OpinionLedgerBody = z.strictObject({
  version: z.number().int(),
  title: body(limits.title.max),
  ownerCadreId: z.uuid().optional(),
  ownerUnitId: z.uuid().optional(),
  deadline: day,
  priority: z.enum(priorities).default('normal'),
  projectId: z.uuid().optional(),
});
export type OpinionLedgerBody = z.infer<typeof OpinionLedgerBody>;

export const opinionsEndpoints = {
  publicOpinionForm: endpoint({
    method: 'GET',
    path: '/api/public/compounds/:id/opinion-form',
    summary: 'A compound’s opinion form: its categories and a fresh challenge (no session)',
    tag: 'public',
    params: Id,
    response: PublicOpinionForm,
  }),
  publicSendOpinion: endpoint({
    method: 'POST',
    path: '/api/public/compounds/:id/opinions',
    summary:
      'Send an opinion on a compound with the answered challenge (no session); answers the receipt code',
    tag: 'public',
    params: Id,
    body: PublicOpinionBody,
    response: OpinionReceipt,
    status: 201,
  }),
  publicOpinionPhoto: endpoint({
    method: 'POST',
    path: '/api/public/opinions/:code/photo',
    summary: 'Add the one photo of a just-sent opinion by its receipt code (JPEG, PNG or WebP; no session)',
    tag: 'public',
    params: Receipt,
    upload: true,
    response: z.object({ ok: z.literal(true) }),
    status: 201,
  }),
  publicOpinion: endpoint({
    method: 'GET',
    path: '/api/public/opinions/:code',
    summary: 'An opinion and its answer by receipt code (no session; a wrong code is a 404)',
    tag: 'public',
    params: Receipt,
    response: PublicOpinion,
  }),
  listOpinions: endpoint({
    method: 'GET',
    path: '/api/opinions',
    summary: 'Residents’ opinions in scope (the inbox)',
    tag: 'opinions',
    query: OpinionListQuery,
    response: OpinionPage,
  }),
  getOpinion: endpoint({
    method: 'GET',
    path: '/api/opinions/:id',
    summary: 'One opinion with its photos and what it became',
    tag: 'opinions',
    params: Id,
    response: OpinionDetail,
  }),
  answerOpinion: endpoint({
    method: 'POST',
    path: '/api/opinions/:id/answer',
    summary: 'Answer an opinion (public through its receipt)',
    tag: 'opinions',
    params: Id,
    body: AnswerOpinionBody,
    response: OpinionDetail,
  }),
  opinionToTicket: endpoint({
    method: 'POST',
    path: '/api/opinions/:id/ticket',
    summary: 'Turn an opinion into a rectification ticket on a project of its compound',
    tag: 'opinions',
    params: Id,
    body: OpinionTicketBody,
    response: OpinionDetail,
  }),
  opinionToLedger: endpoint({
    method: 'POST',
    path: '/api/opinions/:id/ledger-item',
    summary: 'Turn an opinion into a supervision-ledger item',
    tag: 'opinions',
    params: Id,
    body: OpinionLedgerBody,
    response: OpinionDetail,
  }),
  closeOpinion: endpoint({
    method: 'POST',
    path: '/api/opinions/:id/close',
    summary: 'Close an opinion',
    tag: 'opinions',
    params: Id,
    body: CloseOpinionBody,
    response: OpinionDetail,
  }),
} as const;

/** The opinions area's part of the summary. */
export const OpinionFigures = z.object({
  /** Opinions received and not yet answered, turned into a ticket or ledger item, or closed. */
  openOpinions: z.number().int(),
});
export type OpinionFigures = z.infer<typeof OpinionFigures>;
