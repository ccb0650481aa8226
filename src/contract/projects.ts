import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
import { fundingSources, itemCategories, projectItemStatuses } from '../domain/projects.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { cadreLevels } from './organisation.js';
import { Photo } from './photos.js';

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
        waiverReason: text().trim().max(limits.shortNote.max).nullable().default(null),
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

/**
 * What the completed renovations of a period add up to (part of the summary). Buildings, floor
 * area, households and residents are sums of the compounds' declared figures over the compounds
 * that declare them: a figure no ledger has given (null) adds nothing, neither zero nor a guess,
 * and `renovatedWithUnknownFigures` says how many compounds lack one or more of the four.
 */
export const RenovationFigures = z.object({
  renovatedCompounds: z.number().int(),
  buildings: z.number().int(),
  floorArea: z.number(),
  households: z.number().int(),
  residents: z.number().int(),
  /** Renovated compounds whose buildings, floor area, households or residents are not known. */
  renovatedWithUnknownFigures: z.number().int(),
  /** The catalogue's mandatory items in use (必改项目; 8 in the demo district), whatever the period. */
  mandatoryItems: z.number().int(),
});
export type RenovationFigures = z.infer<typeof RenovationFigures>;

/** The projects area's endpoints; `api.ts` assembles every area's list. */
export const projectsEndpoints = {
  listProjects: endpoint({
    method: 'GET',
    path: '/api/projects',
    summary: 'Renovation projects (paged, filtered)',
    tag: 'projects',
    query: ProjectListQuery,
    response: ProjectPage,
  }),
  getProject: endpoint({
    method: 'GET',
    path: '/api/projects/:id',
    summary: 'One project with its named accountability',
    tag: 'projects',
    params: ProjectId,
    response: ProjectDetail,
  }),
  createProject: endpoint({
    method: 'POST',
    path: '/api/projects',
    summary: 'Start a project for a compound and year',
    tag: 'projects',
    body: CreateProjectBody,
    response: ProjectDetail,
    status: 201,
  }),
  setAccountability: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/accountability',
    summary: 'Name the liaison, the cadre in charge, the party organisation and the work group',
    tag: 'projects',
    params: ProjectId,
    body: AccountabilityBody,
    response: ProjectDetail,
  }),
  transitionProject: endpoint({
    method: 'POST',
    path: '/api/projects/:id/transition',
    summary: 'Move to the next lifecycle step (preconditions checked)',
    tag: 'projects',
    params: ProjectId,
    body: TransitionBody,
    response: ProjectDetail,
  }),
  setProjectItems: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/items',
    summary: 'Set the renovation items (a waived mandatory item needs a reason)',
    tag: 'projects',
    params: ProjectId,
    body: ItemsBody,
    response: ProjectDetail,
  }),
  setProjectFunding: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/funding',
    summary: 'Set planned / received / spent money per source (万元)',
    tag: 'projects',
    params: ProjectId,
    body: FundingBody,
    response: ProjectDetail,
  }),
  catalogue: endpoint({
    method: 'GET',
    path: '/api/catalogue',
    summary: 'The renovation item catalogue',
    tag: 'projects',
    response: Catalogue,
  }),
  createCatalogueItem: endpoint({
    method: 'POST',
    path: '/api/catalogue',
    summary: 'Add a renovation item to the catalogue (headquarters)',
    tag: 'projects',
    body: CreateCatalogueItemBody,
    response: CatalogueItem,
    status: 201,
  }),
  updateCatalogueItem: endpoint({
    method: 'PATCH',
    path: '/api/catalogue/:code',
    summary: 'Edit or retire a catalogue item',
    tag: 'projects',
    params: CatalogueCode,
    body: UpdateCatalogueItemBody,
    response: CatalogueItem,
  }),
  listBatches: endpoint({
    method: 'GET',
    path: '/api/project-batches',
    summary: 'Batches of compounds renovated together, with their projects by status',
    tag: 'projects',
    query: BatchListQuery,
    response: BatchPage,
  }),
  createBatch: endpoint({
    method: 'POST',
    path: '/api/project-batches',
    summary: 'Start one project per compound, grouped as a batch',
    tag: 'projects',
    body: CreateBatchBody,
    response: BatchPage.shape.items.element,
    status: 201,
  }),
} as const;
