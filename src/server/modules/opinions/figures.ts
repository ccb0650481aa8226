import type { OpinionFigures } from '../../../contract/opinions.js';
import type { FiguresInput } from '../stats/figures.js';
import { openOpinionCount } from './queries.js';

/** Opinions waiting for staff (received, not yet answered, turned or closed), in reach. */
export async function opinionFigures({ db, principal }: FiguresInput): Promise<OpinionFigures> {
  return { openOpinions: await openOpinionCount(db, principal) };
}
