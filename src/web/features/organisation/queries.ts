/** Organisation reads: cadres, party bodies and the command structure's figures. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../contract/api.js';
import type { CadreListQuery, PartyBodyQuery } from '../../../contract/projects.js';
import { call } from '../../shared/api.js';

export const organisationKey = ['organisation'] as const;

export function useCadres(query: z.input<typeof CadreListQuery>, enabled = true) {
  return useQuery({
    queryKey: [...organisationKey, 'cadres', query],
    queryFn: ({ signal }) => call(api.listCadres, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 30_000,
  });
}

export function usePartyBodies(query: z.input<typeof PartyBodyQuery>, enabled = true) {
  return useQuery({
    queryKey: [...organisationKey, 'partyBodies', query],
    queryFn: ({ signal }) => call(api.listPartyBodies, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The headline figures, of which this page shows the command structure's. */
export function useOrganisationFigures() {
  return useQuery({
    queryKey: ['stats', 'summary', 'organisation'],
    queryFn: ({ signal }) => call(api.statsSummary, { signal }),
  });
}
