/**
 * Minimal JSON client for the Guichet service. Every failure becomes a `ServiceError` whose message is
 * French and ready to show, so no page ever has to translate a raw `TypeError: Failed to fetch`.
 */

/** The tab is served by the service itself, so the API lives on the same origin. */
const SERVICE_ORIGIN = '';
const REQUEST_TIMEOUT_MS = 10_000;

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
}

export interface JsonResponse {
  status: number;
  body: unknown;
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
  const response = await send(path, signal);
  if (!acceptedStatuses.includes(response.status)) {
    // Status code only: the reason phrase ("Internal Server Error") is English and adds nothing.
    throw new ServiceError(`Le service a répondu par une erreur ${response.status}.`);
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    throw new ServiceError('Le service a renvoyé une réponse illisible (JSON attendu).');
  }
}

async function send(path: string, signal: AbortSignal): Promise<Response> {
  // Our own controller so a hung request ends with a clear message instead of spinning forever.
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const forwardAbort = (): void => controller.abort();
  signal.addEventListener('abort', forwardAbort);
  try {
    return await fetch(`${SERVICE_ORIGIN}${path}`, {
      headers: { Accept: 'application/json' },
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
