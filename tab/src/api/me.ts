import type { ApiClient } from './api-client';

/** `GET /api/v1/me/profile`: the signed-in user's Microsoft 365 profile. */
export interface MyProfile {
  /** graph: read from Microsoft Graph (a photo may exist); token: only what the token says. */
  source: 'graph' | 'token';
  displayName: string;
  username?: string;
  jobTitle?: string;
  department?: string;
  mail?: string;
}

/** The signed-in user's profile. */
export function getMyProfile(api: ApiClient, signal: AbortSignal): Promise<MyProfile> {
  return api.get<MyProfile>('/api/v1/me/profile', signal);
}

/**
 * An object URL of the user's photo, or undefined when there is none (404) or it cannot be read: the
 * menu then shows initials. The caller revokes the URL when done with it.
 */
export async function getMyPhotoUrl(api: ApiClient, signal: AbortSignal): Promise<string | undefined> {
  const response = await api.fetchFile('/api/v1/me/photo', 'image/jpeg, image/png', signal);
  if (!response.ok || !/^image\//.test(response.headers.get('content-type') ?? '')) return undefined;
  return URL.createObjectURL(await response.blob());
}
