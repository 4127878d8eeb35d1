/**
 * Minimal JSON client for the Guichet service. Every failure becomes a `ServiceError` whose message is
 * French and ready to show, so no page ever has to translate a raw `TypeError: Failed to fetch`.
 */

/** The tab is served by the service itself, so the API lives on the same origin. */
const SERVICE_ORIGIN = '';
const REQUEST_TIMEOUT_MS = 10_000;

export class ServiceError extends Error {
  override readonly name: string = 'ServiceError';
}

/** One problem of an input, as the API reports it (`path` is the input's name). */
export interface ApiIssue {
  path?: string;
  message: string;
}

/** A refusal from the API in its error format `{ error: { code, message, issues? } }`. */
export class ApiError extends ServiceError {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Bearer token of the signed-in user. */
  token?: string;
  headers?: Record<string, string>;
  signal: AbortSignal;
}

/**
 * GETs `path` and parses its JSON body.
 * @param acceptedStatuses statuses whose body is meaningful (e.g. 503 on /readyz); others throw.
 */
export async function getJson(
  path: string,
  signal: AbortSignal,
  acceptedStatuses: readonly number[] = [200],
): Promise<JsonResponse> {
  const response = await send(path, { signal });
  if (!acceptedStatuses.includes(response.status)) {
    // Status code only: the reason phrase ("Internal Server Error") is English and adds nothing.
    throw new ServiceError(`Le service a répondu par une erreur ${response.status}.`);
  }
  return { status: response.status, body: await readJson(response) };
}

/** Calls the API; a 2xx answer gives its JSON body, anything else throws an `ApiError`. */
export async function requestJson<T>(path: string, options: RequestOptions): Promise<T> {
  const response = await send(path, options);
  const body = response.status === 204 ? undefined : await readJson(response, response.ok);
  if (response.ok) return body as T;
  throw apiErrorOf(response.status, body);
}

async function readJson(response: Response, required = true): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // An error page (a proxy's HTML 502) has no JSON: its status is still worth reporting.
    if (!required) return undefined;
    throw new ServiceError('Le service a renvoyé une réponse illisible (JSON attendu).');
  }
}

function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)
    ?.error;
  const message =
    typeof error?.message === 'string' ? error.message : `Le service a répondu par une erreur ${status}.`;
  const code = typeof error?.code === 'string' ? error.code : 'HTTP_' + status;
  const issues = Array.isArray(error?.issues)
    ? (error.issues as unknown[]).filter(
        (issue): issue is ApiIssue => typeof (issue as ApiIssue | null)?.message === 'string',
      )
    : [];
  return new ApiError(message, status, code, issues);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const { signal } = options;
  // Our own controller so a hung request ends with a clear message instead of spinning forever.
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const forwardAbort = (): void => controller.abort();
  signal.addEventListener('abort', forwardAbort);
  try {
    return await fetch(`${SERVICE_ORIGIN}${path}`, {
      method: options.method ?? 'GET',
      headers: headersOf(options),
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: controller.signal,
    });
  } catch (error) {
    if (signal.aborted) throw error; // the caller gave up: nobody will display this
    if (controller.signal.aborted) {
      throw new ServiceError("Le service n'a pas répondu à temps. Réessayez dans un instant.");
    }
    throw new ServiceError('Le service est injoignable. Vérifiez votre connexion réseau puis réessayez.');
  } finally {
    window.clearTimeout(timer);
    signal.removeEventListener('abort', forwardAbort);
  }
}

function headersOf({ body, token, headers }: RequestOptions): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...headers,
  };
}
