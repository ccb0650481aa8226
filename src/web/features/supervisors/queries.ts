/** Resident supervisors: the registry and its writes, and a supervisor's own page and reports. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { projectsEndpoints } from '../../../contract/projects.js';
import type { CreateSupervisorBody, ReportBody, SupervisorListQuery } from '../../../contract/supervisors.js';
import { supervisorsEndpoints } from '../../../contract/supervisors.js';
import { call, upload } from '../../shared/api.js';

export const supervisorsKey = ['supervisors'] as const;

export function useSupervisors(query: SupervisorListQuery) {
  return useQuery({
    queryKey: [...supervisorsKey, 'list', query],
    queryFn: ({ signal }) => call(supervisorsEndpoints.listSupervisors, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMySupervision() {
  return useQuery({
    queryKey: [...supervisorsKey, 'mine'],
    queryFn: ({ signal }) => call(supervisorsEndpoints.mySupervision, { signal }),
  });
}

/** The projects of one compound (to appoint its supervisors to), found by its name. */
export function useCompoundProjects(compoundId: string, compoundName: string, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'of-compound', compoundId],
    queryFn: async ({ signal }) => {
      const page = await call(projectsEndpoints.listProjects, {
        query: { q: compoundName, pageSize: 100 },
        signal,
      });
      return page.items.filter((p) => p.compoundId === compoundId);
    },
    enabled,
  });
}

/** Every write changes the registry or the supervisor's page, and the overview's figures. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: supervisorsKey }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
    ]);
}

export function useSupervisorWrite<B, R>(fn: (body: B) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export const writes = {
  create: (body: CreateSupervisorBody) => call(supervisorsEndpoints.createSupervisor, { body }),
  appoint: (id: string) => (body: { projectId: string }) =>
    call(supervisorsEndpoints.appointSupervisor, { params: { id }, body }),
  unappoint: (id: string, projectId: string) =>
    call(supervisorsEndpoints.unappointSupervisor, { params: { id, projectId } }),
  login: (id: string) => (body: { username: string }) =>
    call(supervisorsEndpoints.supervisorLogin, { params: { id }, body }),
  report: (projectId: string) => (body: ReportBody) =>
    call(supervisorsEndpoints.reportProblem, { params: { id: projectId }, body }),
  photo: (id: string, blob: Blob, fileName: string, takenAt?: string) =>
    upload(supervisorsEndpoints.reportPhoto, {
      params: { id },
      query: { fileName, ...(takenAt ? { takenAt } : {}) },
      file: blob,
    }),
  confirm: (id: string) => (body: { version: number }) =>
    call(supervisorsEndpoints.confirmFix, { params: { id }, body }),
  dispute: (id: string) => (body: { version: number; reason: string }) =>
    call(supervisorsEndpoints.disputeFix, { params: { id }, body }),
  feedback: (projectId: string) => (body: { remark: string }) =>
    call(supervisorsEndpoints.acceptanceFeedback, { params: { id: projectId }, body }),
};
