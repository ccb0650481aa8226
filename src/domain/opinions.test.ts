import { describe, expect, it } from 'vitest';
import {
  arithmeticChallenge,
  isOpenOpinion,
  normaliseReceipt,
  type OpinionAction,
  type OpinionStatus,
  opinionStep,
  readAnswer,
  receiptCode,
  receiptLength,
} from './opinions.js';

describe('opinionStep', () => {
  const cases: [OpinionStatus, OpinionAction, OpinionStatus | string][] = [
    ['received', 'answer', 'answered'],
    ['received', 'ticket', 'ticket'],
    ['received', 'ledger', 'ledger'],
    ['received', 'close', 'closed'],
    ['answered', 'answer', 'answered'],
    ['answered', 'ticket', 'ticket'],
    ['answered', 'ledger', 'ledger'],
    ['answered', 'close', 'closed'],
    ['ticket', 'answer', 'ticket'],
    ['ticket', 'ticket', 'already_turned'],
    ['ticket', 'ledger', 'already_turned'],
    ['ledger', 'ticket', 'already_turned'],
    ['ledger', 'answer', 'ledger'],
    ['ticket', 'close', 'closed'],
    ['closed', 'answer', 'closed'],
    ['closed', 'ticket', 'closed'],
    ['closed', 'close', 'closed'],
  ];
  it.each(cases)('%s + %s → %s', (status, action, expected) => {
    const step = opinionStep(status, action);
    expect('to' in step ? step.to : step.problem).toBe(expected);
  });

  it('counts only received opinions as open', () => {
    expect(isOpenOpinion('received')).toBe(true);
    for (const s of ['answered', 'ticket', 'ledger', 'closed'] as const) expect(isOpenOpinion(s)).toBe(false);
  });
});

describe('receipt codes', () => {
  it('encodes 128 bits as 26 Crockford characters in groups of four', () => {
    const zero = receiptCode(new Uint8Array(16));
    expect(zero).toBe('0000-0000-0000-0000-0000-0000-00');
    const ones = receiptCode(new Uint8Array(16).fill(255));
    expect(ones.replaceAll('-', '')).toBe(`${'Z'.repeat(25)}W`);
    expect(normaliseReceipt(ones)).toHaveLength(receiptLength);
  });

  it('differs for different bytes', () => {
    const a = new Uint8Array(16);
    const b = new Uint8Array(16);
    b[15] = 1;
    expect(receiptCode(a)).not.toBe(receiptCode(b));
  });

  it('refuses the wrong number of bytes', () => {
    expect(() => receiptCode(new Uint8Array(8))).toThrow();
  });

  const typed: [string, string | null][] = [
    ['7k3m-q9xa-0000-0000-0000-0000-00', '7K3MQ9XA000000000000000000'],
    [' 7K3M Q9XA 0000 0000 0000 0000 00 ', '7K3MQ9XA000000000000000000'],
    ['7K3M-Q9XA-OOOO-0000-0000-0000-0L', '7K3MQ9XA000000000000000001'],
    ['7K3M', null],
    ['7K3M-Q9XA-0000-0000-0000-0000-0U', null],
    ['', null],
    ['<script>alert(1)</script>', null],
  ];
  it.each(typed)('reads %j as %j', (input, expected) => {
    expect(normaliseReceipt(input)).toBe(expected);
  });
});

describe('the arithmetic challenge', () => {
  const cases: [number, number, number, string, number][] = [
    [0, 0, 0, '2 加 1 等于几？', 3],
    [0.99, 0.99, 0.1, '19 加 9 等于几？', 28],
    [0, 0.99, 0.9, '9 减 2 等于几？', 7],
    [0.5, 0.5, 0.5, '11 减 5 等于几？', 6],
  ];
  it.each(cases)('%d %d %d → %s', (a, b, c, question, answer) => {
    expect(arithmeticChallenge(a, b, c)).toEqual({ question, answer });
  });

  it('never asks for a negative answer', () => {
    for (let i = 0; i < 100; i++) {
      const { answer } = arithmeticChallenge(((i * 7) % 10) / 10, ((i * 3) % 10) / 10, 0.9);
      expect(answer).toBeGreaterThanOrEqual(0);
    }
  });

  const answers: [string, number | null][] = [
    ['7', 7],
    [' 12 ', 12],
    ['１２', 12],
    ['seven', null],
    ['', null],
    ['1.5', null],
    ['-3', null],
    ['12345', null],
  ];
  it.each(answers)('reads the answer %j as %j', (input, expected) => {
    expect(readAnswer(input)).toBe(expected);
  });
});
