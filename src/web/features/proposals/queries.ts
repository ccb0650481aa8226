/** CPPCC proposals: the list, one proposal, templates, and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProposalListQuery, TemplateBody } from '../../../contract/proposals.js';
import { proposalsEndpoints } from '../../../contract/proposals.js';
import { call } from '../../shared/api.js';

export const proposalsKey = ['proposals'] as const;

export function useProposals(query: ProposalListQuery) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', query],
    queryFn: ({ signal }) => call(proposalsEndpoints.listProposals, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: [...proposalsKey, 'one', id],
    queryFn: ({ signal }) => call(proposalsEndpoints.getProposal, { params: { id }, signal }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: [...proposalsKey, 'templates'],
    queryFn: ({ signal }) => call(proposalsEndpoints.listTemplates, { signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: proposalsKey });
}

/** The endpoints that act on one proposal, each taking its id and a body. */
type Acting =
  | typeof proposalsEndpoints.assignProposal
  | typeof proposalsEndpoints.returnProposal
  | typeof proposalsEndpoints.extendProposal
  | typeof proposalsEndpoints.addProposalInput
  | typeof proposalsEndpoints.draftReply
  | typeof proposalsEndpoints.updateReply
  | typeof proposalsEndpoints.reviewReply
  | typeof proposalsEndpoints.signReply
  | typeof proposalsEndpoints.sendReply
  | typeof proposalsEndpoints.recordFeedback
  | typeof proposalsEndpoints.addCommitment;

/** One write on a proposal; the proposal and the list are read again after it. */
export function useProposalAction<E extends Acting>(endpoint: E, id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Parameters<typeof call<E>>[1] extends { body: infer B } ? B : never) =>
      // biome-ignore lint/suspicious/noExplicitAny: one hook for endpoints sharing the (id, body) shape
      call(endpoint as any, { params: { id }, body } as any),
    onSuccess: invalidate,
  });
}

export function useRaiseGrade(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(proposalsEndpoints.raiseGrade, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useRemoveCommitment(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (commitmentId: string) =>
      call(proposalsEndpoints.removeCommitment, { params: { id, commitmentId } }),
    onSuccess: invalidate,
  });
}

export function useCreateProposal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Parameters<typeof call<typeof proposalsEndpoints.createProposal>>[1]['body']) =>
      call(proposalsEndpoints.createProposal, { body }),
    onSuccess: invalidate,
  });
}

export function useSaveTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TemplateBody }) =>
      id
        ? call(proposalsEndpoints.updateTemplate, { params: { id }, body })
        : call(proposalsEndpoints.createTemplate, { body }),
    onSuccess: invalidate,
  });
}
