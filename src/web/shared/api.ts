/**
 * The one typed client for the HTTP contract: `call(usersEndpoints.getUser, { params: { id } })`
 * takes its argument and return types from the endpoint entry in the area's contract file. A page
 * imports its own area's endpoints, not the assembled `api`, so other areas' schemas stay out of
 * its chunk.
 */
import type { z } from 'zod';
import { ErrorBody, type ErrorCode } from '../../contract/common.js';
import type { Endpoint } from '../../contract/endpoint.js';
import i18n, { currentLanguage } from '../i18n/index.js';

/** Server error codes plus the two the client raises itself (no answer, or an answer off-contract). */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** A failed call: HTTP status (0 when the server was not reached), stable code, message for people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** True when the call failed because there is no valid session; the app then sends the user to log in. */
export function isSessionError(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED');
}

type Part = 'params' | 'query' | 'body';
type SchemaOf<E, K extends Part> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
type InputPart<K extends Part, S> = [S] extends [z.ZodType]
  ? Partial<z.input<S>> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

/** What `call` takes for an endpoint: its params, query and body (as the schemas accept them). */
export type CallInput<E extends Endpoint> = InputPart<'params', SchemaOf<E, 'params'>> &
  InputPart<'query', SchemaOf<E, 'query'>> &
  InputPart<'body', SchemaOf<E, 'body'>> & { signal?: AbortSignal };

/** What `call` resolves to for an endpoint: its response schema's output. */
export type CallOutput<E extends Endpoint> = z.output<E['response']>;

type CallArgs<E extends Endpoint> =
  Partial<CallInput<E>> extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

interface RawInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

// The session's CSRF token, learnt from login or /me; kept in memory only, never in storage.
let csrfToken: string | null = null;

/** Remember (or forget, with null) the CSRF token every non-GET request must carry. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function buildUrl(path: string, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}) {
  const filled = path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(scalar(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null || item === '') continue;
      search.append(key, scalar(item));
    }
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Call one endpoint of the contract; resolves to its parsed response or throws an `ApiError`. */
export async function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<CallOutput<E>> {
  // The generic input type is exact per endpoint; inside, it is handled structurally.
  const input = (args[0] ?? {}) as RawInput;
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (endpoint.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method: endpoint.method, headers, credentials: 'same-origin' };
  if (input.signal) init.signal = input.signal;
  if (input.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(input.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(endpoint.path, input.params, input.query), init);
  } catch (error) {
    if (input.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }

  return settle(endpoint, response.status, await readJson(response));
}

/** Turn a status and parsed body into the endpoint's response, or the `ApiError` it stands for. */
function settle<E extends Endpoint>(endpoint: E, status: number, json: unknown): CallOutput<E> {
  if (status < 200 || status >= 300) {
    const parsed = ErrorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(status, code, message, fields);
    }
    throw new ApiError(status, 'BAD_RESPONSE', i18n.t('errors.unexpected', { status }));
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(`${endpoint.method} ${endpoint.path}: response does not match the contract`, parsed.error);
    throw new ApiError(status, 'BAD_RESPONSE', i18n.t('errors.unexpected', { status }));
  }
  return parsed.data as CallOutput<E>;
}

type UploadEndpoint = Endpoint & { upload: true };
type DownloadEndpoint = Endpoint & { download: true };

/** What `upload` takes: the endpoint's params and query, the file, and a progress callback. */
export type UploadInput<E extends UploadEndpoint> = Omit<CallInput<E>, 'body'> & {
  file: Blob;
  /** Bytes sent so far out of the total, as the browser reports them. */
  onProgress?: (sent: number, total: number) => void;
};

/**
 * Send a file's raw bytes to an upload endpoint. XMLHttpRequest rather than fetch, because only
 * it reports upload progress, which a 100 MB ledger on an office line needs.
 */
export function upload<E extends UploadEndpoint>(endpoint: E, input: UploadInput<E>): Promise<CallOutput<E>> {
  const raw = input as unknown as RawInput & Pick<UploadInput<E>, 'file' | 'onProgress'>;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(endpoint.method, buildUrl(endpoint.path, raw.params, raw.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLanguage());
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => raw.onProgress?.(event.loaded, event.total || raw.file.size);
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      try {
        resolve(settle(endpoint, xhr.status, json));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    raw.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(raw.file);
  });
}

/** The address of a download endpoint, for a plain link: the browser streams the file itself. */
export function downloadUrl<E extends DownloadEndpoint>(
  endpoint: E,
  input: Omit<CallInput<E>, 'body' | 'signal'>,
): string {
  const raw = input as RawInput;
  return buildUrl(endpoint.path, raw.params, raw.query);
}
