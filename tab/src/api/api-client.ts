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

  private async call<T>(
    path: string,
    options: { method?: 'POST'; body?: unknown; headers?: Record<string, string>; signal: AbortSignal },
  ): Promise<T> {
    try {
      return await requestJson<T>(path, { ...options, token: this.token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onUnauthorized();
      throw error;
    }
  }
}
