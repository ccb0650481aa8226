/** Illegal structures: the register, one structure, "my households", statistics, and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClearingBody,
  CreateAssignmentBody,
  CreateStructureBody,
  IllegalStatsQuery,
  MeasurementBody,
  NoticeBody,
  RemovalBody,
  StructureListQuery,
  VisitBody,
} from '../../../contract/illegal.js';
import { illegalEndpoints } from '../../../contract/illegal.js';
import { call, upload } from '../../shared/api.js';

export const illegalKey = ['illegal'] as const;

export function useStructures(query: StructureListQuery) {
  return useQuery({
    queryKey: [...illegalKey, 'list', query],
    queryFn: ({ signal }) => call(illegalEndpoints.listStructures, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyStructures(query: StructureListQuery) {
  return useQuery({
    queryKey: [...illegalKey, 'mine', query],
    queryFn: ({ signal }) => call(illegalEndpoints.myStructures, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStructure(id: string) {
  return useQuery({
    queryKey: [...illegalKey, 'structure', id],
    queryFn: ({ signal }) => call(illegalEndpoints.getStructure, { params: { id }, signal }),
  });
}

export function useIllegalStats(query: IllegalStatsQuery) {
  return useQuery({
    queryKey: [...illegalKey, 'stats', query],
    queryFn: ({ signal }) => call(illegalEndpoints.illegalStats, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every write changes the structure, the lists, the board and the overview's figures. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: illegalKey }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

export function useCreateStructure() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateStructureBody) => call(illegalEndpoints.createStructure, { body }),
    onSuccess: invalidate,
  });
}

/** One write on a structure (or an assignment), refreshing what it changes. */
export function useIllegalWrite<B>(fn: (body: B) => Promise<unknown>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export const writes = {
  measure: (id: string) => (body: MeasurementBody) =>
    call(illegalEndpoints.addMeasurement, { params: { id }, body }),
  visit: (id: string) => (body: VisitBody) => call(illegalEndpoints.addVisit, { params: { id }, body }),
  notice: (id: string) => (body: NoticeBody) => call(illegalEndpoints.recordNotice, { params: { id }, body }),
  remove: (id: string) => (body: RemovalBody) =>
    call(illegalEndpoints.recordRemoval, { params: { id }, body }),
  clear: (id: string) => (body: ClearingBody) =>
    call(illegalEndpoints.recordClearing, { params: { id }, body }),
  assign: () => (body: CreateAssignmentBody) => call(illegalEndpoints.createAssignment, { body }),
  photo:
    (id: string) =>
    ({ file, fileName }: { file: Blob; fileName: string }) =>
      upload(illegalEndpoints.uploadStructurePhoto, { params: { id }, query: { fileName }, file }),
};
