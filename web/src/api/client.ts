import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { ErrorResponse } from '../../../src/contracts/error-response.ts';

/** One problem with one input field, as the API reports it (`error.fields`). */
export type FieldProblem = NonNullable<ErrorResponse['error']['fields']>[number];

/** An answer from the API that was not a success, in the API's one error shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: readonly FieldProblem[] = [],
    requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }

  /** The endpoint does not exist on this server (yet): pages say so instead of failing. */
  get missingEndpoint(): boolean {
    return this.status === 404 && this.code === 'CORDON_ROUTE_NOT_FOUND';
  }
}

const csrfKey = 'cordon.csrfToken';

/** The CSRF token of the current session, kept for this tab (the session cookie is HttpOnly). */
export const csrfToken = {
  get: (): string | null => sessionStorage.getItem(csrfKey),
  set: (token: string | null): void => {
    if (token === null) sessionStorage.removeItem(csrfKey);
    else sessionStorage.setItem(csrfKey, token);
  },
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const isErrorResponse = (value: unknown): value is ErrorResponse =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof value.error === 'object';

let onUnauthorised: (() => void) | undefined;
/** Called when the API answers 401 to a signed-in request (the session ended). */
export const setUnauthorisedHandler = (handler: (() => void) | undefined): void => {
  onUnauthorised = handler;
};

/**
 * Calls the Cordon API with the session cookie; state-changing requests carry the CSRF token.
 * JSON bodies are sent as JSON, `FormData` as multipart. Resolves with the parsed JSON (or the
 * text, or `undefined` for 204) and rejects with an `ApiError` in the API's error shape. For an
 * answer whose content the page does not read (a 204, a step whose result it reloads).
 */
export async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') {
    const token = csrfToken.get();
    if (token !== null) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(payload !== undefined ? { body: payload } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cordon could not be reached. Check the connection.');
  }
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  const parsed: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && path !== '/v1/auth/login') onUnauthorised?.();
    if (isErrorResponse(parsed)) {
      const e = parsed.error;
      throw new ApiError(response.status, e.code, e.message, e.fields ?? [], e.requestId);
    }
    throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  }
  return parsed;
}

/**
 * Calls the Cordon API like `send` and checks the answer against the response schema the route
 * declares (from `src/contracts`), so that the page gets `Static<typeof schema>` by a check, not a
 * cast: `await api(CaseSchema, 'GET', '/v1/cases/case-1')`. An answer of another shape (a server
 * of another version) rejects with `CORDON_UNEXPECTED_RESPONSE`.
 */
export async function api<S extends TSchema>(
  schema: S,
  method: Method,
  path: string,
  body?: unknown,
): Promise<Static<S>> {
  const answer = await send(method, path, body);
  if (Value.Check(schema, answer)) return answer;
  const first = [...Value.Errors(schema, answer)][0];
  throw new ApiError(
    0,
    'CORDON_UNEXPECTED_RESPONSE',
    `The server answered ${method} ${path} with a body this page does not understand${first === undefined ? '' : ` (${first.instancePath || '/'} ${first.message})`}. Reload the page; if it persists, the web UI and the server are of different versions.`,
  );
}

/** A human sentence for any error a page caught. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.missingEndpoint)
      return 'This part of Cordon is not available on this server yet (the endpoint does not exist).';
    return error.requestId ? `${error.message} (request ${error.requestId})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
