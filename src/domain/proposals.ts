/**
 * CPPCC proposal handling (提案办理): the steps, the deadline and its extension, returning a
 * misassigned proposal, the result grades, overdue detection, and the placeholders of reply
 * templates bound to summary figures. Pure: the server and the web apply the same rules.
 */
import { figureDigits } from './figures-zh.js';

export const proposalKinds = ['proposal', 'suggestion'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/**
 * Where a proposal stands. `assigned` covers the co-handling units' inputs (the step after
 * assignment, shown apart), `closed` follows the member's feedback.
 */
export const proposalStatuses = [
  'registered',
  'assigned',
  'drafted',
  'reviewed',
  'signed',
  'replied',
  'closed',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** The steps shown to people (antd Steps), in order. */
export const proposalSteps = [
  'registered',
  'assigned',
  'inputs',
  'drafted',
  'reviewed',
  'signed',
  'replied',
  'feedback',
] as const;
export type ProposalStep = (typeof proposalSteps)[number];

export const feedbackLevels = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type FeedbackLevel = (typeof feedbackLevels)[number];

/** Whether a signed reply may be read by the public. */
export const disclosures = ['published', 'on_request', 'not_published'] as const;
export type Disclosure = (typeof disclosures)[number];

/** A result grade as the settings list it: the code the letter prints and what it means. */
export interface Grade {
  code: string;
  label: string;
}

/** The default result grades; a district may add D (kept for reference) in the settings. */
export const defaultGrades: readonly Grade[] = [
  { code: 'A', label: '所提问题已经解决或基本解决' },
  { code: 'B', label: '所提问题正在解决或列入计划逐步解决' },
  { code: 'C', label: '所提问题因条件限制或其他原因暂时不能解决' },
];

/** The grade a reply's commitments raise (from B) once they are all done. */
export const raisedFrom = 'B';
export const raisedTo = 'A';

export type GradeListProblem = 'empty' | 'code_required' | 'label_required' | 'duplicate_code';

/**
 * Why a grade list cannot be saved, with the row it concerns, or null: at least one grade, each
 * with a code and a label, no code twice (codes compared as written, after trimming).
 */
export function gradeListProblem(
  grades: readonly { code: string; label: string }[],
): { problem: GradeListProblem; index: number; field?: 'code' | 'label' } | null {
  if (grades.length === 0) return { problem: 'empty', index: 0 };
  const seen = new Set<string>();
  for (const [index, g] of grades.entries()) {
    const code = g.code.trim();
    if (!code) return { problem: 'code_required', index, field: 'code' };
    if (!g.label.trim()) return { problem: 'label_required', index, field: 'label' };
    if (seen.has(code)) return { problem: 'duplicate_code', index, field: 'code' };
    seen.add(code);
  }
  return null;
}

export const deadlineMonths = 3;
export const maxExtendedMonths = 6;
export const returnWithinDays = 10;

/** `date` (YYYY-MM-DD) plus `months`, the day clamped to the month's end (11-30 + 3 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The reply is due 3 months after assignment. */
export const deadlineOf = (assignedOn: string): string => addMonths(assignedOn, deadlineMonths);

/** The latest an extension may reach: 6 months after assignment. */
export const latestDeadline = (assignedOn: string): string => addMonths(assignedOn, maxExtendedMonths);

export type ExtensionProblem = 'reason_required' | 'not_later' | 'past_six_months';

/** Why an extension to `to` is refused, or null: only with a reason, later than now, never past 6 months. */
export function extensionProblem(
  assignedOn: string,
  currentDeadline: string,
  to: string,
  reason: string | null | undefined,
): ExtensionProblem | null {
  if (!reason?.trim()) return 'reason_required';
  if (to <= currentDeadline) return 'not_later';
  if (to > latestDeadline(assignedOn)) return 'past_six_months';
  return null;
}

/** A misassigned proposal goes back within 10 days of assignment (the 10th day included). */
export const mayReturn = (assignedOn: string, today: string): boolean =>
  today <= addDays(assignedOn, returnWithinDays);

/** Statuses in which the reply is still owed (the deadline runs). */
export const owedStatuses: readonly ProposalStatus[] = ['assigned', 'drafted', 'reviewed', 'signed'];

/** Overdue: the reply still owed after its deadline day. */
export function isOverdue(p: { status: ProposalStatus; deadline: string | null }, today: string): boolean {
  return p.deadline !== null && owedStatuses.includes(p.status) && today > p.deadline;
}

/** What may be done to a proposal, and from which statuses. */
export const proposalActions = [
  'assign',
  'return',
  'extend',
  'input',
  'draft',
  'review',
  'sign',
  'send',
  'feedback',
] as const;
export type ProposalAction = (typeof proposalActions)[number];

export const allowedFrom: Record<ProposalAction, readonly ProposalStatus[]> = {
  assign: ['registered'],
  return: ['assigned'],
  extend: ['assigned', 'drafted', 'reviewed'],
  input: ['assigned', 'drafted'],
  draft: ['assigned', 'drafted'],
  review: ['drafted'],
  sign: ['reviewed'],
  send: ['signed'],
  feedback: ['replied'],
};

export const mayDo = (action: ProposalAction, status: ProposalStatus): boolean =>
  allowedFrom[action].includes(status);

/** Where the member's feedback leaves the proposal: not satisfied reopens it for another reply. */
export const afterFeedback = (level: FeedbackLevel): ProposalStatus =>
  level === 'not_satisfied' ? 'assigned' : 'closed';

/** The step a proposal is at (the one being worked on; all before it are done). */
export function currentStep(status: ProposalStatus, inputsOwed: boolean): ProposalStep {
  switch (status) {
    case 'registered':
      return 'assigned';
    case 'assigned':
      return inputsOwed ? 'inputs' : 'drafted';
    case 'drafted':
      return 'reviewed';
    case 'reviewed':
      return 'signed';
    case 'signed':
      return 'replied';
    case 'replied':
      return 'feedback';
    case 'closed':
      return 'feedback';
  }
}

/** Why a grade is refused: not in the district's list (codes, or the list itself). */
export const gradeAllowed = (grade: string, grades: readonly (string | Grade)[]): boolean =>
  grades.some((g) => (typeof g === 'string' ? g : g.code) === grade);

export const raiseProblems = ['not_b', 'a_not_in_list', 'no_commitments', 'open_commitments'] as const;
export type RaiseProblem = (typeof raiseProblems)[number];

/**
 * Why a proposal's grade cannot be raised from B to A, or null: it must be a B, A must be one of
 * the district's grades, and the reply must have commitments, every one of them done (a B with
 * none has nothing to finish).
 */
export function raiseProblem(
  grade: string | null,
  commitmentsDone: readonly boolean[],
  grades: readonly (string | Grade)[],
): RaiseProblem | null {
  if (grade !== raisedFrom) return 'not_b';
  if (!gradeAllowed(raisedTo, grades)) return 'a_not_in_list';
  if (commitmentsDone.length === 0) return 'no_commitments';
  if (!commitmentsDone.every(Boolean)) return 'open_commitments';
  return null;
}

/** A B may be raised to A once every commitment of the reply is done. */
export const mayRaiseToA = (
  grade: string | null,
  commitmentsDone: readonly boolean[],
  grades: readonly (string | Grade)[] = defaultGrades,
): boolean => raiseProblem(grade, commitmentsDone, grades) === null;

// ─── Placeholders ───────────────────────────────────────────────────────────────────────────

/**
 * How a value is written into the text. The letter says "over" (超、余、多) beside rounded
 * figures, so rounding goes down: `plain` as the number is (1203, 88.7), `wan` in units of ten
 * thousand to one decimal (42,186 → 4.2), `wan_int` whole units of ten thousand (2,834,616 → 283),
 * `tens` down to the ten (864 → 860), `hundreds` down to the hundred (8,634 → 8600, the letter's
 * "8600余个"), `grouped` with thousands separators (1,203).
 */
export const placeholderFormats = ['plain', 'wan', 'wan_int', 'tens', 'hundreds', 'grouped'] as const;
export type PlaceholderFormat = (typeof placeholderFormats)[number];
const formatWords: Record<string, PlaceholderFormat> = {
  万: 'wan',
  万取整: 'wan_int',
  取整十: 'tens',
  取整百: 'hundreds',
  千分位: 'grouped',
};

/**
 * One placeholder: `{{figure}}`, with optional parts separated by `|` in any order: a period
 * (`2019-2022` or `2022`), a region code (`410203002`), a format (`万`, `万取整`, `取整十`,
 * `取整百`, `千分位`). Example:
 * `{{households|2019-2022|万}}` → 4.2 (the template writes 万余户 after it).
 */
export interface Placeholder {
  /** The text between the braces, trimmed: the key values are stored under. */
  key: string;
  figure: string;
  from: number | null;
  to: number | null;
  region: string | null;
  format: PlaceholderFormat;
}

export type PlaceholderProblem = 'unknown_figure' | 'bad_part' | 'bad_period';

const placeholderPattern = /\{\{([^{}]*)\}\}/g;

/** Read one placeholder's inside; a problem when a part is not a period, region or format. */
export function parsePlaceholder(inside: string): Placeholder | PlaceholderProblem {
  const parts = inside.split('|').map((p) => p.trim());
  const figure = parts.shift() ?? '';
  const p: Placeholder = { key: inside.trim(), figure, from: null, to: null, region: null, format: 'plain' };
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(figure)) return 'unknown_figure';
  for (const part of parts) {
    const period = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
    if (period) {
      p.from = Number(period[1]);
      p.to = Number(period[2] ?? period[1]);
      if (p.to < p.from) return 'bad_period';
    } else if (/^\d{6}(\d{3})?(\d{3})?$/.test(part)) p.region = part;
    else if (formatWords[part]) p.format = formatWords[part];
    else return 'bad_part';
  }
  return p;
}

/** Every placeholder of a text, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(placeholderPattern)) seen.add((m[1] ?? '').trim());
  return [...seen];
}

/** The placeholders of `text` that cannot be filled (unknown figure or unreadable), as written. */
export function unknownPlaceholders(text: string, figures: readonly string[]): string[] {
  return placeholdersIn(text).filter((inside) => {
    const p = parsePlaceholder(inside);
    return typeof p === 'string' || !figures.includes(p.figure);
  });
}

/** A value as the letter writes it: the digits only, the template writes 万 and the unit after them. */
export function formatValue(value: number, format: PlaceholderFormat): string {
  switch (format) {
    case 'wan':
      return figureDigits(value, { wan: true, decimals: 1, truncate: true, trimZeros: true });
    case 'wan_int':
      return figureDigits(value, { wan: true, decimals: 0, truncate: true });
    case 'tens':
      return figureDigits(value, { decimals: -1, truncate: true });
    case 'hundreds':
      return figureDigits(value, { decimals: -2, truncate: true });
    case 'grouped':
      return figureDigits(value, { decimals: 0, group: true });
    case 'plain':
      return figureDigits(value, { decimals: 1, trimZeros: true });
  }
}

/** One filled placeholder, kept with where its value came from. */
export interface FilledValue {
  key: string;
  figure: string;
  from: number | null;
  to: number | null;
  region: string | null;
  value: number;
  text: string;
}

/** The text with each placeholder replaced by its value's text (one not filled stays as written). */
export function fillText(text: string, values: readonly FilledValue[]): string {
  const byKey = new Map(values.map((v) => [v.key, v.text]));
  return text.replace(placeholderPattern, (whole, inside: string) => byKey.get(inside.trim()) ?? whole);
}

/** A text cut into pieces: plain text, and placeholders (for the page to highlight with their source). */
export type TextPiece = { text: string } | { key: string };
export function piecesOf(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    if ((m.index ?? 0) > at) pieces.push({ text: text.slice(at, m.index) });
    pieces.push({ key: (m[1] ?? '').trim() });
    at = (m.index ?? 0) + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * A reply's body as the letter lays it out: paragraphs split at blank lines; a paragraph
 * starting with `# ` is a level-1 heading (黑体), `## ` a level-2 heading (楷体).
 */
export type ReplyParagraph = { kind: 'heading1' | 'heading2' | 'text'; text: string };
export function paragraphsOf(body: string): ReplyParagraph[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      if (p.startsWith('## ')) return { kind: 'heading2' as const, text: p.slice(3).trim() };
      if (p.startsWith('# ')) return { kind: 'heading1' as const, text: p.slice(2).trim() };
      return { kind: 'text' as const, text: p.replace(/\s*\n\s*/g, '') };
    });
}

/** The letter's title: 关于市政协十三届一次会议第384号提案的答复. */
export function replyTitle(p: {
  committee: string;
  session: string;
  number: number;
  kind: ProposalKind;
}): string {
  return `关于${p.committee}${p.session}第${p.number}号${p.kind === 'proposal' ? '提案' : '建议'}的答复`;
}
