/** Owners' votes: the list, one vote with its tally, its register and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CorrectBallotBody,
  CreateVoteBody,
  OccupiedBody,
  PaperBallotBody,
  VoteListQuery,
  VoterQuery,
} from '../../../contract/votes.js';
import { votesEndpoints } from '../../../contract/votes.js';
import { call, upload } from '../../shared/api.js';

export const votesKey = ['votes'] as const;

export function useVotes(query: VoteListQuery, enabled = true) {
  return useQuery({
    queryKey: [...votesKey, 'list', query],
    queryFn: ({ signal }) => call(votesEndpoints.listVotes, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVote(id: string) {
  return useQuery({
    queryKey: [...votesKey, 'vote', id],
    queryFn: ({ signal }) => call(votesEndpoints.getVote, { params: { id }, signal }),
  });
}

export function useVoters(id: string, query: Partial<VoterQuery>, enabled = true) {
  return useQuery({
    queryKey: [...votesKey, 'voters', id, query],
    queryFn: ({ signal }) =>
      call(votesEndpoints.listVoters, { params: { id }, query: { page: 1, pageSize: 20, ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNotices(id: string) {
  return useQuery({
    queryKey: [...votesKey, 'notices', id],
    queryFn: ({ signal }) => call(votesEndpoints.voteNotices, { params: { id }, signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: votesKey }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

export function useCreateVote() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateVoteBody) => call(votesEndpoints.createVote, { body }),
    onSuccess: invalidate,
  });
}

export function useOpenVote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => call(votesEndpoints.openVote, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useCloseVote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => call(votesEndpoints.closeVote, { params: { id }, body: { version } }),
    onSuccess: invalidate,
  });
}

export function useEnterBallot(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PaperBallotBody) => call(votesEndpoints.enterPaperBallot, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useCorrectBallot(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ ballotId, ...body }: CorrectBallotBody & { ballotId: string }) =>
      call(votesEndpoints.correctBallot, { params: { id, ballotId }, body }),
    onSuccess: invalidate,
  });
}

export function useAttachScan(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ ballotId, file }: { ballotId: string; file: File }) =>
      upload(votesEndpoints.uploadBallotScan, {
        params: { id, ballotId },
        query: { fileName: file.name },
        file,
      }),
    onSuccess: invalidate,
  });
}

export function useMarkOccupied(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: OccupiedBody) => call(votesEndpoints.markOccupied, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
