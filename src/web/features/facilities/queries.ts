/** Facilities: the list, one facility, and the writes (each refreshes the lists and the summary). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateFacilityBody,
  FacilityListQuery,
  UpdateFacilityBody,
} from '../../../contract/facilities.js';
import { facilitiesEndpoints } from '../../../contract/facilities.js';
import { call, upload } from '../../shared/api.js';

export const facilitiesKey = ['facilities'] as const;

export function useFacilities(query: FacilityListQuery) {
  return useQuery({
    queryKey: [...facilitiesKey, 'list', query],
    queryFn: ({ signal }) => call(facilitiesEndpoints.listFacilities, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFacility(id: string | null) {
  return useQuery({
    queryKey: [...facilitiesKey, 'one', id],
    queryFn: ({ signal }) => call(facilitiesEndpoints.getFacility, { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: facilitiesKey }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

export function useSaveFacility() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (
      input: { id: string; body: UpdateFacilityBody } | { id?: undefined; body: CreateFacilityBody },
    ) =>
      input.id
        ? call(facilitiesEndpoints.updateFacility, {
            params: { id: input.id },
            body: input.body as UpdateFacilityBody,
          })
        : call(facilitiesEndpoints.createFacility, { body: input.body as CreateFacilityBody }),
    onSuccess: invalidate,
  });
}

export function useDeleteFacility() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      call(facilitiesEndpoints.deleteFacility, { params: { id }, query: { version } }),
    onSuccess: invalidate,
  });
}

/** Send a photo of facility `id` (the lists are refreshed by the caller once all have gone). */
export const uploadFacilityPhoto = (id: string, file: Blob, fileName: string) =>
  upload(facilitiesEndpoints.uploadFacilityPhoto, { params: { id }, query: { fileName }, file });

export function useFacilitiesRefresh() {
  return useInvalidate();
}

export function useFacilityPhoto(id: string) {
  const invalidate = useInvalidate();
  return {
    remove: useMutation({
      mutationFn: (photoId: string) =>
        call(facilitiesEndpoints.deleteFacilityPhoto, { params: { id, photoId } }),
      onSuccess: invalidate,
    }),
  };
}
