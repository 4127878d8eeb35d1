/**
 * Seam for the local demonstration sign-in used outside Teams (inside Teams, SSO will provide the
 * identity). The real flow arrives with the pages that call the API with a bearer token.
 */

/** Identity the tab acts as once signed in. */
export interface LocalSession {
  /** Bearer token for /api/v1 calls. */
  accessToken: string;
  displayName: string;
  tenantId: string;
  roles: readonly string[];
}

/** Signs in locally (demonstration mode). Not implemented yet: callers must handle the rejection. */
export async function signInLocally(): Promise<LocalSession> {
  throw new Error("La connexion locale de démonstration n'est pas encore disponible.");
}
