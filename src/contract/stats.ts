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

/** What a breakdown splits by: regions, years, renovation items, statuses, funding sources. */
export const breakdownDimensions = ['subdistrict', 'community', 'year', 'item', 'status', 'source'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/**
 * A breakdown: `measure` is a comma-separated list of measure names (each area declares its own,
 * see GET /api/stats/breakdown/measures); the period and region as the summary takes them.
 */
export const BreakdownQuery = SummaryQuery.extend({
  by: z.enum(breakdownDimensions),
  measure: text()
    .max(500)
    .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, 'measure names separated by commas'),
  region: regionCode.optional(),
});
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const BreakdownMeasure = z.object({
  key: text(),
  label: text(),
  /** 个, ㎡, 万元, %… */
  unit: text(),
  /** A percentage: its total is computed from the summed parts, never an average of the rows. */
  rate: z.boolean(),
});
export type BreakdownMeasure = z.infer<typeof BreakdownMeasure>;

export const Breakdown = z.object({
  by: z.enum(breakdownDimensions),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** The region asked for (its name), or null for the caller's whole scope. */
  region: z.object({ code: text(), name: text() }).nullable(),
  measures: z.array(BreakdownMeasure),
  rows: z.array(z.object({ key: text(), label: text(), values: z.record(z.string(), z.number()) })),
  total: z.record(z.string(), z.number()),
});
export type Breakdown = z.infer<typeof Breakdown>;

/** Every measure a breakdown can show, and the dimensions each splits by. */
export const BreakdownCatalogue = z.array(
  BreakdownMeasure.extend({ dimensions: z.array(z.enum(breakdownDimensions)) }),
);

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
  breakdownMeasures: endpoint({
    method: 'GET',
    path: '/api/stats/breakdown/measures',
    summary: 'The measures a breakdown can show and the dimensions each splits by',
    tag: 'stats',
    response: BreakdownCatalogue,
  }),
  statsBreakdown: endpoint({
    method: 'GET',
    path: '/api/stats/breakdown',
    summary: 'Summary measures split by subdistrict, community, year, item, status or funding source',
    tag: 'stats',
    query: BreakdownQuery,
    response: Breakdown,
  }),
  statsBreakdownExport: endpoint({
    method: 'GET',
    path: '/api/stats/breakdown.xlsx',
    summary: 'A breakdown as a report sheet (title row, units in headers, a 合计 row)',
    tag: 'stats',
    query: BreakdownQuery,
    response: z.unknown(),
    download: true,
  }),
} as const;
