// The thread PGlite runs on (see pglite-thread.ts): it opens the database, answers the queries the
// application's thread sends and holds its transactions open between them. Plain JavaScript, so
// that it starts without a TypeScript loader, the same under the server, the CLI and Vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker: not a worker thread');
const { dataDir, options, loadDataDir } = workerData;

/** Open transactions by number: PGlite's transaction, how to end it, and its outcome. */
const open = new Map();
let lastTx = 0;

/**
 * A PostgreSQL error's fields (code, detail, constraint …) travel as data: a structured clone keeps
 * only an Error's message, and PGlite's error also holds the query's options, functions and all.
 */
const failure = (err) => {
  const fields = { message: err instanceof Error ? err.message : String(err) };
  if (err instanceof Error) {
    for (const [key, value] of Object.entries(err)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
  }
  return fields;
};

/** Types the caller parses itself arrive as text (its parsers cannot cross threads). */
const asText = (oids) => Object.fromEntries(oids.map((oid) => [oid, (value) => value]));

async function query(client, m) {
  const options = { rowMode: m.rowMode };
  if (m.textTypes) options.parsers = asText(m.textTypes);
  // PGlite asks COPY's input only for its bytes: these, rather than a Blob's copy of them.
  if (m.copyInput) {
    const bytes = m.copyInput;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    options.blob = { arrayBuffer: async () => (whole ? bytes.buffer : bytes.slice().buffer) };
  }
  const { rows, fields, affectedRows } = await client.query(m.sql, m.params, options);
  return { rows, fields, affectedRows };
}

/** Open a transaction; it stays open, between the caller's queries, until `end`. */
function begin() {
  const id = ++lastTx;
  return new Promise((started, failed) => {
    const entry = { tx: null, end: null, finished: null };
    open.set(id, entry);
    entry.finished = db.transaction(async (tx) => {
      entry.tx = tx;
      const commit = await new Promise((end) => {
        entry.end = end;
        started(id);
      });
      if (!commit) await tx.rollback();
    });
    // Before it started (BEGIN failed) this fails `begin` and forgets it; after, `end` reports it.
    entry.finished.catch((err) => {
      if (entry.end === null) open.delete(id);
      failed(err);
    });
  });
}

/** Commit (or roll back) a transaction; a failed commit is the caller's error. */
async function end(id, commit) {
  const entry = open.get(id);
  open.delete(id);
  entry.end(commit);
  await entry.finished;
}

const db = await PGlite.create(
  dataDir ?? undefined,
  loadDataDir ? { ...options, loadDataDir: new Blob([loadDataDir]) } : options,
);

/** The data directory as an uncompressed tarball (quicker to load again than a gzipped one). */
async function dump() {
  return new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
}

port.on('message', async (m) => {
  try {
    let result;
    if (m.op === 'query') result = await query(m.tx ? open.get(m.tx).tx : db, m);
    else if (m.op === 'begin') result = await begin();
    else if (m.op === 'end') result = await end(m.tx, m.commit);
    else if (m.op === 'dump') result = await dump();
    else if (m.op === 'close') result = await db.close();
    port.postMessage({ id: m.id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  } catch (err) {
    port.postMessage({ id: m.id, error: failure(err) });
  }
});
port.postMessage({ ready: true });
