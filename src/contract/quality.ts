/** Engineering quality: firms and a project's three units, and (below) the quality records. */
import { z } from 'zod';
import { firmKinds } from '../domain/quality.js';
import { limits, PageQuery, pageOf, text } from './common.js';
import { endpoint } from './endpoint.js';

export { firmKinds };

const name = text().trim().min(1).max(limits.name.max);
const phone = text().trim().max(limits.phone.max);

export const FirmListQuery = PageQuery.extend({
  kind: z.enum(firmKinds).optional(),
  q: text().max(limits.search.max).optional(),
});
export const FirmPerson = z.object({
  id: text(),
  name: text(),
  post: text(),
  phone: text().nullable(),
  /** The login acting for this person, by name. */
  username: text().nullable(),
});
export const Firm = z.object({
  id: text(),
  name: text(),
  creditCode: text(),
  qualification: text(),
  contactName: text().nullable(),
  contactPhone: text().nullable(),
  people: z.array(FirmPerson),
  /** Projects in the caller's reach that name this firm. */
  projects: z.number().int(),
  version: z.number().int(),
});
export type Firm = z.infer<typeof Firm>;
export const FirmPage = pageOf(Firm);

const firmFields = {
  name,
  /** 统一社会信用代码; its check character is verified by the server. */
  creditCode: text().trim().toUpperCase().length(18),
  qualification: text().trim().max(limits.name.max).default(''),
  contactName: name.nullable().default(null),
  contactPhone: phone.nullable().default(null),
};
export const CreateFirmBody = z.strictObject(firmFields);
export type CreateFirmBody = z.infer<typeof CreateFirmBody>;
export const UpdateFirmBody = z.strictObject({
  version: z.number().int(),
  ...z.object(firmFields).partial().shape,
});
export type UpdateFirmBody = z.infer<typeof UpdateFirmBody>;
export const AddFirmPersonBody = z.strictObject({
  name,
  post: text().trim().max(limits.name.max).default(''),
  phone: phone.nullable().default(null),
  /** The login (contractor or supervisor) that acts for this person. */
  username: text().trim().max(limits.username.max).nullable().default(null),
});
export type AddFirmPersonBody = z.infer<typeof AddFirmPersonBody>;
export const FirmId = z.object({ id: z.uuid() });

export const ProjectUnit = z.object({
  kind: z.enum(firmKinds),
  firm: z.object({ id: text(), name: text(), creditCode: text(), qualification: text() }),
  people: z.array(FirmPerson),
});
export const ProjectUnits = z.object({ projectId: text(), units: z.array(ProjectUnit) });
export type ProjectUnits = z.infer<typeof ProjectUnits>;
export const SetProjectUnitsBody = z.strictObject({
  units: z
    .array(
      z.strictObject({
        kind: z.enum(firmKinds),
        firmId: z.uuid(),
        /** People of that firm named on the project. */
        people: z.array(z.uuid()).max(50),
      }),
    )
    .max(firmKinds.length),
});
export type SetProjectUnitsBody = z.infer<typeof SetProjectUnitsBody>;
const ProjectId = z.object({ id: z.uuid() });

/** The quality area's endpoints; `api.ts` assembles every area's list. */
export const qualityEndpoints = {
  listFirms: endpoint({
    method: 'GET',
    path: '/api/firms',
    summary: 'Construction, supervising and design firms with their people',
    tag: 'quality',
    query: FirmListQuery,
    response: FirmPage,
  }),
  createFirm: endpoint({
    method: 'POST',
    path: '/api/firms',
    summary: 'Register a firm (unified social credit code checked)',
    tag: 'quality',
    body: CreateFirmBody,
    response: Firm,
    status: 201,
  }),
  updateFirm: endpoint({
    method: 'PATCH',
    path: '/api/firms/:id',
    summary: 'Edit a firm',
    tag: 'quality',
    params: FirmId,
    body: UpdateFirmBody,
    response: Firm,
  }),
  addFirmPerson: endpoint({
    method: 'POST',
    path: '/api/firms/:id/people',
    summary: 'Add a person to a firm, optionally with the login that acts for them',
    tag: 'quality',
    params: FirmId,
    body: AddFirmPersonBody,
    response: Firm,
    status: 201,
  }),
  projectUnits: endpoint({
    method: 'GET',
    path: '/api/projects/:id/units',
    summary: 'A project’s construction, supervising and design units and their people',
    tag: 'quality',
    params: ProjectId,
    response: ProjectUnits,
  }),
  setProjectUnits: endpoint({
    method: 'PUT',
    path: '/api/projects/:id/units',
    summary: 'Name a project’s three units and the people of each',
    tag: 'quality',
    params: ProjectId,
    body: SetProjectUnitsBody,
    response: ProjectUnits,
  }),
} as const;
