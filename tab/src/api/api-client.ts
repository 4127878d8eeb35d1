import { ApiError, requestJson } from './http-client';

/**
 * The signed-in user's view of /api/v1: every call carries the bearer token, and a 401 (expired or
 * refused token) is reported once to `onUnauthorized`, which sends the user back to sign-in.
 */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(path: string, signal: AbortSignal): Promise<T> {
    return this.call<T>(path, { signal });
  }

  post<T>(
    path: string,
    body: unknown,
    signal: AbortSignal,
    headers: Record<string, string> = {},
  ): Promise<T> {
    return this.call<T>(path, { method: 'POST', body, headers, signal });
  }

  put<T>(path: string, body: unknown, signal: AbortSignal, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>(path, { method: 'PUT', body, headers, signal });
  }

  /**
   * A file (PDF, XLSX, CSV): the raw response, fetched with the bearer since a plain link cannot carry
   * it. Network failures reject as fetch does; the caller reads `ok`/`status` and the body.
   */
  async fetchFile(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
    const response = await fetch(path, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: accept },
      signal,
    });
    if (response.status === 401) this.onUnauthorized();
    return response;
  }

  private async call<T>(
    path: string,
    options: {
      method?: 'POST' | 'PUT';
      body?: unknown;
      headers?: Record<string, string>;
      signal: AbortSignal;
    },
  ): Promise<T> {
    try {
      return await requestJson<T>(path, { ...options, token: this.token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onUnauthorized();
      throw error;
    }
  }
}
