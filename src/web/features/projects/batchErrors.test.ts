import { describe, expect, it } from 'vitest';
import { splitBatchFields } from './batchErrors.js';

describe('splitBatchFields', () => {
  const sent = ['a', 'b', 'c'];

  it('puts a message about the n-th compound sent on that compound', () => {
    const { perCompound, rest } = splitBatchFields({ 'compoundIds.2': 'taken', name: 'taken' }, sent);
    expect([...perCompound]).toEqual([['c', 'taken']]);
    expect(rest).toEqual({ name: 'taken' });
  });

  it('keeps messages about the list itself, or past its end, with the rest', () => {
    const { perCompound, rest } = splitBatchFields({ compoundIds: 'too short', 'compoundIds.7': 'x' }, sent);
    expect(perCompound.size).toBe(0);
    expect(rest).toEqual({ compoundIds: 'too short', 'compoundIds.7': 'x' });
  });

  it('answers nothing for no fields', () => {
    expect(splitBatchFields(undefined, sent)).toEqual({ perCompound: new Map(), rest: {} });
  });
});
