/**
 * The on-behalf-of exchange (Entra ID): the caller's token for the API becomes a Graph token for the
 * same person. The API's app registration proves itself either with the Web App's managed identity —
 * its token is the client assertion the app's federated identity credential trusts, so Azure holds
 * no secret — or, outside production, with a client secret.
 */
import { ManagedIdentityCredential, OnBehalfOfCredential, type TokenCredential } from '@azure/identity';

/** What the exchange needs to know (config.graph). */
export interface OnBehalfOfSettings {
  /** The API's app registration: the audience of the tokens the tab sends. */
  clientId: string;
  clientSecret?: string;
  managedIdentityClientId?: string;
  authorityHost: string;
  /** Tests only: the certificate authority of the local fake Entra, trusted by this client alone. */
  ca?: string;
}

/** A credential acting for the holder of `userToken`, in the user's own tenant. */
export type UserCredentialFactory = (userToken: string, tenantId: string) => TokenCredential;

/** Audience of the managed identity's token that a federated identity credential accepts. */
const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

/** The factory of per-user credentials for these settings. */
export function onBehalfOfCredentials(settings: OnBehalfOfSettings): UserCredentialFactory {
  const common = {
    clientId: settings.clientId,
    authorityHost: settings.authorityHost,
    // The authority comes from configuration, not from a caller: there is nothing to check against
    // Microsoft's list of clouds (which the tests' local Entra is not on).
    disableInstanceDiscovery: true,
    ...(settings.ca ? { tlsOptions: { ca: settings.ca } } : {}),
  };
  if (settings.clientSecret) {
    const clientSecret = settings.clientSecret;
    return (userAssertionToken, tenantId) =>
      new OnBehalfOfCredential({ ...common, tenantId, clientSecret, userAssertionToken });
  }
  // One identity for the whole service: the library caches its token until it nears expiry.
  const identity = new ManagedIdentityCredential(
    settings.managedIdentityClientId ? { clientId: settings.managedIdentityClientId } : {},
  );
  const getAssertion = async () => (await identity.getToken(TOKEN_EXCHANGE_SCOPE)).token;
  return (userAssertionToken, tenantId) =>
    new OnBehalfOfCredential({ ...common, tenantId, getAssertion, userAssertionToken });
}
