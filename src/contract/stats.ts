import { z } from 'zod';
import { fundingSources } from '../domain/projects.js';
import { regionCode, text } from './common.js';

export const SummaryQuery = z.object({
  from: z.coerce.number().int().min(1949).max(2100).optional(),
  to: z.coerce.number().int().min(1949).max(2100).optional(),
});

/** The programme's headline figures: one flat object of named numbers (the public contract). */
export const Summary = z.object({
  compounds: z.number().int(),
  oldCompounds: z.number().int(),
  /** old ÷ all compounds, percent with one decimal */
  oldShare: z.number(),
  oldCutoffYear: z.number().int(),
  cityOldCompounds: z.number().int(),
  /** this district's old compounds ÷ the city's, percent with one decimal */
  shareOfCityOld: z.number(),
  renovatedCompounds: z.number().int(),
  buildings: z.number().int(),
  floorArea: z.number(),
  households: z.number().int(),
  residents: z.number().int(),
  /** The command structure (district-wide) and the people and party bodies in scope. */
  taskForces: z.number().int(),
  departments: z.number().int(),
  units: z.number().int(),
  cadres: z.number().int(),
  tempPartyOrgs: z.number().int(),
  commandoTeams: z.number().int(),
  vanguardPosts: z.number().int(),
  coBuildingUnits: z.number().int(),
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
