/** The quality board, the firms registry, a project's three units and the working-day calendar. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddFirmPersonBody,
  CalendarBody,
  CreateFirmBody,
  FirmListQuery,
  QualityBoardQuery,
  SetProjectUnitsBody,
  UpdateFirmBody,
} from '../../../contract/quality.js';
import {
  qualityBoardEndpoints,
  qualityEndpoints,
  qualityRecordEndpoints,
} from '../../../contract/quality.js';
import { call } from '../../shared/api.js';

const boardKey = ['quality', 'board'] as const;
const firmsKey = ['quality', 'firms'] as const;
const calendarKey = ['quality', 'calendar'] as const;
const unitsKey = (id: string) => ['quality', 'units', id] as const;

export function useQualityBoard(query: QualityBoardQuery) {
  return useQuery({
    queryKey: [...boardKey, query],
    queryFn: ({ signal }) => call(qualityBoardEndpoints.qualityBoard, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFirms(query: z.infer<typeof FirmListQuery>) {
  return useQuery({
    queryKey: [...firmsKey, query],
    queryFn: ({ signal }) => call(qualityEndpoints.listFirms, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every firm write changes the registry and the units named with it. */
function useFirmsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['quality'] });
}

export function useCreateFirm() {
  const changed = useFirmsChanged();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateFirmBody>) => call(qualityEndpoints.createFirm, { body }),
    onSuccess: changed,
  });
}

export function useUpdateFirm() {
  const changed = useFirmsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFirmBody }) =>
      call(qualityEndpoints.updateFirm, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useAddFirmPerson() {
  const changed = useFirmsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof AddFirmPersonBody> }) =>
      call(qualityEndpoints.addFirmPerson, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useProjectUnits(id: string) {
  return useQuery({
    queryKey: unitsKey(id),
    queryFn: ({ signal }) => call(qualityEndpoints.projectUnits, { params: { id }, signal }),
  });
}

export function useSetProjectUnits(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetProjectUnitsBody) =>
      call(qualityEndpoints.setProjectUnits, { params: { id }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(unitsKey(id), data);
      return queryClient.invalidateQueries({ queryKey: ['quality'] });
    },
  });
}

export function useWorkingCalendar() {
  return useQuery({
    queryKey: calendarKey,
    queryFn: ({ signal }) => call(qualityRecordEndpoints.workingCalendar, { signal }),
  });
}

export function useSetWorkingCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CalendarBody>) =>
      call(qualityRecordEndpoints.setWorkingCalendar, { body }),
    onSuccess: (data) => queryClient.setQueryData(calendarKey, data),
  });
}
