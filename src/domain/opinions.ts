/**
 * Residents' opinions and complaints (群众意见): what an opinion may become, the receipt code its
 * sender follows it with, and the arithmetic challenge the public form asks (no external captcha).
 */

/** received → answered / turned into a ticket / turned into a ledger item / closed. */
export const opinionStatuses = ['received', 'answered', 'ticket', 'ledger', 'closed'] as const;
export type OpinionStatus = (typeof opinionStatuses)[number];

/** The categories offered until the district edits the list (`opinionCategories` setting). */
export const defaultOpinionCategories = ['工程质量', '施工扰民', '安全隐患', '改造内容建议', '其他'] as const;

export const opinionActions = ['answer', 'ticket', 'ledger', 'close'] as const;
export type OpinionAction = (typeof opinionActions)[number];

export type OpinionProblem = 'closed' | 'already_turned';

/**
 * Where an action takes an opinion. An answer may be given (or corrected) until it is closed and
 * keeps a turned opinion's status (the ticket or ledger item still tells what became of it); an
 * opinion becomes at most one ticket or ledger item; any open opinion may be closed.
 */
export function opinionStep(
  status: OpinionStatus,
  action: OpinionAction,
): { to: OpinionStatus } | { problem: OpinionProblem } {
  if (status === 'closed') return { problem: 'closed' };
  switch (action) {
    case 'answer':
      return { to: status === 'received' ? 'answered' : status };
    case 'ticket':
    case 'ledger':
      return status === 'ticket' || status === 'ledger' ? { problem: 'already_turned' } : { to: action };
    case 'close':
      return { to: 'closed' };
  }
}

/** Still waiting for staff: received, not yet answered, turned or closed (the summary's openOpinions). */
export const isOpenOpinion = (status: OpinionStatus): boolean => status === 'received';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 128 random bits → 26 characters. */
export const receiptBytes = 16;
export const receiptLength = 26;

/** A receipt code from random bytes, in groups of four for reading: "7K3M-Q9XA-…". */
export function receiptCode(bytes: Uint8Array): string {
  if (bytes.length !== receiptBytes) throw new Error(`a receipt needs ${receiptBytes} random bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/**
 * A receipt code as typed (any case, spaces or dashes, O for 0, I or L for 1), in its one stored
 * form; null when it cannot be a receipt at all.
 */
export function normaliseReceipt(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== receiptLength) return null;
  for (const c of code) if (!alphabet.includes(c)) return null;
  return code;
}

/** An arithmetic question a person answers at a glance, and its answer. */
export interface Challenge {
  question: string;
  answer: number;
}

/** The question from three random numbers in [0, 1): a sum or a difference of small numbers, never negative. */
export function arithmeticChallenge(r1: number, r2: number, r3: number): Challenge {
  const a = 2 + Math.floor(r1 * 18);
  const b = 1 + Math.floor(r2 * 9);
  if (r3 < 0.5) return { question: `${a} 加 ${b} 等于几？`, answer: a + b };
  const [big, small] = a >= b ? [a, b] : [b, a];
  return { question: `${big} 减 ${small} 等于几？`, answer: big - small };
}

/** What someone typed as the answer, read as a whole number (full-width digits too); null if not one. */
export function readAnswer(input: string): number | null {
  const ascii = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,4}$/.test(ascii) ? Number(ascii) : null;
}

/** How long an issued challenge may be answered: long enough to write an opinion on a phone. */
export const challengeLifetimeMs = 60 * 60 * 1000;
