/**
 * Authentication of API calls: the bearer token, its verification, then the caller's tenant, which
 * must be the Titulaire's, the CANUT's or one mapped to a beneficiary. Every failure is a 401 with a
 * French message and nothing else; the precise reason goes to the logs only.
 */
import type { Request } from 'restify';
import type { RequesterLookups } from '../domain/identity/requester';
import { loggerOf } from '../http/request-context';
import { resolveCaller, type ApiCaller } from './api-caller';
import { TokenRejectedError, type TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_.~+/]+=*)[ \t]*$/i;

/** Turns a request's bearer token into a caller. */
export class ApiAuthenticator {
  private verifier?: TokenVerifier;

  constructor(private readonly lookups: RequesterLookups) {}

  /** Sets the verifier (at start-up, once the OpenID provider is known). */
  use(verifier: TokenVerifier | undefined): void {
    this.verifier = verifier;
  }

  /** The caller; `TokenRejectedError` (401) when the token or its tenant is not accepted. */
  async authenticate(req: Request): Promise<ApiCaller> {
    try {
      return await this.caller(req);
    } catch (err) {
      if (err instanceof TokenRejectedError) loggerOf(req)?.warn({ reason: err.reason }, 'API token refused');
      throw err;
    }
  }

  private async caller(req: Request): Promise<ApiCaller> {
    const header = req.header('authorization');
    if (!header)
      throw new TokenRejectedError(
        'no Authorization header',
        "Connexion requise : l'appel doit porter un jeton d'accès (en-tête Authorization: Bearer).",
      );
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new TokenRejectedError('Authorization is not a bearer token');
    if (!this.verifier)
      throw new TokenRejectedError(
        'no verifier: neither AUTH_AUDIENCE nor the local sign-in is configured',
        "Jeton d'accès refusé : la connexion n'est pas configurée sur ce serveur.",
      );
    const identity = await this.verifier.verify(token);
    const caller = await resolveCaller(identity, this.lookups);
    if (!caller)
      throw new TokenRejectedError(
        `tenant ${identity.tenantId} is not accepted`,
        "Jeton d'accès refusé : votre organisation n'est pas bénéficiaire de l'accord-cadre. " +
          'Pour y adhérer, contactez le CANUT.',
      );
    return caller;
  }
}
