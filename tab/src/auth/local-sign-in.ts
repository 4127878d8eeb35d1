/**
 * The local demonstration sign-in used outside Teams (inside Teams, SSO provides the identity): the
 * service lists its demo users and signs a token for the one chosen. The service only offers it when
 * it runs without Entra configuration, never in production.
 */
import { ApiError, requestJson } from '../api/http-client';
import type { DemoUser } from '../api/types';

/** The demo users, or `undefined` when the service does not offer the local sign-in (404). */
export async function fetchDemoUsers(signal: AbortSignal): Promise<DemoUser[] | undefined> {
  try {
    const { users } = await requestJson<{ users: DemoUser[] }>('/api/v1/local-sign-in/users', { signal });
    return users;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** A bearer token for this demo user. */
export async function signInLocally(userId: string, signal: AbortSignal): Promise<string> {
  const { accessToken } = await requestJson<{ accessToken: string }>('/api/v1/local-sign-in', {
    method: 'POST',
    body: { userId },
    signal,
  });
  return accessToken;
}
