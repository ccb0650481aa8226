/** Councils and consultations: lists, one consultation, the writes; and the public questionnaire. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerListQuery,
  AssistedAnswerBody,
  CompleteStageBody,
  ConsultationListQuery,
  CorrectAnswerBody,
  CouncilMeetingBody,
  CouncilMemberBody,
  CreateConsultationBody,
  CreateCouncilBody,
  PublicAnswerBody,
  QuestionnaireBody,
} from '../../../contract/consultations.js';
import { consultationsEndpoints } from '../../../contract/consultations.js';
import { call } from '../../shared/api.js';

export const consultKey = ['consultations'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: consultKey }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
    ]);
}

export function useConsultations(query: ConsultationListQuery) {
  return useQuery({
    queryKey: [...consultKey, 'list', query],
    queryFn: ({ signal }) => call(consultationsEndpoints.listConsultations, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: [...consultKey, 'one', id],
    queryFn: ({ signal }) => call(consultationsEndpoints.getConsultation, { params: { id }, signal }),
    // Live results while residents answer.
    refetchInterval: 15_000,
  });
}

export function useCouncils(compoundId: string | undefined) {
  return useQuery({
    queryKey: [...consultKey, 'councils', compoundId],
    queryFn: ({ signal }) =>
      call(consultationsEndpoints.listCouncils, { query: { compoundId: compoundId ?? '' }, signal }),
    enabled: !!compoundId,
  });
}

export function useCreateConsultation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateConsultationBody) => call(consultationsEndpoints.createConsultation, { body }),
    onSuccess: invalidate,
  });
}

export function useSetQuestionnaire(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: QuestionnaireBody) =>
      call(consultationsEndpoints.setQuestionnaire, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useIssueNotices(id: string) {
  return useMutation({
    mutationFn: (buildingId: string) =>
      call(consultationsEndpoints.issueNotices, { params: { id }, body: { buildingId } }),
  });
}

export function useAssistedAnswer(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: AssistedAnswerBody) =>
      call(consultationsEndpoints.addAssistedAnswer, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useAnswers(id: string, query: AnswerListQuery) {
  return useQuery({
    queryKey: [...consultKey, 'answers', id, query],
    queryFn: ({ signal }) => call(consultationsEndpoints.listAnswers, { params: { id }, query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCorrectAnswer(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ answerId, ...body }: CorrectAnswerBody & { answerId: string }) =>
      call(consultationsEndpoints.correctAnswer, { params: { id, answerId }, body }),
    onSuccess: invalidate,
  });
}

export function useCompleteStage(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ key, ...body }: CompleteStageBody & { key: string }) =>
      call(consultationsEndpoints.completeStage, { params: { id, key }, body }),
    onSuccess: invalidate,
  });
}

export function useCreateCouncil() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCouncilBody) => call(consultationsEndpoints.createCouncil, { body }),
    onSuccess: invalidate,
  });
}

export function useAddMember(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CouncilMemberBody) =>
      call(consultationsEndpoints.addCouncilMember, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useAddMeeting(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CouncilMeetingBody) =>
      call(consultationsEndpoints.addCouncilMeeting, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function usePublicQuestionnaire(compoundId: string) {
  return useQuery({
    queryKey: ['public-questionnaire', compoundId],
    queryFn: ({ signal }) =>
      call(consultationsEndpoints.publicQuestionnaire, { params: { compoundId }, signal }),
    retry: false,
  });
}

export function usePublicAnswer(compoundId: string) {
  return useMutation({
    mutationFn: (body: PublicAnswerBody) =>
      call(consultationsEndpoints.publicAnswer, { params: { compoundId }, body }),
  });
}
