import { consultationBreakdown } from '../consultations/figures.js';
import { facilityBreakdown } from '../facilities/figures.js';
import { illegalBreakdown } from '../illegal/figures.js';
import { inventoryBreakdown } from '../inventory/figures.js';
import { ledgerBreakdown } from '../ledger/figures.js';
import { fundingBreakdown, projectBreakdown, renovationBreakdown } from '../projects/figures.js';
import { ticketBreakdown } from '../quality/figures.js';
import { voteBreakdown } from '../votes/figures.js';
import type { AreaBreakdown } from './breakdown.js';

/**
 * Each area's breakdown measures (declared beside its figures); a new area adds its own here. A
 * measure's name is unique across the list (the test checks it) and, where the summary has the
 * figure, the same name as the summary's.
 */
export const breakdownAreas: readonly AreaBreakdown[] = [
  inventoryBreakdown,
  renovationBreakdown,
  projectBreakdown,
  fundingBreakdown,
  ledgerBreakdown,
  ticketBreakdown,
  illegalBreakdown,
  consultationBreakdown,
  voteBreakdown,
  facilityBreakdown,
] as readonly AreaBreakdown<string>[] as readonly AreaBreakdown[];
