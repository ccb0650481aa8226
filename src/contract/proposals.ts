import { z } from 'zod';
import {
  disclosures,
  feedbackLevels,
  proposalKinds,
  proposalStatuses,
  proposalSteps,
  raiseProblems,
} from '../domain/proposals.js';
import { limits, PageQuery, pageOf, text } from './common.js';
import { endpoint } from './endpoint.js';
import { Summary } from './stats.js';

/** The lists are the domain's (src/domain/proposals.ts); the contract and its clients take them from here. */
export { disclosures, feedbackLevels, proposalKinds, proposalStatuses, proposalSteps, raiseProblems };

/** The summary figures a template's placeholders may name (every number of the summary). */
export const placeholderFigures: readonly string[] = Object.keys(Summary.shape).filter(
  (k) => k !== 'fromYear' && k !== 'toYear',
);

const day = z.iso.date();
const Id = z.object({ id: z.uuid() });
const name = text().trim().min(1).max(limits.name.max);
const note = text().trim().max(limits.shortNote.max);
/** A template's or reply's body: paragraphs, `# ` headings, `{{figure|period|region|format}}` placeholders. */
const letterBody = text().max(limits.letterBody.max);

export const ProposalListQuery = PageQuery.extend({
  status: z.enum(proposalStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: text().max(limits.search.max).optional(),
});
export type ProposalListQuery = z.infer<typeof ProposalListQuery>;

export const ProposalRow = z.object({
  id: text(),
  committee: text(),
  session: text(),
  number: z.number().int(),
  kind: z.enum(proposalKinds),
  title: text(),
  members: z.array(text()),
  receivedOn: text(),
  status: z.enum(proposalStatuses),
  leadUnitName: text().nullable(),
  assignedOn: text().nullable(),
  deadline: text().nullable(),
  overdue: z.boolean(),
  grade: text().nullable(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;
export const ProposalPage = pageOf(ProposalRow);
export type ProposalPage = z.infer<typeof ProposalPage>;

export const FilledValue = z.object({
  key: text(),
  figure: text(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  region: text().nullable(),
  value: z.number(),
  text: text(),
});

export const Commitment = z.object({
  id: text(),
  text: text(),
  projectId: text().nullable(),
  ledgerItemId: text().nullable(),
  /** The linked record as people know it: the project's compound and year, the ledger item's title. */
  linkLabel: text(),
  /** The linked record's own status: a project status, or a ledger status (open, done, cancelled). */
  linkStatus: text(),
  done: z.boolean(),
});
export type Commitment = z.infer<typeof Commitment>;

export const Reply = z.object({
  id: text(),
  round: z.number().int(),
  templateId: text().nullable(),
  documentNumber: text().nullable(),
  title: text(),
  salutation: text(),
  /** As written, placeholders included. */
  body: text(),
  /** The placeholders' values and where they came from (frozen once signed). */
  values: z.array(FilledValue),
  /** The body with the values written in. */
  filled: text(),
  grade: text().nullable(),
  issuer: text(),
  signatory: text().nullable(),
  contactUnit: text().nullable(),
  contactPhone: text().nullable(),
  copyTo: z.array(text()),
  draftedAt: text(),
  reviewedAt: text().nullable(),
  reviewNote: text().nullable(),
  signedByName: text().nullable(),
  signedAt: text().nullable(),
  signedOn: text().nullable(),
  sentOn: text().nullable(),
});
export type Reply = z.infer<typeof Reply>;

export const ProposalDetail = ProposalRow.extend({
  body: text(),
  leadUnitId: text().nullable(),
  extensionReason: text().nullable(),
  returnedReason: text().nullable(),
  latestDeadline: text().nullable(),
  consentToPublish: z.boolean(),
  disclosure: z.enum(disclosures),
  round: z.number().int(),
  step: z.enum(proposalSteps),
  ledgerItemId: text().nullable(),
  coUnits: z.array(
    z.object({
      unitId: text(),
      unitName: text(),
      input: text().nullable(),
      inputOn: text().nullable(),
    }),
  ),
  /** The current round's reply, and the signed replies of earlier rounds. */
  reply: Reply.nullable(),
  earlierReplies: z.array(Reply),
  /**
   * What the reply promises, each linked to the project or supervision-ledger item that delivers
   * it, with that record's live status: done when the project is accepted or handed over, or the
   * ledger item is done.
   */
  commitments: z.array(Commitment),
  feedback: z.array(
    z.object({
      round: z.number().int(),
      member: text(),
      level: z.enum(feedbackLevels),
      note: text().nullable(),
      recordedAt: text(),
    }),
  ),
  /** The district's result grades (settings), in order, for choosing one. */
  grades: z.array(z.object({ code: text(), label: text() })),
  mayRaiseToA: z.boolean(),
  /** Why the grade cannot be raised from B to A now (null when it can). */
  raiseProblem: z.enum(raiseProblems).nullable(),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

export const CreateProposalBody = z.strictObject({
  committee: name,
  session: name,
  number: z.number().int().min(1).max(100_000),
  kind: z.enum(proposalKinds).default('proposal'),
  title: text().trim().min(1).max(limits.title.max),
  members: z.array(name).min(1).max(50),
  body: text().max(limits.letterBody.max).default(''),
  receivedOn: day,
});
export type CreateProposalBody = z.infer<typeof CreateProposalBody>;

export const AssignBody = z.strictObject({
  leadUnitId: z.uuid(),
  coUnitIds: z.array(z.uuid()).max(20).default([]),
  assignedOn: day,
});
export type AssignBody = z.infer<typeof AssignBody>;

export const ReturnBody = z.strictObject({ reason: text().trim().min(1).max(limits.shortNote.max) });
export const ExtendBody = z.strictObject({ deadline: day, reason: note });
export type ExtendBody = z.infer<typeof ExtendBody>;
export const InputBody = z.strictObject({
  unitId: z.uuid(),
  input: text().trim().min(1).max(limits.letterBody.max),
  inputOn: day,
});
export type InputBody = z.infer<typeof InputBody>;

export const DraftBody = z.strictObject({ templateId: z.uuid() });

export const ReplyBody = z.strictObject({
  documentNumber: text().trim().max(limits.name.max).nullable(),
  title: text().trim().min(1).max(limits.title.max),
  salutation: text().trim().min(1).max(limits.name.max),
  body: letterBody,
  grade: text().trim().max(4).nullable(),
  consentToPublish: z.boolean(),
  issuer: name,
  signatory: text().trim().max(limits.name.max).nullable(),
  contactUnit: text().trim().max(limits.name.max).nullable(),
  contactPhone: text().trim().max(limits.phone.max).nullable(),
  copyTo: z.array(name).max(20),
});
export type ReplyBody = z.infer<typeof ReplyBody>;

export const ReviewBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  note: note.optional(),
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const SignBody = z.strictObject({ signedOn: day });
export const SendBody = z.strictObject({ sentOn: day, disclosure: z.enum(disclosures) });
export type SendBody = z.infer<typeof SendBody>;

export const FeedbackBody = z.strictObject({
  /** The member whose feedback staff record; must be one of the proposal's members. */
  member: name,
  level: z.enum(feedbackLevels),
  note: note.optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const CommitmentBody = z.strictObject({
  text: text().trim().min(1).max(limits.shortNote.max),
  projectId: z.uuid().optional(),
  ledgerItemId: z.uuid().optional(),
});
export type CommitmentBody = z.infer<typeof CommitmentBody>;

export const Template = z.object({
  id: text(),
  name: text(),
  body: text(),
  placeholders: z.array(text()),
  updatedAt: text(),
});
export type Template = z.infer<typeof Template>;
export const TemplateBody = z.strictObject({ name, body: letterBody });
export type TemplateBody = z.infer<typeof TemplateBody>;

/** The proposals area's endpoints; `api.ts` assembles every area's list. */
export const proposalsEndpoints = {
  listProposals: endpoint({
    method: 'GET',
    path: '/api/proposals',
    summary: 'CPPCC proposals with their number, deadline, status and grade',
    tag: 'proposals',
    query: ProposalListQuery,
    response: ProposalPage,
  }),
  createProposal: endpoint({
    method: 'POST',
    path: '/api/proposals',
    summary: 'Register a proposal or suggestion',
    tag: 'proposals',
    body: CreateProposalBody,
    response: ProposalDetail,
    status: 201,
  }),
  getProposal: endpoint({
    method: 'GET',
    path: '/api/proposals/:id',
    summary: 'One proposal: steps, co-handling inputs, the reply with its values’ sources, feedback',
    tag: 'proposals',
    params: Id,
    response: ProposalDetail,
  }),
  replyDocx: endpoint({
    method: 'GET',
    path: '/api/proposals/:id/reply.docx',
    summary: 'The reply as a GB/T 9704 letter (.docx): the signed reply, else the current draft',
    tag: 'proposals',
    params: Id,
    response: z.unknown(),
    download: true,
  }),
  replyPdf: endpoint({
    method: 'GET',
    path: '/api/proposals/:id/reply.pdf',
    summary: 'The same letter as PDF, with open-licence CJK faces embedded',
    tag: 'proposals',
    params: Id,
    response: z.unknown(),
    download: true,
  }),
  assignProposal: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/assign',
    summary: 'Assign the lead unit and co-handling units; the deadline is 3 months on',
    tag: 'proposals',
    params: Id,
    body: AssignBody,
    response: ProposalDetail,
  }),
  returnProposal: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/return',
    summary: 'Send a misassigned proposal back (within 10 days of assignment)',
    tag: 'proposals',
    params: Id,
    body: ReturnBody,
    response: ProposalDetail,
  }),
  extendProposal: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/extend',
    summary: 'Extend the deadline, with a reason, never past 6 months from assignment',
    tag: 'proposals',
    params: Id,
    body: ExtendBody,
    response: ProposalDetail,
  }),
  addProposalInput: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/inputs',
    summary: 'Record a co-handling unit’s input to the lead',
    tag: 'proposals',
    params: Id,
    body: InputBody,
    response: ProposalDetail,
  }),
  draftReply: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/draft',
    summary: 'Draft the reply from a template, filling its placeholders from the live summary',
    tag: 'proposals',
    params: Id,
    body: DraftBody,
    response: ProposalDetail,
  }),
  updateReply: endpoint({
    method: 'PUT',
    path: '/api/proposals/:id/reply',
    summary: 'Edit the draft reply (values filled again); a signed reply is refused',
    tag: 'proposals',
    params: Id,
    body: ReplyBody,
    response: ProposalDetail,
  }),
  reviewReply: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/review',
    summary: 'Approve the draft for sign-off, or send it back',
    tag: 'proposals',
    params: Id,
    body: ReviewBody,
    response: ProposalDetail,
  }),
  signReply: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/sign',
    summary: 'Sign the reviewed reply off (unit head): its text and values are frozen',
    tag: 'proposals',
    params: Id,
    body: SignBody,
    response: ProposalDetail,
  }),
  sendReply: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/send',
    summary: 'Record the signed reply sent to the member, and its disclosure status',
    tag: 'proposals',
    params: Id,
    body: SendBody,
    response: ProposalDetail,
  }),
  recordFeedback: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/feedback',
    summary: 'Record a member’s feedback (not satisfied reopens the proposal)',
    tag: 'proposals',
    params: Id,
    body: FeedbackBody,
    response: ProposalDetail,
  }),
  addCommitment: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/commitments',
    summary: 'Link a reply’s commitment to the project or ledger item that delivers it',
    tag: 'proposals',
    params: Id,
    body: CommitmentBody,
    response: ProposalDetail,
  }),
  removeCommitment: endpoint({
    method: 'DELETE',
    path: '/api/proposals/:id/commitments/:commitmentId',
    summary: 'Remove a commitment from the reply',
    tag: 'proposals',
    params: z.object({ id: z.uuid(), commitmentId: z.uuid() }),
    response: ProposalDetail,
  }),
  raiseGrade: endpoint({
    method: 'POST',
    path: '/api/proposals/:id/raise-grade',
    summary: 'Raise a B to A once every commitment is done (refused, with the reason, otherwise)',
    tag: 'proposals',
    params: Id,
    response: ProposalDetail,
  }),
  listTemplates: endpoint({
    method: 'GET',
    path: '/api/proposal-templates',
    summary: 'Reply templates',
    tag: 'proposals',
    response: z.array(Template),
  }),
  createTemplate: endpoint({
    method: 'POST',
    path: '/api/proposal-templates',
    summary: 'Save a new template (unknown placeholders are refused, by name)',
    tag: 'proposals',
    body: TemplateBody,
    response: Template,
    status: 201,
  }),
  updateTemplate: endpoint({
    method: 'PUT',
    path: '/api/proposal-templates/:id',
    summary: 'Change a template (unknown placeholders are refused, by name)',
    tag: 'proposals',
    params: Id,
    body: TemplateBody,
    response: Template,
  }),
} as const;
