/** Inventory reads (compounds, map, households), import jobs, and refreshing after an import. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job, SheetKind } from '../../../contract/imports.js';
import { importsEndpoints } from '../../../contract/imports.js';
import type { CompoundListQuery, HouseholdListQuery, MapQuery } from '../../../contract/inventory.js';
import { inventoryEndpoints } from '../../../contract/inventory.js';
import { call, upload } from '../../shared/api.js';

export const inventoryKey = ['inventory'] as const;

export function useCompoundList(query: CompoundListQuery) {
  return useQuery({
    queryKey: [...inventoryKey, 'list', query],
    queryFn: ({ signal }) => call(inventoryEndpoints.listCompounds, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompoundMap(query: z.output<typeof MapQuery>) {
  return useQuery({
    queryKey: [...inventoryKey, 'map', query],
    queryFn: ({ signal }) => call(inventoryEndpoints.compoundMap, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompound(id: string) {
  return useQuery({
    queryKey: [...inventoryKey, 'compound', id],
    queryFn: ({ signal }) => call(inventoryEndpoints.getCompound, { params: { id }, signal }),
  });
}

export function useHouseholds(id: string, query: z.input<typeof HouseholdListQuery>) {
  return useQuery({
    queryKey: [...inventoryKey, 'households', id, query],
    queryFn: ({ signal }) => call(inventoryEndpoints.listHouseholds, { params: { id }, query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Statuses in which the server is still working on a job; it is polled until it leaves them. */
export const runningStatuses: readonly Job['status'][] = ['validating', 'importing'];

/** A job, polled every 700 ms while it runs. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: ({ signal }) => call(importsEndpoints.getJob, { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && runningStatuses.includes(q.state.data.status) ? 700 : false),
    refetchIntervalInBackground: true,
  });
}

/** Upload a ledger file for checking; the job it starts is then polled. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: SheetKind; file: File; onProgress: (sent: number, total: number) => void }) =>
      upload(importsEndpoints.uploadImport, {
        query: { kind: input.kind, fileName: uploadName(input.file.name) },
        file: input.file,
        onProgress: input.onProgress,
      }),
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}

/** Write a checked import. */
export function useConfirmImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(importsEndpoints.confirmImport, { params: { id } }),
    onSuccess: (job) => queryClient.setQueryData(['jobs', job.id], job),
  });
}

/**
 * After an import everything derived from the inventory may have changed: lists, details, counts,
 * figures; and after a survey sheet, the illegal-structure register.
 */
export function useInvalidateInventory() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: inventoryKey }),
      queryClient.invalidateQueries({ queryKey: ['illegal'] }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

/** The contract allows 200 characters for the file name; keep the extension when shortening. */
function uploadName(name: string): string {
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  return name.slice(0, 200 - extension.length) + extension;
}
