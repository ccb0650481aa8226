import { z } from 'zod';
import { projectStatuses } from '../domain/inventory.js';
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

export const ProjectDetail = ProjectSummary.extend({
  liaisonCadre: Person.nullable(),
  cadreInCharge: Person.nullable(),
  tempPartyOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  workGroup: z.array(Person),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const CadreListQuery = PageQuery.extend({
  level: z.enum(cadreLevels).optional(),
  q: z.string().max(limits.search.max).optional(),
});
export const Cadre = Person.extend({ regionCode: z.string(), unitName: z.string().nullable() });

export const ProjectPage = pageOf(ProjectSummary);
export const CadrePage = pageOf(Cadre);
export const ProjectId = z.object({ id: z.uuid() });
