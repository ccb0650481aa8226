/**
 * The one typed client for the HTTP contract: `call(api.getUser, { params: { id } })` takes its
 * argument and return types from the endpoint entry in `src/contract/api.ts`.
 */
import type { z } from 'zod';
import type { Endpoint } from '../../contract/api.js';
import { ErrorBody, type ErrorCode } from '../../contract/common.js';
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

  const json = await readJson(response);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(json);
    if (parsed.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(response.status, code, message, fields);
    }
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      i18n.t('errors.unexpected', { status: response.status }),
    );
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(`${endpoint.method} ${endpoint.path}: response does not match the contract`, parsed.error);
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      i18n.t('errors.unexpected', { status: response.status }),
    );
  }
  return parsed.data as CallOutput<E>;
}
