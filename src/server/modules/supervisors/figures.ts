import { count } from 'drizzle-orm';
import type { SupervisorFigures } from '../../../contract/supervisors.js';
import { residentSupervisors } from '../../db/schema.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { supervisorRule } from './access.js';

/** Resident supervisors registered in reach (the letter's 354 on the demo). */
export async function supervisorFigures({ db, principal }: FiguresInput): Promise<SupervisorFigures> {
  const [row] = await db
    .select({ n: count() })
    .from(residentSupervisors)
    .where(supervisorRule(principal, 'read'));
  return { residentSupervisors: int(row?.n) };
}
