/**
 * The public portal (no login): the district's compounds under renovation and each compound's
 * public record, and the staff's printable QR posters that lead to it. Nothing here carries a
 * person: no owner, phone of a person, ID number or single ballot; contacts are offices.
 */
import { z } from 'zod';
import { stageOutcomes } from '../domain/consultations.js';
import { compoundStatuses, projectStatuses } from '../domain/inventory.js';
import { PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

/** Whom residents contact: an office (a subdistrict's or community's), with its office phone if it has one. */
export const PublicOffice = z.object({
  name: text(),
  /** A landline; never a mobile number (none is shown rather than a person's phone). */
  phone: text().nullable(),
});
export type PublicOffice = z.infer<typeof PublicOffice>;

export const PublicCompoundRow = z.object({
  id: text(),
  name: text(),
  subdistrictCode: text(),
  subdistrictName: text(),
  communityName: text().nullable(),
  /** Derived from its projects: planned, in progress, renovated. */
  status: z.enum(compoundStatuses),
  /** The latest project's year and status. */
  year: z.number().int(),
  projectStatus: z.enum(projectStatuses),
});
export type PublicCompoundRow = z.infer<typeof PublicCompoundRow>;
export const PublicCompoundPage = pageOf(PublicCompoundRow);

/** Which compounds the list shows: those still being renovated (default), those done, or all with a project. */
export const publicListStatuses = ['under_way', 'completed', 'all'] as const;
export const PublicCompoundQuery = PageQuery.extend({
  region: regionCode.optional(),
  status: z.enum(publicListStatuses).default('under_way'),
});
export type PublicCompoundQuery = z.infer<typeof PublicCompoundQuery>;

export const PublicItem = z.object({
  name: text(),
  category: text(),
  mandatory: z.boolean(),
  status: z.enum(['planned', 'in_progress', 'done']),
  /** Percent done (0–100). */
  progress: z.number().int(),
});

export const PublicProject = z.object({
  year: z.number().int(),
  status: z.enum(projectStatuses),
  items: z.array(PublicItem),
  /** Items done of those chosen (waived ones left out), in percent to a tenth; null with no items. */
  percentDone: z.number().nullable(),
  /** The completion acceptance, once passed. */
  acceptedOn: text().nullable(),
});
export type PublicProject = z.infer<typeof PublicProject>;

/** A disclosure as published: what, where, when. */
export const PublicDisclosure = z.object({
  kind: z.enum(['resolution', 'result']),
  name: text(),
  on: text(),
  published: text().nullable(),
  place: text().nullable(),
});

/** A resolution, shown only once it has been disclosed: the meeting, its outcome, totals only. */
export const PublicResolution = z.object({
  title: text(),
  meeting: text(),
  on: text(),
  outcome: z.enum(stageOutcomes),
  note: text().nullable(),
  /** How many attended (a total; never who). */
  attendance: z.number().int().nullable(),
  disclosures: z.array(PublicDisclosure),
});
export type PublicResolution = z.infer<typeof PublicResolution>;

export const PublicCompound = z.object({
  id: text(),
  name: text(),
  address: text().nullable(),
  subdistrictName: text(),
  communityName: text().nullable(),
  buildYear: z.number().int().nullable(),
  buildingCount: z.number().int().nullable(),
  householdCount: z.number().int().nullable(),
  status: z.enum(compoundStatuses),
  /** Newest first. */
  projects: z.array(PublicProject),
  resolutions: z.array(PublicResolution),
  contact: PublicOffice.nullable(),
  isDemo: z.boolean(),
});
export type PublicCompound = z.infer<typeof PublicCompound>;

const tag = 'portal';
/** The portal's endpoints: the public record (no session) and the staff's posters. */
export const portalEndpoints = {
  publicCompounds: endpoint({
    method: 'GET',
    path: '/api/public/compounds',
    summary: "The district's compounds under renovation with their status (no login; paged, by subdistrict)",
    tag,
    query: PublicCompoundQuery,
    response: PublicCompoundPage,
  }),
  publicCompound: endpoint({
    method: 'GET',
    path: '/api/public/compounds/:id',
    summary:
      "A compound's public record: plan, items, disclosed resolution, progress, results, contact office (no login)",
    tag,
    params: z.object({ id: z.uuid() }),
    response: PublicCompound,
  }),
  compoundPoster: endpoint({
    method: 'GET',
    path: '/api/compounds/:id/poster.pdf',
    summary: "A compound's A4 poster with a QR code to its public page",
    tag,
    params: z.object({ id: z.uuid() }),
    response: z.unknown(),
    download: true,
  }),
  regionPosters: endpoint({
    method: 'GET',
    path: '/api/regions/:code/posters.pdf',
    summary: 'The posters of every compound under renovation in a region (one page each)',
    tag,
    params: z.object({ code: regionCode }),
    response: z.unknown(),
    download: true,
  }),
} as const;
