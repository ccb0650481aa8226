/** The supervision ledger: lists, the board, and the writes (which change lists, projects and notifications). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateLedgerItemBody,
  CreateMeetingBody,
  LedgerListQuery,
  MeetingListQuery,
  ProgressBody,
} from '../../../contract/ledger.js';
import { ledgerEndpoints } from '../../../contract/ledger.js';
import { organisationEndpoints } from '../../../contract/organisation.js';
import { call } from '../../shared/api.js';

export const ledgerKey = ['ledger'] as const;

export function useLedgerList(query: LedgerListQuery, enabled = true) {
  return useQuery({
    queryKey: [...ledgerKey, 'list', query],
    queryFn: ({ signal }) => call(ledgerEndpoints.listLedger, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMyLedger(query: LedgerListQuery) {
  return useQuery({
    queryKey: [...ledgerKey, 'mine', query],
    queryFn: ({ signal }) => call(ledgerEndpoints.myLedger, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One item with its meeting, every progress report and their evidence photos; null id: none shown. */
export function useLedgerItem(id: string | null) {
  return useQuery({
    queryKey: [...ledgerKey, 'item', id],
    queryFn: ({ signal }) => call(ledgerEndpoints.getLedgerItem, { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

/** Past meetings in scope, newest first. */
export function useMeetings(query: MeetingListQuery) {
  return useQuery({
    queryKey: [...ledgerKey, 'meetings', query],
    queryFn: ({ signal }) => call(ledgerEndpoints.listMeetings, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One meeting with the ledger items its decisions created. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...ledgerKey, 'meeting', id],
    queryFn: ({ signal }) => call(ledgerEndpoints.getMeeting, { params: { id }, signal }),
  });
}

export function useBoard() {
  return useQuery({
    queryKey: [...ledgerKey, 'board'],
    queryFn: ({ signal }) => call(ledgerEndpoints.ledgerBoard, { signal }),
  });
}

/** The headquarters' task forces, which may supervise ledger items; they change rarely. */
export function useTaskForces() {
  return useQuery({
    queryKey: ['organisation', 'taskForces'],
    queryFn: ({ signal }) => call(organisationEndpoints.listTaskForces, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Everything a ledger write may change: the lists, the board, projects' counts and steps, notifications. */
export function useInvalidateLedger() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKey }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

export function useCreateLedgerItem() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (body: CreateLedgerItemBody) => call(ledgerEndpoints.createLedgerItem, { body }),
    onSuccess: invalidate,
  });
}

export function useReportProgress() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProgressBody }) =>
      call(ledgerEndpoints.reportProgress, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useCreateMeeting() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) => call(ledgerEndpoints.createMeeting, { body }),
    onSuccess: invalidate,
  });
}
