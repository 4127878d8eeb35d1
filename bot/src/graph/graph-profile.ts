/**
 * The caller's Microsoft 365 profile and photo, read from Graph with their own rights (User.Read):
 * on-behalf-of exchange first, then `/me` or `/me/photos/48x48/$value` with the Graph client.
 * Failures become one French error whose details (never a token) are kept for the logs.
 */
import {
  AuthenticationHandler,
  Client,
  GraphError,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import { UpstreamFailedError } from '../domain/errors';
import { httpsMessageHandler } from './https-message-handler';
import type { UserCredentialFactory } from './on-behalf-of';

/** What Graph says about the caller (only the fields Guichet shows). */
export interface GraphProfile {
  displayName?: string;
  jobTitle?: string;
  department?: string;
  mail?: string;
  userPrincipalName?: string;
}

/** A profile photo as Graph sends it. */
export interface GraphPhoto {
  body: Buffer;
  contentType: string;
}

/** The caller, as the Graph calls need them. */
export interface GraphUser {
  /** The bearer token the caller sent to the API (the on-behalf-of assertion). */
  token: string;
  tenantId: string;
}

/** Reads the caller's profile and photo. */
export interface ProfileReader {
  profile(user: GraphUser): Promise<GraphProfile>;
  /** The 48×48 photo; undefined when the user has none. */
  photo(user: GraphUser): Promise<GraphPhoto | undefined>;
}

/** A Graph or Entra failure; `reason` is for the logs only. */
export class ProfileUnavailableError extends UpstreamFailedError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const ENTRA_REFUSED =
  "Microsoft Entra ID a refusé l'accès à votre profil Microsoft 365 (session expirée ou autorisation " +
  "« User.Read » non accordée à Guichet). Reconnectez-vous ; si cela persiste, demandez à l'administrateur " +
  'de votre organisation de consentir à Guichet.';
const ENTRA_UNAVAILABLE =
  "Microsoft Entra ID ne répond pas : votre profil Microsoft 365 n'a pas pu être lu. Réessayez dans un instant.";
const GRAPH_FAILED =
  "Microsoft Graph ne répond pas correctement : votre profil Microsoft 365 n'a pas pu être lu. Réessayez dans un instant.";

/** OAuth errors by which Entra refuses this user or this app (RFC 6749 §5.2 and Entra's own). */
const REFUSALS = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'invalid_client',
  'unauthorized_client',
  'invalid_request',
  'invalid_scope',
  'access_denied',
]);
/** Graph's delegated permission the exchange asks for. */
const GRAPH_SCOPE = 'https://graph.microsoft.com/User.Read';
const PROFILE_FIELDS = ['displayName', 'jobTitle', 'department', 'mail', 'userPrincipalName'];
const IMAGE_TYPES = /^image\/(jpeg|png|gif)$/;

/** Graph reached at `baseUrl` with per-user credentials; `ca` for the tests' local fake only. */
export function graphProfileReader(options: {
  credentials: UserCredentialFactory;
  baseUrl: string;
  ca?: string;
}): ProfileReader {
  const { credentials, baseUrl, ca } = options;
  const transport = httpsMessageHandler(ca);
  const clientFor = async (user: GraphUser): Promise<Client> => {
    const credential = credentials(user.token, user.tenantId);
    // Exchanged here first, so that an Entra refusal is told apart from a Graph failure; the
    // provider below then gets the same token from the library's cache.
    await exchange(credential, GRAPH_SCOPE);
    const auth = new AuthenticationHandler(
      new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] }),
    );
    // One quick retry on throttling or 503: a user is waiting, and the tab shows initials anyway.
    const retry = new RetryHandler(new RetryHandlerOptions(1, 1));
    chain(auth, retry, transport);
    return Client.initWithMiddleware({
      baseUrl,
      middleware: auth,
      customHosts: new Set([new URL(baseUrl).hostname]),
    });
  };
  return {
    async profile(user) {
      const client = await clientFor(user);
      const me = (await graphCall(() => client.api('/me').select(PROFILE_FIELDS).get())) as Record<
        string,
        unknown
      >;
      return Object.fromEntries(
        PROFILE_FIELDS.filter((f) => typeof me[f] === 'string' && me[f]).map((f) => [f, me[f]]),
      ) as GraphProfile;
    },
    async photo(user) {
      const client = await clientFor(user);
      const res = (await graphCall(() =>
        client.api('/me/photos/48x48/$value').responseType(ResponseType.RAW).get(),
      )) as Response;
      if (res.status === 404) return undefined;
      if (!res.ok) throw new ProfileUnavailableError(`Graph photo: HTTP ${res.status}`, GRAPH_FAILED);
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!IMAGE_TYPES.test(contentType))
        throw new ProfileUnavailableError(`Graph photo: content type ${contentType}`, GRAPH_FAILED);
      return { body: Buffer.from(await res.arrayBuffer()), contentType };
    },
  };
}

function chain(...links: Middleware[]): void {
  for (let i = 0; i + 1 < links.length; i++) links[i]!.setNext?.(links[i + 1]!);
}

async function exchange(credential: TokenCredential, scope: string): Promise<void> {
  try {
    await credential.getToken(scope);
  } catch (err) {
    const { name, message, statusCode } = err as Error & { statusCode?: number };
    // "invalid_grant: AADSTS65001: …": Entra's own words name the OAuth error, an AADSTS code and a
    // correlation id, never the assertion.
    const reason = `Entra on-behalf-of: ${name} ${statusCode ?? ''} ${message.split('\n')[0]}`;
    const oauthError = /^(\w+):/.exec(message)?.[1] ?? '';
    const refused =
      REFUSALS.has(oauthError) || (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500);
    throw new ProfileUnavailableError(reason, refused ? ENTRA_REFUSED : ENTRA_UNAVAILABLE);
  }
}

async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof GraphError)
      throw new ProfileUnavailableError(`Graph: HTTP ${err.statusCode} ${err.code ?? ''}`, GRAPH_FAILED);
    throw new ProfileUnavailableError(`Graph: ${(err as Error).message}`, GRAPH_FAILED);
  }
}
