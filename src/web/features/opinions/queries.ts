/** Residents' opinions: the inbox, one opinion, and staff's writes on it. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpinionLedgerBody, OpinionListQuery, OpinionTicketBody } from '../../../contract/opinions.js';
import { opinionsEndpoints } from '../../../contract/opinions.js';
import { call } from '../../shared/api.js';

export const opinionsKey = ['opinions'] as const;

export function useOpinions(query: OpinionListQuery) {
  return useQuery({
    queryKey: [...opinionsKey, 'list', query],
    queryFn: ({ signal }) => call(opinionsEndpoints.listOpinions, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOpinion(id: string) {
  return useQuery({
    queryKey: [...opinionsKey, 'one', id],
    queryFn: ({ signal }) => call(opinionsEndpoints.getOpinion, { params: { id }, signal }),
  });
}

/** Every write changes the inbox, the opinion and the overview's figures. */
function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opinionsKey }),
        queryClient.invalidateQueries({ queryKey: ['stats'] }),
      ]),
  });
}

export const useAnswer = (id: string) =>
  useWrite((body: { version: number; answer: string }) =>
    call(opinionsEndpoints.answerOpinion, { params: { id }, body }),
  );
export const useClose = (id: string) =>
  useWrite((body: { version: number }) => call(opinionsEndpoints.closeOpinion, { params: { id }, body }));
export const useToTicket = (id: string) =>
  useWrite((body: OpinionTicketBody) => call(opinionsEndpoints.opinionToTicket, { params: { id }, body }));
export const useToLedger = (id: string) =>
  useWrite((body: OpinionLedgerBody) => call(opinionsEndpoints.opinionToLedger, { params: { id }, body }));
