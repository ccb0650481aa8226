/**
 * A worker thread reading one ledger for `readLedgerOffThread`: batches go to the parent as it
 * asks for them (a number of batches at a time), so a reader faster than its consumer stays a
 * few batches ahead rather than holding the file in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchRows } from './batches.js';
import type { OffThreadMessage, OffThreadRequest } from './off-thread.js';
import { type LedgerRow, readLedger } from './read.js';

const port = parentPort;
if (!port) throw new Error('read-worker: not a worker thread');
const { file, spec, options } = workerData as OffThreadRequest;
const post = (message: OffThreadMessage) => port.postMessage(message);

let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (more: number) => {
  credit += more;
  wake?.();
});

const read = readLedger(file, spec, {
  ...options,
  onProgress: (rowsRead) => post({ type: 'progress', rowsRead }),
});
let sentSource = false;
let rows: LedgerRow[] = [];
const send = async () => {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ type: 'rows', rows, rowsRead: read.rowsRead, ...(sentSource ? {} : { source: read.source }) });
  sentSource = true;
  rows = [];
};
// The parser's batches are a few dozen rows: sent a thousand at a time, a message costs less.
for await (const batch of read.batches()) {
  for (const row of batch) rows.push(row);
  if (rows.length >= batchRows) await send();
}
if (rows.length > 0) await send();
post({ type: 'end', problems: [...read.problems], source: read.source, rowsRead: read.rowsRead });
port.close();
