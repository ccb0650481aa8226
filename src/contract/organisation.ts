/** The organisation registries: task forces, departments, units, cadres, first secretaries, party bodies. */
import { z } from 'zod';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

export const cadreLevels = ['county', 'section', 'other'] as const;
export const partyBodyKinds = [
  'temp_party_org',
  'commando_team',
  'vanguard_post',
  'co_building_unit',
] as const;

const Named = z.object({ id: text(), name: text() });
const name = text().trim().min(1).max(limits.name.max);

export const TaskForce = z.object({
  id: text(),
  code: text(),
  name: text(),
  lead: Named.nullable(),
  members: z.array(Named),
});
export const TaskForceList = z.object({ items: z.array(TaskForce) });

export const Department = z.object({
  id: text(),
  name: text(),
  pooled: z.boolean(),
  leads: z.array(text()),
  memberOf: z.array(text()),
});
export const DepartmentList = z.object({ items: z.array(Department) });

export const UnitListQuery = PageQuery.extend({ q: text().max(limits.search.max).optional() });
export const Unit = z.object({
  id: text(),
  name: text(),
  leader: Named.nullable(),
  cadres: z.number().int(),
  version: z.number().int(),
});
export const UnitPage = pageOf(Unit);
export const CreateUnitBody = z.strictObject({ name, leaderCadreId: z.uuid().nullable().default(null) });
export const UpdateUnitBody = z.strictObject({
  version: z.number().int(),
  name: name.optional(),
  leaderCadreId: z.uuid().nullable().optional(),
});
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const CadreListQuery = PageQuery.extend({
  level: z.enum(cadreLevels).optional(),
  region: regionCode.optional(),
  unitId: z.uuid().optional(),
  q: text().max(limits.search.max).optional(),
});
export type CadreListQuery = z.infer<typeof CadreListQuery>;
export const Cadre = z.object({
  id: text(),
  name: text(),
  level: z.enum(cadreLevels),
  regionCode: text(),
  regionName: text().nullable(),
  unitId: text().nullable(),
  unitName: text().nullable(),
  superior: Named.nullable(),
  /** Masked unless the caller's role may see cadres' phones. */
  phone: text().nullable(),
  hasLogin: z.boolean(),
  version: z.number().int(),
});
export const CadrePage = pageOf(Cadre);
const phone = text()
  .trim()
  .regex(new RegExp(`^[0-9+\\-\\s]{5,${limits.phone.max}}$`), 'a phone number');
export const CreateCadreBody = z.strictObject({
  name,
  level: z.enum(cadreLevels),
  regionCode,
  unitId: z.uuid().nullable().default(null),
  superiorId: z.uuid().nullable().default(null),
  phone: phone.nullable().default(null),
});
export type CreateCadreBody = z.infer<typeof CreateCadreBody>;
export const UpdateCadreBody = z.strictObject({
  version: z.number().int(),
  name: name.optional(),
  level: z.enum(cadreLevels).optional(),
  regionCode: regionCode.optional(),
  unitId: z.uuid().nullable().optional(),
  superiorId: z.uuid().nullable().optional(),
  phone: phone.nullable().optional(),
});
export type UpdateCadreBody = z.infer<typeof UpdateCadreBody>;

export const FirstSecretary = z.object({
  regionCode: text(),
  subdistrictName: text(),
  cadre: Named.extend({ level: z.enum(cadreLevels) }).nullable(),
});
export const FirstSecretaryList = z.object({ items: z.array(FirstSecretary) });
export const FirstSecretaryParams = z.object({ regionCode });
export const SetFirstSecretaryBody = z.strictObject({ cadreId: z.uuid() });

/** Party bodies; `unassigned` lists those not yet attached to a project. */
export const PartyBodyQuery = PageQuery.extend({
  kind: z.enum(partyBodyKinds).optional(),
  region: regionCode.optional(),
  projectId: z.uuid().optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  q: text().max(limits.search.max).optional(),
});
export const PartyBody = z.object({
  id: text(),
  kind: z.enum(partyBodyKinds),
  name: text(),
  projectId: text().nullable(),
  compoundName: text().nullable(),
  regionCode: text(),
  regionName: text().nullable(),
});
export const PartyBodyPage = pageOf(PartyBody);
export const CreatePartyBodyBody = z.strictObject({
  kind: z.enum(partyBodyKinds),
  name,
  regionCode,
  projectId: z.uuid().nullable().default(null),
});
export type CreatePartyBodyBody = z.infer<typeof CreatePartyBodyBody>;

