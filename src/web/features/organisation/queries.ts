/** Organisation reads and writes: the six registries and the command structure's figures. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CadreListQuery,
  CreateCadreBody,
  CreatePartyBodyBody,
  CreateUnitBody,
  PartyBodyQuery,
  UnitListQuery,
  UpdateCadreBody,
  UpdateUnitBody,
} from '../../../contract/organisation.js';
import { organisationEndpoints } from '../../../contract/organisation.js';
import { statsEndpoints } from '../../../contract/stats.js';
import { call } from '../../shared/api.js';

export const organisationKey = ['organisation'] as const;

export function useCadres(query: z.input<typeof CadreListQuery>, enabled = true) {
  return useQuery({
    queryKey: [...organisationKey, 'cadres', query],
    queryFn: ({ signal }) => call(organisationEndpoints.listCadres, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 30_000,
  });
}

export function usePartyBodies(query: z.input<typeof PartyBodyQuery>, enabled = true) {
  return useQuery({
    queryKey: [...organisationKey, 'partyBodies', query],
    queryFn: ({ signal }) => call(organisationEndpoints.listPartyBodies, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTaskForceList() {
  return useQuery({
    queryKey: [...organisationKey, 'taskForces'],
    queryFn: ({ signal }) => call(organisationEndpoints.listTaskForces, { signal }),
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: [...organisationKey, 'departments'],
    queryFn: ({ signal }) => call(organisationEndpoints.listDepartments, { signal }),
  });
}

export function useUnitList(query: z.input<typeof UnitListQuery>, enabled = true) {
  return useQuery({
    queryKey: [...organisationKey, 'units', query],
    queryFn: ({ signal }) => call(organisationEndpoints.listUnits, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFirstSecretaries() {
  return useQuery({
    queryKey: [...organisationKey, 'firstSecretaries'],
    queryFn: ({ signal }) => call(organisationEndpoints.listFirstSecretaries, { signal }),
  });
}

/** The headline figures, of which this page shows the command structure's. */
export function useOrganisationFigures() {
  return useQuery({
    queryKey: ['stats', 'summary', 'organisation'],
    queryFn: ({ signal }) => call(statsEndpoints.statsSummary, { signal }),
  });
}

/** A registry write; afterwards every organisation list (here and in the pickers) and the figures refresh. */
function useOrganisationMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKey }),
        queryClient.invalidateQueries({ queryKey: ['stats'] }),
      ]),
  });
}

export const useCreateCadre = () =>
  useOrganisationMutation((body: z.input<typeof CreateCadreBody>) =>
    call(organisationEndpoints.createCadre, { body }),
  );

export const useUpdateCadre = () =>
  useOrganisationMutation(({ id, body }: { id: string; body: UpdateCadreBody }) =>
    call(organisationEndpoints.updateCadre, { params: { id }, body }),
  );

export const useCreateUnit = () =>
  useOrganisationMutation((body: z.input<typeof CreateUnitBody>) =>
    call(organisationEndpoints.createUnit, { body }),
  );

export const useUpdateUnit = () =>
  useOrganisationMutation(({ id, body }: { id: string; body: UpdateUnitBody }) =>
    call(organisationEndpoints.updateUnit, { params: { id }, body }),
  );

export const useSetFirstSecretary = () =>
  useOrganisationMutation(({ regionCode, cadreId }: { regionCode: string; cadreId: string }) =>
    call(organisationEndpoints.setFirstSecretary, { params: { regionCode }, body: { cadreId } }),
  );

export const useCreatePartyBody = () =>
  useOrganisationMutation((body: z.input<typeof CreatePartyBodyBody>) =>
    call(organisationEndpoints.createPartyBody, { body }),
  );
