/** A project's quality: reading it, and the writes (each answers with the project's quality as it now stands). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QualityOverview } from '../../../contract/quality.js';
import { qualityRecordEndpoints } from '../../../contract/quality.js';
import { call, upload } from '../../shared/api.js';
import { sendPhoto, uploadName } from '../photos/sendPhoto.js';

export const qualityKey = ['quality'] as const;
const projectKey = (id: string) => [...qualityKey, 'project', id] as const;

export function useProjectQuality(id: string) {
  return useQuery({
    queryKey: projectKey(id),
    queryFn: ({ signal }) => call(qualityRecordEndpoints.projectQuality, { params: { id }, signal }),
    enabled: id !== '',
  });
}

/** The project's quality as last loaded (a form reads versions and known ids from it when it sends). */
export function useQualityNow(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.getQueryData<QualityOverview>(projectKey(id));
}

/**
 * Keep what a write answered as the project's quality, and let the project, the ledger and the
 * figures reload (a ticket may have become a ledger item, a gate may have opened the next step).
 */
export function useTakeQuality(id: string) {
  const queryClient = useQueryClient();
  return (quality: QualityOverview) => {
    queryClient.setQueryData(projectKey(id), quality);
    void queryClient.invalidateQueries({ queryKey: ['projects'] });
    void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    void queryClient.invalidateQueries({ queryKey: ['stats'] });
    return quality;
  };
}

/** One write answering with the project's quality. */
export function useQualityWrite<B>(projectId: string, fn: (body: B) => Promise<QualityOverview>) {
  const take = useTakeQuality(projectId);
  return useMutation({ mutationFn: fn, onSuccess: take });
}

/** The three kinds of record a photo is added to. */
const photoEndpoints = {
  inspection: qualityRecordEndpoints.inspectionPhoto,
  concealed: qualityRecordEndpoints.concealedPhoto,
  ticket: qualityRecordEndpoints.ticketPhoto,
} as const;

/**
 * Send one photo of a quality record: shrunk on the device, with the time the camera took it
 * (the file's own time: the shrunk copy would carry only "now").
 */
export function sendQualityPhoto(kind: keyof typeof photoEndpoints, id: string, file: File) {
  const takenAt = file.lastModified ? new Date(file.lastModified).toISOString() : undefined;
  return sendPhoto(
    file,
    (blob, onProgress) =>
      upload(photoEndpoints[kind], {
        params: { id },
        query: { fileName: uploadName(file), ...(takenAt ? { takenAt } : {}) },
        file: blob,
        onProgress,
      }),
    () => {},
  );
}

/** Read the project's quality again (after a file was attached: the upload answers with the file only). */
export function useReloadQuality(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: projectKey(id) });
}

/** The two kinds of record a document is attached to: a sample (its lab report) and the tender. */
const documentEndpoints = {
  sample: qualityRecordEndpoints.sampleReport,
  tender: qualityRecordEndpoints.bidDocument,
} as const;

/** Send one document as it is (a PDF is not shrunk; the server judges it by its bytes). */
export function sendDocument(
  kind: keyof typeof documentEndpoints,
  id: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
) {
  return upload(documentEndpoints[kind], {
    params: { id },
    query: { fileName: uploadName(file) },
    file,
    onProgress,
  });
}

/** The working-day calendar (holidays and make-up days), for the acceptance notice's hint. */
export function useWorkingCalendar(enabled: boolean) {
  return useQuery({
    queryKey: [...qualityKey, 'calendar'],
    queryFn: ({ signal }) => call(qualityRecordEndpoints.workingCalendar, { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
