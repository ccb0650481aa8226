import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api.js';
import type { AuditListQuery } from '../../../contract/audit.js';
import { call } from '../../shared/api.js';

/** One page of audit events, filtered on the server. */
export function useAuditList(query: AuditListQuery) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => call(api.listAudit, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
