import { count } from 'drizzle-orm';
import type { ConsultationFigures } from '../../../contract/consultations.js';
import { consultations } from '../../db/schema.js';
import type { FiguresInput } from '../stats/figures.js';
import { consultationRule } from './access.js';

/** Consultations in scope, at any stage. */
export async function consultationFigures({ db, principal }: FiguresInput): Promise<ConsultationFigures> {
  const [row] = await db
    .select({ n: count() })
    .from(consultations)
    .where(consultationRule(principal, 'read'));
  return { consultations: row?.n ?? 0 };
}
