import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FundingTotalsQuery } from '../../../contract/stats.js';
import { statsEndpoints } from '../../../contract/stats.js';
import { call } from '../../shared/api.js';

/** Funding by year × subdistrict and source (万元), within the caller's scope. */
export function useFundingTotals(query: z.input<typeof FundingTotalsQuery>) {
  return useQuery({
    queryKey: ['stats', 'funding', query],
    queryFn: ({ signal }) => call(statsEndpoints.fundingTotals, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
