import { z } from 'zod';
import {
  areaBases,
  compoundStatuses,
  projectStatuses,
  propertyManagementKinds,
} from '../domain/inventory.js';
import { limits, PageQuery, pageOf, regionCode } from './common.js';
import { endpoint } from './endpoint.js';

const bool = z.enum(['true', 'false']);

export const CompoundListQuery = PageQuery.extend({
  region: regionCode.optional(),
  old: bool.optional(),
  status: z.enum(compoundStatuses).optional(),
  decade: z.coerce.number().int().min(1900).max(2100).multipleOf(10).optional(),
  q: z.string().max(limits.search.max).optional(),
  sort: z
    .enum([
      'code',
      'name',
      '-name',
      'buildYear',
      '-buildYear',
      'householdCount',
      '-householdCount',
      'floorArea',
      '-floorArea',
    ])
    .default('code'),
});
export type CompoundListQuery = z.infer<typeof CompoundListQuery>;

export const CompoundSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  subdistrictCode: z.string(),
  subdistrictName: z.string().nullable(),
  buildYear: z.number().int().nullable(),
  buildYearApprox: z.boolean(),
  isOld: z.boolean(),
  buildingCount: z.number().int(),
  unitCount: z.number().int(),
  householdCount: z.number().int(),
  residentCount: z.number().int(),
  floorArea: z.number(),
  propertyManagement: z.enum(propertyManagementKinds),
  status: z.enum(compoundStatuses),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  isDemo: z.boolean(),
});
export type CompoundSummary = z.infer<typeof CompoundSummary>;

export const Building = z.object({
  id: z.string(),
  number: z.string(),
  floors: z.number().int().nullable(),
  unitCount: z.number().int(),
  householdCount: z.number().int(),
  floorArea: z.number().nullable(),
  buildYear: z.number().int().nullable(),
  registeredHouseholds: z.number().int(),
});

export const CompoundDetail = CompoundSummary.extend({
  address: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  buildings: z.array(Building),
  households: z.object({
    registered: z.number().int(),
    owners: z.number().int(),
    exclusiveArea: z.number(),
    byBasis: z.record(z.enum(areaBases), z.number().int()),
  }),
  projects: z.array(z.object({ id: z.string(), year: z.number().int(), status: z.enum(projectStatuses) })),
});
export type CompoundDetail = z.infer<typeof CompoundDetail>;

export const HouseholdListQuery = PageQuery.extend({
  building: z.string().max(50).optional(),
  q: z.string().max(limits.search.max).optional(),
});

export const Household = z.object({
  id: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  ownerId: z.string().nullable(),
  ownerKind: z.string().nullable(),
  /** Masked (王**) unless the caller's role needs personal data. */
  ownerName: z.string().nullable(),
  ownerIdNumber: z.string().nullable(),
  contactPhone: z.string().nullable(),
  exclusiveArea: z.number().nullable(),
  areaBasis: z.enum(areaBases).nullable(),
  masked: z.boolean(),
});

export const CompoundPage = pageOf(CompoundSummary);
export const HouseholdPage = pageOf(Household);
export const CompoundId = z.object({ id: z.uuid() });

export const MapQuery = CompoundListQuery.omit({ page: true, pageSize: true, sort: true });
export const MapPoints = z.object({
  points: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lng: z.number(),
      lat: z.number(),
      status: z.enum(compoundStatuses),
      isOld: z.boolean(),
      subdistrictCode: z.string(),
    }),
  ),
  withoutCoordinates: z.number().int(),
  tileUrl: z.string().nullable(),
});

export const RegionTreeNode = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
  compounds: z.number().int(),
  oldCompounds: z.number().int(),
});
export const RegionTree = z.object({ items: z.array(RegionTreeNode), oldCutoffYear: z.number().int() });

/** The inventory's headline figures (part of the summary). */
export const InventoryFigures = z.object({
  compounds: z.number().int(),
  oldCompounds: z.number().int(),
  /** old ÷ all compounds, percent with one decimal */
  oldShare: z.number(),
  oldCutoffYear: z.number().int(),
  cityOldCompounds: z.number().int(),
  /** this district's old compounds ÷ the city's, percent with one decimal */
  shareOfCityOld: z.number(),
});
export type InventoryFigures = z.infer<typeof InventoryFigures>;

/** The inventory area's endpoints; `api.ts` assembles every area's list. */
export const inventoryEndpoints = {
  listCompounds: endpoint({
    method: 'GET',
    path: '/api/compounds',
    summary: 'Compounds (paged, filtered, sorted)',
    tag: 'inventory',
    query: CompoundListQuery,
    response: CompoundPage,
  }),
  compoundMap: endpoint({
    method: 'GET',
    path: '/api/compounds/map',
    summary: 'Compound locations for the map',
    tag: 'inventory',
    query: MapQuery,
    response: MapPoints,
  }),
  getCompound: endpoint({
    method: 'GET',
    path: '/api/compounds/:id',
    summary: 'One compound with buildings, households summary and projects',
    tag: 'inventory',
    params: CompoundId,
    response: CompoundDetail,
  }),
  listHouseholds: endpoint({
    method: 'GET',
    path: '/api/compounds/:id/households',
    summary: 'A compound’s households; personal data masked unless the role needs it',
    tag: 'inventory',
    params: CompoundId,
    query: HouseholdListQuery,
    response: HouseholdPage,
  }),
} as const;
