import { z } from 'zod';
import { facilityActions, facilityGroups, facilityTypeCount } from '../domain/facilities.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { Photo, PhotoUploadQuery } from './photos.js';

/** The lists are the domain's (src/domain/facilities.ts); the contract and its clients take them from here. */
export { facilityActions, facilityGroups, facilityTypeCount };

const day = z.iso.date();
const Id = z.object({ id: z.uuid() });
const typeName = text().trim().min(1).max(limits.name.max);

/** One entry of the district's facility type list: its name and the indicator group it counts towards. */
export const FacilityTypeEntry = z.strictObject({ name: typeName, group: z.enum(facilityGroups) });
export const FacilityTypeList = z
  .array(FacilityTypeEntry)
  .min(facilityTypeCount.min)
  .max(facilityTypeCount.max);

export const FacilityListQuery = PageQuery.extend({
  region: regionCode.optional(),
  compoundId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  type: typeName.optional(),
  group: z.enum(facilityGroups).optional(),
  /** Completed in this year. */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  q: text().max(limits.search.max).optional(),
});
export type FacilityListQuery = z.infer<typeof FacilityListQuery>;

export const Facility = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  projectId: text().nullable(),
  projectYear: z.number().int().nullable(),
  regionCode: text(),
  subdistrictName: text().nullable(),
  type: text(),
  group: z.enum(facilityGroups),
  count: z.number().int(),
  action: z.enum(facilityActions),
  completedOn: text(),
  buildingId: text().nullable(),
  buildingNumber: text().nullable(),
  unit: text().nullable(),
  remarks: text().nullable(),
  photoCount: z.number().int(),
  version: z.number().int(),
});
export type Facility = z.infer<typeof Facility>;
export const FacilityPage = pageOf(Facility);

export const FacilityDetail = Facility.extend({
  photos: z.array(Photo),
  /** Whether the caller may edit or delete it and add photos. */
  canWrite: z.boolean(),
});
export type FacilityDetail = z.infer<typeof FacilityDetail>;

const fields = {
  /** The renovation project it came with: one of the compound's projects. */
  projectId: z.uuid().nullable().optional(),
  type: typeName,
  count: z.number().int().positive().max(100_000),
  action: z.enum(facilityActions),
  completedOn: day,
  /** Where it is: a building, and for a lift the stairwell unit (单元) it was added to. */
  buildingId: z.uuid().nullable().optional(),
  unit: text().trim().min(1).max(limits.name.max).nullable().optional(),
  remarks: text().trim().max(limits.shortNote.max).nullable().optional(),
};
export const CreateFacilityBody = z.strictObject({ compoundId: z.uuid(), ...fields });
export type CreateFacilityBody = z.infer<typeof CreateFacilityBody>;
export const UpdateFacilityBody = z.strictObject({ version: z.number().int(), ...fields });
export type UpdateFacilityBody = z.infer<typeof UpdateFacilityBody>;
export const DeleteFacilityQuery = z.object({ version: z.coerce.number().int() });

/**
 * The facilities part of the summary (sums of counts, by date completed within the period): rooms
 * and stations built (party-mass activity rooms and home elderly-care stations, the letter's 71),
 * shops cum service points built (4), every facility added or improved (over 8,600), and the
 * national survey's indicators: lifts added, elderly-care and childcare facilities.
 */
export const FacilityFigures = z.object({
  activityRooms: z.number().int(),
  serviceShops: z.number().int(),
  facilities: z.number().int(),
  liftsAdded: z.number().int(),
  elderlyCareFacilities: z.number().int(),
  childcareFacilities: z.number().int(),
});
export type FacilityFigures = z.infer<typeof FacilityFigures>;

/** The facilities area's endpoints; `api.ts` assembles every area's list. */
export const facilitiesEndpoints = {
  listFacilities: endpoint({
    method: 'GET',
    path: '/api/facilities',
    summary: 'Service facilities added or improved, in scope, by region, compound, project, type, year',
    tag: 'facilities',
    query: FacilityListQuery,
    response: FacilityPage,
  }),
  exportFacilities: endpoint({
    method: 'GET',
    path: '/api/facilities/export',
    summary: 'The facilities list (same filters) as an office sheet with a 合计 row (xlsx)',
    tag: 'facilities',
    query: FacilityListQuery.omit({ page: true, pageSize: true }),
    response: z.unknown(),
    download: true,
  }),
  createFacility: endpoint({
    method: 'POST',
    path: '/api/facilities',
    summary: 'Register a facility added or improved in a compound (optionally with its project)',
    tag: 'facilities',
    body: CreateFacilityBody,
    response: FacilityDetail,
    status: 201,
  }),
  getFacility: endpoint({
    method: 'GET',
    path: '/api/facilities/:id',
    summary: 'One facility with its photos',
    tag: 'facilities',
    params: Id,
    response: FacilityDetail,
  }),
  updateFacility: endpoint({
    method: 'PUT',
    path: '/api/facilities/:id',
    summary: 'Edit a facility (a stale version is refused)',
    tag: 'facilities',
    params: Id,
    body: UpdateFacilityBody,
    response: FacilityDetail,
  }),
  deleteFacility: endpoint({
    method: 'DELETE',
    path: '/api/facilities/:id',
    summary: 'Delete a facility and its photos (a stale version is refused)',
    tag: 'facilities',
    params: Id,
    query: DeleteFacilityQuery,
    response: z.object({ ok: z.literal(true) }),
  }),
  uploadFacilityPhoto: endpoint({
    method: 'POST',
    path: '/api/facilities/:id/photos',
    summary: 'Attach a photo to a facility (JPEG, PNG or WebP, raw bytes)',
    tag: 'facilities',
    params: Id,
    query: PhotoUploadQuery,
    upload: true,
    response: Photo,
    status: 201,
  }),
  deleteFacilityPhoto: endpoint({
    method: 'DELETE',
    path: '/api/facilities/:id/photos/:photoId',
    summary: 'Remove a photo of a facility',
    tag: 'facilities',
    params: z.object({ id: z.uuid(), photoId: z.uuid() }),
    response: z.object({ ok: z.literal(true) }),
  }),
} as const;
