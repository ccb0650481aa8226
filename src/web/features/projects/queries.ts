/** Projects: the list, one project, the catalogue, and the writes (each answers with the whole project). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { inventoryEndpoints } from '../../../contract/inventory.js';
import type {
  AccountabilityBody,
  BatchListQuery,
  CreateBatchBody,
  FundingBody,
  ItemsBody,
  ProjectDetail,
  ProjectListQuery,
} from '../../../contract/projects.js';
import { projectsEndpoints } from '../../../contract/projects.js';
import type { ProjectStatus } from '../../../domain/inventory.js';
import { call } from '../../shared/api.js';

export const projectsKey = ['projects'] as const;
const oneKey = (id: string) => [...projectsKey, 'one', id] as const;

export function useProjectList(query: ProjectListQuery) {
  return useQuery({
    queryKey: [...projectsKey, 'list', query],
    queryFn: ({ signal }) => call(projectsEndpoints.listProjects, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string, enabled = true) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => call(projectsEndpoints.getProject, { params: { id }, signal }),
    enabled: enabled && id !== '',
  });
}

/** The key of the renovation catalogue, which the catalogue page edits. */
export const catalogueKey = [...projectsKey, 'catalogue'] as const;

/** The renovation catalogue, retired items included; it changes with configuration only. */
export function useCatalogue() {
  return useQuery({
    queryKey: catalogueKey,
    queryFn: ({ signal }) => call(projectsEndpoints.catalogue, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Batches of projects started together, with their projects counted by status. */
export function useBatches(query: z.input<typeof BatchListQuery>) {
  return useQuery({
    queryKey: [...projectsKey, 'batches', query],
    queryFn: ({ signal }) => call(projectsEndpoints.listBatches, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Projects found by compound name, for pickers. */
export function useProjectSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...projectsKey, 'search', q],
    queryFn: ({ signal }) =>
      call(projectsEndpoints.listProjects, { query: { q: q || undefined, pageSize: 30 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Compounds found by name, code or address, for the new-project form. */
export function useCompoundSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['inventory', 'search', q],
    queryFn: ({ signal }) =>
      call(inventoryEndpoints.listCompounds, { query: { q: q || undefined, pageSize: 30 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After a write: the project's new state in place, and everything derived from projects refetched. */
function useSettle() {
  const queryClient = useQueryClient();
  return (project: ProjectDetail) => {
    queryClient.setQueryData(oneKey(project.id), project);
    void queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['inventory'] });
    void queryClient.invalidateQueries({ queryKey: ['organisation', 'partyBodies'] });
    void queryClient.invalidateQueries({ queryKey: ['stats'] });
  };
}

/** Refetch one project (after a 409, or when something else changed it, such as a new ledger item). */
export function useReloadProject() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: oneKey(id) });
}

export function useCreateProject() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { compoundId: string; year: number }) =>
      call(projectsEndpoints.createProject, { body }),
    onSuccess: settle,
  });
}

/** Start a batch: one project per compound, all or none; lists and figures are refetched. */
export function useCreateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBatchBody) => call(projectsEndpoints.createBatch, { body }),
    onSuccess: () =>
      Promise.all(
        [[...projectsKey, 'list'], [...projectsKey, 'batches'], ['inventory'], ['stats']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useSetAccountability(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: AccountabilityBody) =>
      call(projectsEndpoints.setAccountability, { params: { id }, body }),
    onSuccess: settle,
  });
}

export function useTransition(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: { version: number; to: ProjectStatus }) =>
      call(projectsEndpoints.transitionProject, { params: { id }, body }),
    onSuccess: settle,
  });
}

export function useSetItems(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: ItemsBody) => call(projectsEndpoints.setProjectItems, { params: { id }, body }),
    onSuccess: settle,
  });
}

export function useSetFunding(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: FundingBody) => call(projectsEndpoints.setProjectFunding, { params: { id }, body }),
    onSuccess: settle,
  });
}
