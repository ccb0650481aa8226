import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api.js';
import { call } from '../../shared/api.js';

/** The headline figures, with renovation counted over the years from–to. */
export function useSummary(from: number, to: number) {
  return useQuery({
    queryKey: ['stats', 'summary', from, to],
    queryFn: ({ signal }) => call(api.statsSummary, { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}
