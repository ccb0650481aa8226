import { z } from 'zod';
import { fundingSources } from '../domain/projects.js';
import { regionCode, text } from './common.js';
import { ConsultationFigures } from './consultations.js';
import { endpoint } from './endpoint.js';
import { FacilityFigures } from './facilities.js';
import { IllegalFigures } from './illegal.js';
import { InventoryFigures } from './inventory.js';
import { OpinionFigures } from './opinions.js';
import { OrganisationFigures } from './organisation.js';
import { RenovationFigures } from './projects.js';
import { QualityFigures } from './quality.js';
import { RegionFigures } from './regions.js';
import { SupervisorFigures } from './supervisors.js';
import { VoteFigures } from './votes.js';

export const SummaryQuery = z.object({
  from: z.coerce.number().int().min(1949).max(2100).optional(),
  to: z.coerce.number().int().min(1949).max(2100).optional(),
});

/**
 * The programme's headline figures: one flat object of named numbers (the public contract),
 * assembled from the figures each area declares beside its other schemas.
 */
export const Summary = z.object({
  ...RegionFigures.shape,
  ...InventoryFigures.shape,
  ...RenovationFigures.shape,
  ...OrganisationFigures.shape,
  ...QualityFigures.shape,
  ...IllegalFigures.shape,
  ...SupervisorFigures.shape,
  ...ConsultationFigures.shape,
  ...VoteFigures.shape,
  ...FacilityFigures.shape,
  ...OpinionFigures.shape,
  fromYear: z.number().int(),
  toYear: z.number().int(),
});
export type Summary = z.infer<typeof Summary>;

export const FundingTotalsQuery = SummaryQuery.extend({ region: regionCode.optional() });
const Money = z.object({ planned: z.number(), received: z.number(), spent: z.number() });
/** Funding (万元) by year and subdistrict, per source and in total, within the caller's scope. */
export const FundingTotals = z.object({
  rows: z.array(
    Money.extend({
      year: z.number().int(),
      regionCode: text(),
      name: text(),
      projects: z.number().int(),
      sources: z.record(z.enum(fundingSources), Money),
    }),
  ),
  total: Money.extend({ projects: z.number().int(), sources: z.record(z.enum(fundingSources), Money) }),
});
export type FundingTotals = z.infer<typeof FundingTotals>;

/** The stats area's endpoints; `api.ts` assembles every area's list. */
export const statsEndpoints = {
  statsSummary: endpoint({
    method: 'GET',
    path: '/api/stats/summary',
    summary: 'Headline figures of the programme (flat object of numbers)',
    tag: 'stats',
    query: SummaryQuery,
    response: Summary,
  }),
  fundingTotals: endpoint({
    method: 'GET',
    path: '/api/stats/funding',
    summary: 'Funding by year and subdistrict, per source (万元)',
    tag: 'stats',
    query: FundingTotalsQuery,
    response: FundingTotals,
  }),
} as const;
