/**
 * `readLedger` on a worker thread, for large files: the parsing (unzipping, XML, cell values) runs
 * on another core while this thread checks and writes the rows, and the server's event loop is
 * not held by it. Same rows, same problems, same source as `readLedger`; what crosses between the
 * threads is plain data (a spec is data too).
 */
import { Worker } from 'node:worker_threads';
import type { LedgerSpec } from './columns.js';
import type { LedgerFileProblem } from './problems.js';
import {
  type LedgerRead,
  type LedgerRow,
  type LedgerSource,
  ledgerRead,
  type ReadLedgerOptions,
  type ReadState,
} from './read.js';

/** What the worker is given. */
export interface OffThreadRequest {
  file: string;
  spec: LedgerSpec;
  options: Omit<ReadLedgerOptions, 'onProgress'>;
}

export type OffThreadMessage =
  | { type: 'progress'; rowsRead: number }
  | { type: 'rows'; rows: LedgerRow[]; rowsRead: number; source?: LedgerSource | undefined }
  | { type: 'end'; problems: LedgerFileProblem[]; source: LedgerSource | undefined; rowsRead: number };

/** Batches the worker may read ahead of the one being used: enough that it need not wait. */
const readAhead = 4;

/** A file smaller than this (about 20k rows) is not worth starting a thread for. */
export const offThreadBytes = 1024 * 1024;

/** Read a ledger on a worker thread; iterate it once, as `readLedger`'s result. */
export function readLedgerOffThread(
  file: string,
  spec: LedgerSpec,
  options: ReadLedgerOptions = {},
): LedgerRead {
  const { onProgress, ...rest } = options;
  const state: ReadState = { problems: [], source: undefined, rowsRead: 0 };

  async function* run(): AsyncGenerator<LedgerRow[]> {
    const request: OffThreadRequest = { file, spec, options: rest };
    // Its own execArgv: the entry loads what it needs, whatever this process was started with.
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: request,
      execArgv: [],
    });
    const inbox: OffThreadMessage[] = [];
    let failure: Error | undefined;
    let ended = false;
    let wake: (() => void) | undefined;
    const arrived = () => {
      wake?.();
      wake = undefined;
    };
    worker.on('message', (message: OffThreadMessage) => {
      inbox.push(message);
      arrived();
    });
    worker.on('error', (error) => {
      failure ??= error;
      arrived();
    });
    worker.on('exit', (code) => {
      if (!ended) failure ??= new Error(`ledger reader thread stopped (exit code ${code})`);
      arrived();
    });
    worker.postMessage(readAhead);
    try {
      for (;;) {
        const message = inbox.shift();
        if (!message) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (message.type === 'progress') {
          onProgress?.(message.rowsRead);
          continue;
        }
        state.rowsRead = message.rowsRead;
        if (message.source) state.source = message.source;
        if (message.type === 'end') {
          ended = true;
          state.problems.push(...message.problems);
          state.source = message.source;
          return;
        }
        worker.postMessage(1);
        yield message.rows;
      }
    } finally {
      ended = true;
      await worker.terminate();
    }
  }

  return ledgerRead(state, run);
}
