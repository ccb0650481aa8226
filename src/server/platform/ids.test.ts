import { describe, expect, it } from 'vitest';
import { idSequence } from './ids.js';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idSequence', () => {
  it('makes version-7 UUIDs that ascend one by one from the given time', () => {
    const sequence = idSequence(Date.UTC(2026, 10, 26));
    const ids = Array.from({ length: 300 }, () => sequence.id(sequence.next()));
    for (const id of ids) expect(id).toMatch(uuidV7);
    expect(new Set(ids).size).toBe(300);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]?.endsWith('00000000')).toBe(true);
    expect(ids[299]?.endsWith('0000012b')).toBe(true);
    expect(sequence.id(299)).toBe(ids[299]);
    // The first 48 bits are the time in milliseconds, as version 7 says.
    expect(Number.parseInt((ids[0] ?? '').replace('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 26));
  });

  it('gives two sequences of the same millisecond different ids', () => {
    const a = idSequence(1_800_000_000_000).id(0);
    const b = idSequence(1_800_000_000_000).id(0);
    expect(a).not.toBe(b);
    expect(a.slice(0, 13)).toBe(b.slice(0, 13));
  });
});
