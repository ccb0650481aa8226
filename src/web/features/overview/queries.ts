import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BreakdownQuery } from '../../../contract/stats.js';
import { statsEndpoints } from '../../../contract/stats.js';
import { call } from '../../shared/api.js';

/** The headline figures, with renovation counted over the years from–to. */
export function useSummary(from: number, to: number, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['stats', 'summary', from, to],
    queryFn: ({ signal }) => call(statsEndpoints.statsSummary, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** A breakdown of summary measures by a dimension (see GET /api/stats/breakdown). */
export function useBreakdown(
  query: z.input<typeof BreakdownQuery>,
  options: { refetchInterval?: number } = {},
) {
  return useQuery({
    queryKey: ['stats', 'breakdown', query],
    queryFn: ({ signal }) => call(statsEndpoints.statsBreakdown, { query, signal }),
    placeholderData: keepPreviousData,
    ...options,
  });
}
