import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
import { fundingSources, itemCategories, projectItemStatuses } from '../domain/projects.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { cadreLevels } from './organisation.js';

export const ProjectListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(projectStatuses).optional(),
  region: regionCode.optional(),
  batchId: z.uuid().optional(),
  q: text().max(limits.search.max).optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const ProjectSummary = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  regionCode: text(),
  subdistrictName: text().nullable(),
  year: z.number().int(),
  status: z.enum(projectStatuses),
  batch: z.object({ id: text(), name: text() }).nullable(),
  version: z.number().int(),
});

const Person = z.object({ id: text(), name: text(), level: z.enum(cadreLevels) });

export const Photo = z.object({
  id: text(),
  fileName: text(),
  size: z.number().int(),
  createdAt: text(),
});
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PhotoParams = z.object({ id: z.uuid(), code: text().max(limits.catalogueCode.max) });
export const PhotoUploadQuery = z.object({ fileName: text().trim().min(1).max(200) });
export const PhotoId = z.object({ id: z.uuid() });

export const ProjectItem = z.object({
  catalogueCode: text(),
  name: text(),
  category: z.enum(itemCategories),
  unit: text(),
  mandatory: z.boolean(),
  quantity: z.number().nullable(),
  budget: z.number().nullable(),
  progress: z.number().int(),
  status: z.enum(projectItemStatuses),
  waiverReason: text().nullable(),
  /** Site photos, newest first. */
  photos: z.array(Photo),
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
  tempPartyOrg: z.object({ id: text(), name: text() }).nullable(),
  workGroup: z.array(Person),
  items: z.array(ProjectItem),
  funding: z.array(FundingRow),
  openLedgerItems: z.number().int(),
  /** The next lifecycle step and what still stands in its way, in the caller's language. */
  nextStatus: z.enum(projectStatuses).nullable(),
  nextStepProblems: z.array(z.object({ reason: text(), message: text() })),
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
        catalogueCode: text().max(limits.catalogueCode.max),
        quantity: z.number().min(0).nullable().default(null),
        budget: z.number().min(0).nullable().default(null),
        progress: z.number().int().min(0).max(100).default(0),
        status: z.enum(projectItemStatuses).default('planned'),
        waiverReason: text().trim().max(500).nullable().default(null),
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
  code: text(),
  name: text(),
  category: z.enum(itemCategories),
  unit: text(),
  mandatory: z.boolean(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;
export const Catalogue = z.object({ items: z.array(CatalogueItem) });
export type ProjectDetail = z.infer<typeof ProjectDetail>;

const catalogueFields = {
  name: text().trim().min(1).max(limits.name.max),
  category: z.enum(itemCategories),
  unit: text().trim().min(1).max(limits.unitOfMeasure.max),
  mandatory: z.boolean(),
  sort: z.number().int().min(0).max(10_000),
};
export const CreateCatalogueItemBody = z.strictObject({
  code: text()
    .trim()
    .regex(new RegExp(`^[A-Za-z0-9_-]{1,${limits.catalogueCode.max}}$`), 'letters, digits, - and _'),
  ...catalogueFields,
});
export type CreateCatalogueItemBody = z.infer<typeof CreateCatalogueItemBody>;
export const UpdateCatalogueItemBody = z.strictObject({
  version: z.number().int(),
  ...z.object(catalogueFields).partial().shape,
  active: z.boolean().optional(),
});
export type UpdateCatalogueItemBody = z.infer<typeof UpdateCatalogueItemBody>;
export const CatalogueCode = z.object({ code: text().max(limits.catalogueCode.max) });

export const ProjectPage = pageOf(ProjectSummary);
export const ProjectId = z.object({ id: z.uuid() });

/** Several compounds renovated together in one year: one project each, grouped. */
export const CreateBatchBody = z.strictObject({
  name: text().trim().min(1).max(limits.name.max),
  year: z.number().int().min(2000).max(2100),
  compoundIds: z.array(z.uuid()).min(2).max(200),
});
export type CreateBatchBody = z.infer<typeof CreateBatchBody>;
export const BatchListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const Batch = z.object({
  id: text(),
  name: text(),
  year: z.number().int(),
  regionCode: text(),
  projects: z.number().int(),
  /** Projects per lifecycle status. */
  byStatus: z.partialRecord(z.enum(projectStatuses), z.number().int()),
});
export const BatchPage = pageOf(Batch);