export const registries = [
  'task_forces',
  'departments',
  'units',
  'cadres',
  'first_secretaries',
  'party_bodies',
] as const;
export const RegistryExportQuery = z.object({
  registry: z.enum(registries),
  /** Cadres' phones; only for roles that may see them, and audited. */
  includePersonal: z.enum(['true', 'false']).default('false'),
});

export const IdParams = z.object({ id: z.uuid() });

/** The command structure (district-wide) and the people and party bodies in scope (part of the summary). */
export const OrganisationFigures = z.object({
  taskForces: z.number().int(),
  departments: z.number().int(),
  units: z.number().int(),
  cadres: z.number().int(),
  tempPartyOrgs: z.number().int(),
  commandoTeams: z.number().int(),
  vanguardPosts: z.number().int(),
  coBuildingUnits: z.number().int(),
});
export type OrganisationFigures = z.infer<typeof OrganisationFigures>;

/** The organisation area's endpoints; `api.ts` assembles every area's list. */
export const organisationEndpoints = {
  listCadres: endpoint({
    method: 'GET',
    path: '/api/cadres',
    summary: 'Cadres in the caller’s scope (phones masked unless the role may see them)',
    tag: 'organisation',
    query: CadreListQuery,
    response: CadrePage,
  }),
  listPartyBodies: endpoint({
    method: 'GET',
    path: '/api/party-bodies',
    summary: 'Party organisations, commando teams, vanguard posts, co-building units in scope',
    tag: 'organisation',
    query: PartyBodyQuery,
    response: PartyBodyPage,
  }),
  createCadre: endpoint({
    method: 'POST',
    path: '/api/cadres',
    summary: 'Add a cadre (headquarters)',
    tag: 'organisation',
    body: CreateCadreBody,
    response: CadrePage.shape.items.element,
    status: 201,
  }),
  updateCadre: endpoint({
    method: 'PATCH',
    path: '/api/cadres/:id',
    summary: 'Edit a cadre, including their superior (no cycles in the chain)',
    tag: 'organisation',
    params: IdParams,
    body: UpdateCadreBody,
    response: CadrePage.shape.items.element,
  }),
  listTaskForces: endpoint({
    method: 'GET',
    path: '/api/task-forces',
    summary: 'The headquarters’ task forces with their lead and member departments',
    tag: 'organisation',
    response: TaskForceList,
  }),
  listDepartments: endpoint({
    method: 'GET',
    path: '/api/departments',
    summary: 'Departments and the task forces they lead or serve in',
    tag: 'organisation',
    response: DepartmentList,
  }),
  listUnits: endpoint({
    method: 'GET',
    path: '/api/units',
    summary: 'District units that send cadres, with their leader and cadre count',
    tag: 'organisation',
    query: UnitListQuery,
    response: UnitPage,
  }),
  createUnit: endpoint({
    method: 'POST',
    path: '/api/units',
    summary: 'Add a unit (headquarters)',
    tag: 'organisation',
    body: CreateUnitBody,
    response: UnitPage.shape.items.element,
    status: 201,
  }),
  updateUnit: endpoint({
    method: 'PATCH',
    path: '/api/units/:id',
    summary: 'Rename a unit or name its leader',
    tag: 'organisation',
    params: IdParams,
    body: UpdateUnitBody,
    response: UnitPage.shape.items.element,
  }),
  listFirstSecretaries: endpoint({
    method: 'GET',
    path: '/api/first-secretaries',
    summary: 'Each subdistrict’s first secretary',
    tag: 'organisation',
    response: FirstSecretaryList,
  }),
  setFirstSecretary: endpoint({
    method: 'PUT',
    path: '/api/first-secretaries/:regionCode',
    summary: 'Name a subdistrict’s first secretary (a county-level cadre)',
    tag: 'organisation',
    params: FirstSecretaryParams,
    body: SetFirstSecretaryBody,
    response: FirstSecretaryList,
  }),
  createPartyBody: endpoint({
    method: 'POST',
    path: '/api/party-bodies',
    summary: 'Form a party body in a region, optionally attached to a project',
    tag: 'organisation',
    body: CreatePartyBodyBody,
    response: PartyBody,
    status: 201,
  }),
  registryExport: endpoint({
    method: 'GET',
    path: '/api/organisation/export',
    summary: 'One organisation registry as an Excel sheet',
    tag: 'organisation',
    query: RegistryExportQuery,
    response: z.unknown(),
    download: true,
  }),
} as const;
