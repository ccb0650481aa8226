/**
 * Sending the evidence photos of a progress report once the report is saved: one after another,
 * each shrunk first, each with its own state; a failed one can be sent again, the report stays.
 */
import { useRef, useState } from 'react';
import { ledgerEndpoints } from '../../../contract/ledger.js';
import { upload } from '../../shared/api.js';
import type { ChosenPhoto } from '../photos/ChosenPhotos.js';
import { sendPhoto, uploadName } from '../photos/sendPhoto.js';
import { useInvalidateLedger } from './queries.js';

export type UploadState =
  | { state: 'waiting' }
  | { state: 'sending'; percent: number }
  | { state: 'sent' }
  | { state: 'failed'; message: string };

/** The report the photos go to. */
interface Target {
  itemId: string;
  progressId: string;
}

export function useEvidenceUploads() {
  const [states, setStates] = useState<Record<string, UploadState>>({});
  const target = useRef<Target | null>(null);
  const controller = useRef<AbortController | null>(null);
  const invalidate = useInvalidateLedger();
  const set = (key: string, state: UploadState) => setStates((prev) => ({ ...prev, [key]: state }));

  const sendOne = async (photo: ChosenPhoto, to: Target, signal: AbortSignal) => {
    set(photo.key, { state: 'sending', percent: 0 });
    try {
      await sendPhoto(
        photo.file,
        (blob, onProgress) =>
          upload(ledgerEndpoints.uploadEvidence, {
            params: { id: to.itemId, progressId: to.progressId },
            query: { fileName: uploadName(photo.file) },
            file: blob,
            onProgress,
            signal,
          }),
        (percent) => set(photo.key, { state: 'sending', percent }),
      );
      if (!signal.aborted) set(photo.key, { state: 'sent' });
    } catch (error) {
      if (signal.aborted) return;
      set(photo.key, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const run = async (photos: ChosenPhoto[]) => {
    const to = target.current;
    const signal = controller.current?.signal;
    if (!to || !signal) return;
    for (const photo of photos) {
      if (signal.aborted) return;
      await sendOne(photo, to, signal);
    }
    if (!signal.aborted) await invalidate();
  };

  const values = Object.values(states);
  return {
    states,
    busy: values.some((s) => s.state === 'waiting' || s.state === 'sending'),
    /** Send these photos to the report just saved. */
    start: (to: Target, photos: ChosenPhoto[]) => {
      controller.current?.abort();
      controller.current = new AbortController();
      target.current = to;
      setStates(Object.fromEntries(photos.map((p) => [p.key, { state: 'waiting' } as const])));
      void run(photos);
    },
    retry: (photo: ChosenPhoto) => void run([photo]),
    /** Forget everything (the drawer closes); a photo still going out is stopped. */
    reset: () => {
      controller.current?.abort();
      controller.current = null;
      target.current = null;
      setStates({});
    },
  };
}

export type EvidenceUploads = ReturnType<typeof useEvidenceUploads>;
