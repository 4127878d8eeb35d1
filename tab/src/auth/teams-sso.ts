/**
 * Single sign-on inside Teams: Teams hands the tab an Entra ID access token for the Guichet API
 * (the app registration's "Expose an API" scope, declared as `webApplicationInfo` in the manifest).
 * The service validates it exactly like the local demonstration tokens.
 */
import { ServiceError } from '../api/http-client';
import { withTimeout } from '../teams/with-timeout';

/** Teams answers within a second normally; the first consent prompt can take a while. */
const SSO_TIMEOUT_MS = 60_000;

/**
 * The user's token from Teams. `interactive` is for a retry on a user gesture: Teams may then show
 * its consent prompt, which it refuses to open on its own at page load.
 */
export async function getTeamsToken(interactive = false): Promise<string> {
  // teams-js is already loaded and initialised by host detection: this import costs nothing more.
  const { authentication } = await import('@microsoft/teams-js');
  try {
    return await withTimeout(
      authentication.getAuthToken(interactive ? { silent: false } : undefined),
      SSO_TIMEOUT_MS,
      'délai dépassé',
    );
  } catch (error) {
    throw new ServiceError(ssoMessage(error));
  }
}

/** A French explanation of Teams' SSO error strings ("resourceRequiresConsent", "CancelledByUser"…). */
function ssoMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/consent/i.test(reason)) {
    return 'Guichet a besoin de votre accord pour lire votre identité : cliquez sur « Réessayer » puis acceptez.';
  }
  if (/cancel/i.test(reason))
    return 'La connexion a été annulée. Cliquez sur « Réessayer » pour recommencer.';
  return `Teams n'a pas pu fournir votre identité à Guichet (${reason}). Réessayez ; si le problème persiste, contactez le support.`;
}
