/** A proposal's reply as the letter the renderer lays out (GB/T 9704): the signed reply, else the draft. */
import type { ProposalDetail } from '../../../contract/proposals.js';
import { formatDateZh } from '../../../domain/figures-zh.js';
import { paragraphsOf } from '../../../domain/proposals.js';
import { notFound } from '../../platform/errors.js';
import type { Letter, LetterParagraph } from './letter/letter.js';

const levels = { heading1: 1, heading2: 2 } as const;

export function replyLetter(proposal: ProposalDetail): { letter: Letter; fileName: string } {
  // The current round's reply; after a "not satisfied" round with no new draft yet, the last signed one.
  const reply = proposal.reply ?? proposal.earlierReplies.at(-1);
  if (!reply) throw notFound();
  const body: LetterParagraph[] = paragraphsOf(reply.filled).map((p) =>
    p.kind === 'text' ? { text: p.text } : { level: levels[p.kind], text: p.text },
  );
  const letter: Letter = {
    documentNumber: reply.documentNumber ?? '',
    ...(reply.signatory ? { signatory: reply.signatory } : {}),
    grade: reply.grade ?? proposal.grade ?? '',
    publication: proposal.consentToPublish ? '同意' : '不同意',
    title: reply.title,
    salutation: reply.salutation,
    body,
    issuer: reply.issuer,
    date: formatDateZh(reply.signedOn ?? reply.draftedAt.slice(0, 10)),
    contact: { ...(reply.contactUnit ? { unit: reply.contactUnit } : {}), phone: reply.contactPhone ?? '' },
    copyTo: reply.copyTo,
  };
  return { letter, fileName: reply.title };
}
