import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
import { fundingSources, itemCategories, projectItemStatuses } from '../domain/projects.js';
import { limits, PageQuery, pageOf, regionCode } from './common.js';

export const cadreLevels = ['county', 'section', 'other'] as const;

export const ProjectListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(projectStatuses).optional(),
  region: regionCode.optional(),
  q: z.string().max(limits.search.max).optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const ProjectSummary = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  regionCode: z.string(),
  subdistrictName: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(projectStatuses),
  version: z.number().int(),
});

const Person = z.object({ id: z.string(), name: z.string(), level: z.enum(cadreLevels) });

export const ProjectItem = z.object({
  catalogueCode: z.string(),
  name: z.string(),
  category: z.enum(itemCategories),
  unit: z.string(),
  mandatory: z.boolean(),
  quantity: z.number().nullable(),
  budget: z.number().nullable(),
  progress: z.number().int(),
  status: z.enum(projectItemStatuses),
  waiverReason: z.string().nullable(),
});

export const FundingRow = z.object({
  source: z.enum(fundingSources),
  planned: z.number(),
  received: z.number(),
  spent: z.number(),
});

export const ProjectDetail = ProjectSummary.extend({
  liaisonCadre: Person.nullable(),
  cadreInCharge: Person.nullable(),
  tempPartyOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  workGroup: z.array(Person),
  items: z.array(ProjectItem),
  funding: z.array(FundingRow),
  openLedgerItems: z.number().int(),
  /** The next lifecycle step and what still stands in its way, in the caller's language. */
  nextStatus: z.enum(projectStatuses).nullable(),
  nextStepProblems: z.array(z.object({ reason: z.string(), message: z.string() })),
});

export const CreateProjectBody = z.strictObject({
  compoundId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
});

export const AccountabilityBody = z.strictObject({
  version: z.number().int(),
  liaisonCadreId: z.uuid().nullable(),
  cadreInChargeId: z.uuid().nullable(),
  tempPartyOrgId: z.uuid().nullable(),
  workGroup: z.array(z.uuid()).max(50),
});
export type AccountabilityBody = z.infer<typeof AccountabilityBody>;

export const TransitionBody = z.strictObject({ version: z.number().int(), to: z.enum(projectStatuses) });

export const ItemsBody = z.strictObject({
  version: z.number().int(),
  items: z
    .array(
      z.strictObject({
        catalogueCode: z.string().max(40),
        quantity: z.number().min(0).nullable().default(null),
        budget: z.number().min(0).nullable().default(null),
        progress: z.number().int().min(0).max(100).default(0),
        status: z.enum(projectItemStatuses).default('planned'),
        waiverReason: z.string().trim().max(500).nullable().default(null),
      }),
    )
    .max(100),
});
export type ItemsBody = z.infer<typeof ItemsBody>;

export const FundingBody = z.strictObject({
  version: z.number().int(),
  rows: z
    .array(
      FundingRow.extend({
        planned: z.number().min(0),
        received: z.number().min(0),
        spent: z.number().min(0),
      }),
    )
    .max(20),
});
export type FundingBody = z.infer<typeof FundingBody>;

export const CatalogueItem = z.object({
  code: z.string(),
  name: z.string(),
  category: z.enum(itemCategories),
  unit: z.string(),
  mandatory: z.boolean(),
});
export const Catalogue = z.object({ items: z.array(CatalogueItem) });
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const CadreListQuery = PageQuery.extend({
  level: z.enum(cadreLevels).optional(),
  q: z.string().max(limits.search.max).optional(),
});
export const Cadre = Person.extend({ regionCode: z.string(), unitName: z.string().nullable() });

export const ProjectPage = pageOf(ProjectSummary);
export const CadrePage = pageOf(Cadre);
export const ProjectId = z.object({ id: z.uuid() });

/** Party bodies to choose a project's temporary party organisation from. */
export const PartyBodyQuery = PageQuery.extend({
  kind: z.enum(['temp_party_org', 'commando_team', 'vanguard_post', 'co_building_unit']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
});
export const PartyBody = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  projectId: z.string().nullable(),
  regionCode: z.string(),
});
export const PartyBodyPage = pageOf(PartyBody);
