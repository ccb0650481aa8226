import { randomBytes } from 'node:crypto';

/**
 * Ids for the rows one bulk write creates (an import's buildings, owners and households):
 * UUIDv7 (RFC 9562) with the counter of its §6.2 method 1 in the low 32 bits, so each id is the
 * one before plus one. Made here rather than by the database, a new owner's id is known before
 * its row is written, and the households naming it go in the same batch without reading ids
 * back. Ascending ids also keep the primary-key inserts, and the foreign-key checks that look
 * them up, on the index's last pages, where random ones reach all over it.
 */
export function idSequence(now: number = Date.now()): { next(): number; id(n: number): string } {
  const time = now.toString(16).padStart(12, '0');
  const random = randomBytes(6);
  const hex = random.toString('hex');
  // The first byte gives the variant's two free bits; the other five the 40 random bits.
  const variant = (8 | ((random[0] ?? 0) & 3)).toString(16);
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex.slice(2, 5)}-${variant}${hex.slice(5, 8)}-${hex.slice(8, 12)}`;
  let last = -1;
  return {
    /** The number of a new id. */
    next() {
      if (last >= 0xffff_ffff) throw new Error('idSequence: more than 2^32 ids from one sequence');
      return ++last;
    },
    /** The id numbered `n`: a number is smaller to keep than its id. */
    id: (n) => prefix + n.toString(16).padStart(8, '0'),
  };
}
