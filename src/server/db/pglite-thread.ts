/**
 * PGlite on a thread of its own. PGlite is PostgreSQL compiled to WebAssembly, and a query runs to
 * its end on the thread that called it: on the server's thread, a long query (a large import, a
 * report) held every other request, and the import's own reading and checking could not run
 * while the database worked. Here the database works on another thread (and core), and this
 * thread only posts queries and takes their rows.
 *
 * `PGliteThread` answers what Drizzle's PGlite driver asks of a client: `query`, `transaction`
 * (a transaction stays open in the database's thread between its queries), and `close`. Parsers
 * (functions, which cannot cross threads) are applied here, to values that cross as text.
 */
import { Worker } from 'node:worker_threads';
import type { PGliteOptions, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

type Request =
  | {
      op: 'query';
      tx?: number;
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      /** Types parsed here: the thread leaves them as text. */
      textTypes?: number[];
      /** The input of `COPY … FROM '/dev/blob'`, UTF-8, handed over (not copied) to the thread. */
      copyInput?: Uint8Array;
    }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'dump' }
  | { op: 'close' };

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };

const encoder = new TextEncoder();

/** A PostgreSQL error from the thread, with its fields (code, detail, constraint …) as PGlite gives them. */
export class PGliteThreadError extends Error {
  [field: string]: unknown;
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    Object.assign(this, fields);
  }
}

/** What a transaction answers: what Drizzle asks of one, and COPY's input beside its statement. */
export interface ThreadTransaction extends Pick<Transaction, 'query' | 'rollback' | 'closed'> {
  /** Run `COPY … FROM '/dev/blob'` with `text` as its input. */
  copyFrom(statement: string, text: string): Promise<void>;
}

export class PGliteThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  #lastId = 0;
  #stopped: Error | null = null;
  /** Settles when the database is open (or failed to open). */
  readonly ready: Promise<void>;

  /**
   * `loadDataDir`: an in-memory database starts from this dump (a tarball of `dumpDataDir`) rather
   * than empty; its bytes are moved to the thread.
   */
  constructor(
    dataDir: string | null,
    options: Pick<PGliteOptions, 'relaxedDurability' | 'startParams'>,
    loadDataDir?: Uint8Array,
  ) {
    this.#worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: { dataDir, options, loadDataDir },
      transferList: loadDataDir ? [loadDataDir.buffer as ArrayBuffer] : [],
      // Its own execArgv: the thread needs no loader, whatever this process was started with.
      execArgv: [],
      // Its JavaScript holds little but messages on their way: a small young generation keeps
      // about 25 MB off a large import's peak, at the same speed (`npm run bench`).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.ready = new Promise((resolve, reject) => {
      this.#worker.on('message', (m: Reply | { ready: true }) => {
        if ('ready' in m) return resolve();
        const waiting = this.#waiting.get(m.id);
        this.#waiting.delete(m.id);
        if (m.error) waiting?.reject(new PGliteThreadError(m.error));
        else waiting?.resolve(m.result);
      });
      const stop = (err: Error) => {
        this.#stopped ??= err;
        reject(err);
        for (const w of this.#waiting.values()) w.reject(err);
        this.#waiting.clear();
      };
      this.#worker.on('error', stop);
      this.#worker.on('exit', (code) => stop(new Error(`the database thread stopped (exit code ${code})`)));
    });
  }

  #ask<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#lastId;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  async #query<T>(
    tx: number | undefined,
    sql: string,
    params: unknown[] = [],
    options: Pick<QueryOptions, 'rowMode' | 'parsers'> = {},
    copyText?: string,
  ) {
    const parsers = options.parsers ?? {};
    const textTypes = Object.keys(parsers).map(Number);
    // As bytes moved to the thread: a string would be copied there, and again into a Blob.
    const copyInput = copyText === undefined ? undefined : encoder.encode(copyText);
    const result = await this.#ask<Results<T>>(
      {
        op: 'query',
        ...(tx ? { tx } : {}),
        sql,
        params,
        ...(options.rowMode ? { rowMode: options.rowMode } : {}),
        ...(textTypes.length > 0 ? { textTypes } : {}),
        ...(copyInput ? { copyInput } : {}),
      },
      copyInput ? [copyInput.buffer as ArrayBuffer] : [],
    );
    if (textTypes.length > 0) parse(result, parsers);
    return result;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, sql, params, options);
  }

  /** Run `fn` in a transaction: committed when it returns, rolled back when it throws or asks. */
  async transaction<T>(fn: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const id = await this.#ask<number>({ op: 'begin' });
    let ended = false;
    const end = async (commit: boolean) => {
      if (ended) return;
      ended = true;
      await this.#ask({ op: 'end', tx: id, commit });
    };
    const tx: ThreadTransaction = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
        this.#query<R>(id, sql, params, options),
      copyFrom: async (statement, text) => {
        await this.#query(id, statement, [], {}, text);
      },
      rollback: () => end(false),
      get closed() {
        return ended;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      await end(false);
      throw err;
    }
    await end(true);
    return result;
  }

  /** The whole data directory as a tarball, to open again with `loadDataDir`. */
  dumpDataDir(): Promise<Uint8Array> {
    return this.#ask<Uint8Array>({ op: 'dump' });
  }

  async close(): Promise<void> {
    await this.#ask({ op: 'close' });
    await this.#worker.terminate();
  }
}

/** Apply the caller's parsers to the columns of their types (they crossed as text). */
function parse<T>(result: Results<T>, parsers: NonNullable<QueryOptions['parsers']>) {
  const columns = result.fields.flatMap((f, i) => {
    const parser = parsers[f.dataTypeID];
    return parser ? [{ key: i, name: f.name, parser }] : [];
  });
  if (columns.length === 0) return;
  for (const row of result.rows as unknown as Record<string | number, unknown>[]) {
    for (const c of columns) {
      const key = Array.isArray(row) ? c.key : c.name;
      const value = row[key];
      if (typeof value === 'string') row[key] = c.parser(value);
    }
  }
}
