import { z } from 'zod';
import {
  areaBases,
  compoundStatuses,
  projectStatuses,
  propertyManagementKinds,
} from '../domain/inventory.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';

const bool = z.enum(['true', 'false']);

export const CompoundListQuery = PageQuery.extend({
  region: regionCode.optional(),
  old: bool.optional(),
  status: z.enum(compoundStatuses).optional(),
  decade: z.coerce.number().int().min(1900).max(2100).multipleOf(10).optional(),
  q: text().max(limits.search.max).optional(),
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
  id: text(),
  code: text(),
  name: text(),
  /** The community's code, or the subdistrict's when its community is not known. */
  regionCode: text(),
  /** Null when the compound's community is not known (it is registered at its subdistrict). */
  communityName: text().nullable(),
  subdistrictCode: text(),
  subdistrictName: text().nullable(),
  buildYear: z.number().int().nullable(),
  buildYearApprox: z.boolean(),
  isOld: z.boolean(),
  // The ledger's declared figures: null where no ledger has said (unknown, not zero).
  buildingCount: z.number().int().nullable(),
  unitCount: z.number().int().nullable(),
  householdCount: z.number().int().nullable(),
  residentCount: z.number().int().nullable(),
  floorArea: z.number().nullable(),
  propertyManagement: z.enum(propertyManagementKinds).nullable(),
  status: z.enum(compoundStatuses),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  isDemo: z.boolean(),
});
export type CompoundSummary = z.infer<typeof CompoundSummary>;

export const Building = z.object({
  id: text(),
  number: text(),
  floors: z.number().int().nullable(),
  unitCount: z.number().int().nullable(),
  /** Declared; null where no ledger has said. */
  householdCount: z.number().int().nullable(),
  floorArea: z.number().nullable(),
  buildYear: z.number().int().nullable(),
  registeredHouseholds: z.number().int(),
});

export const CompoundDetail = CompoundSummary.extend({
  address: text().nullable(),
  notes: text().nullable(),
  version: z.number().int(),
  buildings: z.array(Building),
  households: z.object({
    registered: z.number().int(),
    owners: z.number().int(),
    exclusiveArea: z.number(),
    byBasis: z.record(z.enum(areaBases), z.number().int()),
  }),
  projects: z.array(z.object({ id: text(), year: z.number().int(), status: z.enum(projectStatuses) })),
});
export type CompoundDetail = z.infer<typeof CompoundDetail>;

export const HouseholdListQuery = PageQuery.extend({
  building: text().max(50).optional(),
  q: text().max(limits.search.max).optional(),
});

export const Household = z.object({
  id: text(),
  building: text(),
  unit: text(),
  room: text(),
  ownerId: text().nullable(),
  ownerKind: text().nullable(),
  /** Masked (王**) unless the caller's role needs personal data. */
  ownerName: text().nullable(),
  ownerIdNumber: text().nullable(),
  contactPhone: text().nullable(),
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
      id: text(),
      name: text(),
      lng: z.number(),
      lat: z.number(),
      status: z.enum(compoundStatuses),
      isOld: z.boolean(),
      subdistrictCode: text(),
    }),
  ),
  withoutCoordinates: z.number().int(),
  tileUrl: text().nullable(),
});

export const RegionTreeNode = z.object({
  code: text(),
  name: text(),
  level: text(),
  parentCode: text().nullable(),
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
