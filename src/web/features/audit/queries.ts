import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditListQuery } from '../../../contract/audit.js';
import { auditEndpoints } from '../../../contract/audit.js';
import { call } from '../../shared/api.js';

/** One page of audit events, filtered on the server. */
export function useAuditList(query: AuditListQuery) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => call(auditEndpoints.listAudit, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
