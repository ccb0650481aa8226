/**
 * A field form's work kept through a dropped connection (site inspections, concealed works,
 * ticket evidence): what was typed stays on this device per project and form until the server
 * has it; the chosen photos stay while the page is open; a send that did not reach the server is
 * tried again when the phone is back online (and every little while until then). One hook, used
 * by every field form of the quality page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.js';
import { type ChosenPhoto, useChosenPhotos } from '../photos/ChosenPhotos.js';

/** Where a form's draft is kept: one per project and form (and record, for a form about one). */
export const draftKey = (projectId: string, form: string) => `jiugai.qualityDraft.${projectId}.${form}`;

export function readSiteDraft<V>(key: string): Partial<V> | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' ? (parsed as Partial<V>) : null;
  } catch {
    return null;
  }
}

function keep(key: string, values: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Without storage the form still works; only the draft is not kept.
  }
}

function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/**
 * - `empty`: nothing typed; `unsaved`: typed, not sent (or the server refused it: see `error`);
 * - `sending`; `retrying`: the server was not reached, tried again when the phone is online;
 * - `saved`: the server has it (and the draft is gone).
 */
export type DraftState = 'empty' | 'unsaved' | 'sending' | 'retrying' | 'saved';

/** What a form's `send` is handed: the values, the photos not yet sent, and a way to tick one off. */
export interface DraftSend<V> {
  values: V;
  photos: ChosenPhoto[];
  /** This photo has reached the server: a retry does not send it again. */
  sent: (photo: ChosenPhoto) => void;
  /** Kept between attempts (the record a first attempt created, say), while the page is open. */
  memo: Record<string, string>;
}

/** A failure worth trying again by itself: the server was not reached, or was not itself. */
const transient = (error: unknown) =>
  error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 500);

/** How long to wait before trying again while the browser still thinks it is online. */
const retryEvery = 15_000;

export function useSiteDraft<V extends object>(key: string) {
  const photos = useChosenPhotos();
  const [state, setState] = useState<DraftState>(() => (readSiteDraft(key) ? 'unsaved' : 'empty'));
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ values: V; send: (s: DraftSend<V>) => Promise<unknown> } | null>(null);
  const memo = useRef<Record<string, string>>({});
  const sentKeys = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A retry later on reads the photos as they are then.
  const current = useRef(photos);
  current.current = photos;

  const attempt = useCallback(async (): Promise<void> => {
    const job = pending.current;
    if (!job) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setState('sending');
    setError(null);
    try {
      await job.send({
        values: job.values,
        photos: current.current.chosen.filter((p) => !sentKeys.current.has(p.key)),
        sent: (p) => sentKeys.current.add(p.key),
        memo: memo.current,
      });
      pending.current = null;
      memo.current = {};
      sentKeys.current.clear();
      forget(key);
      current.current.clear();
      setState('saved');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      if (transient(failure)) {
        setState('retrying');
        timer.current = setTimeout(() => void attempt(), retryEvery);
      } else {
        // Refused: the form shows why; the draft stays for the person to correct.
        pending.current = null;
        setState('unsaved');
      }
      throw failure;
    }
  }, [key]);

  // Back online: what is waiting goes at once.
  useEffect(() => {
    const online = () => {
      if (pending.current) void attempt().catch(() => {});
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [attempt]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    state,
    /** The server's (or the network's) last answer, when it was not a yes. */
    error,
    photos,
    /** What the form opens with: the kept draft over the defaults. */
    initial: (defaults: V): V => ({ ...defaults, ...(readSiteDraft<V>(key) ?? {}) }),
    /** The form changed: keep it on the device. */
    change: (values: V) => {
      keep(key, values);
      if (state !== 'sending' && state !== 'retrying') setState('unsaved');
    },
    /**
     * Send the values (the draft is kept first); resolves once the server has everything, rejects
     * with the server's refusal or the network's failure (a retry is then under way).
     */
    submit: (values: V, send: (s: DraftSend<V>) => Promise<unknown>) => {
      keep(key, values);
      pending.current = { values, send };
      return attempt();
    },
    /** Start again from nothing (the saved notice dismissed, or the draft thrown away). */
    discard: () => {
      pending.current = null;
      memo.current = {};
      sentKeys.current.clear();
      if (timer.current) clearTimeout(timer.current);
      forget(key);
      photos.clear();
      setError(null);
      setState('empty');
    },
  };
}

export type SiteDraft<V extends object> = ReturnType<typeof useSiteDraft<V>>;
