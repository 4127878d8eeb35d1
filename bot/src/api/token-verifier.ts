/**
 * Bearer token validation against OpenID Connect metadata (Entra ID's multi-tenant v2.0 document in
 * production, the local provider's in demonstration): one code path for both. The metadata and the
 * keys are cached; a token signed with an unknown key id refetches them, so a key rotation is picked
 * up without a restart while a flood of forged key ids cannot hammer the provider (cool-down).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { UnauthenticatedError } from '../domain/errors';

/** What a valid token says about its holder. */
export interface VerifiedIdentity {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  readonly username?: string;
  /** The token's `roles` claim as it came (filtered later, per tenant). */
  readonly roles: readonly string[];
}

/** A refused token; `reason` is for the logs only, never for the caller. */
export class TokenRejectedError extends UnauthenticatedError {
  constructor(
    readonly reason: string,
    message = "Jeton d'accès refusé : il est invalide ou expiré. Reconnectez-vous.",
  ) {
    super(message);
  }
}

/** Where the keys come from and what a token must say. */
export interface TokenVerifierOptions {
  /** URL of the OpenID configuration document. */
  openIdConfigUrl: string;
  /** Accepted `aud` values. */
  audience: readonly string[];
  /** Clock skew tolerated on `exp` and `nbf`, in seconds (default 60). */
  clockToleranceSeconds?: number;
  /** Minimum pause between two refetches caused by unknown key ids, in ms (default 30 s). */
  refetchCooldownMs?: number;
  /** Age after which the metadata is fetched again, in ms (default 24 h). */
  metadataMaxAgeMs?: number;
}

/** Validates bearer tokens. */
export interface TokenVerifier {
  /** The holder of a valid token; `TokenRejectedError` otherwise. */
  verify(token: string): Promise<VerifiedIdentity>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Entra tokens weigh a few kB; anything far larger is refused before any parsing.
const MAX_TOKEN_LENGTH = 16384;
const UNREACHABLE =
  "Jeton d'accès non vérifiable pour le moment : le fournisseur d'identité ne répond pas. Réessayez dans un instant.";

const metadataSchema = z.object({ issuer: z.string().min(1), jwks_uri: z.url() });

interface Provider {
  readonly issuerTemplate: string;
  readonly jwksUri: string;
  readonly keys: ReturnType<typeof createRemoteJWKSet>;
  readonly fetchedAt: number;
}

/** A verifier bound to one OpenID provider and audience. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  return new OpenIdTokenVerifier(options);
}

class OpenIdTokenVerifier implements TokenVerifier {
  private provider?: Provider;
  private loading?: Promise<Provider>;
  /** Last metadata fetch, failed or not: refetches caused by unknown key ids wait for the cool-down. */
  private lastAttempt = 0;
  private readonly cooldownMs: number;

  constructor(private readonly options: TokenVerifierOptions) {
    this.cooldownMs = options.refetchCooldownMs ?? 30_000;
  }

  async verify(token: string): Promise<VerifiedIdentity> {
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenRejectedError('token too long');
    const provider = await this.currentProvider();
    try {
      return await this.check(token, provider);
    } catch (err) {
      // An unknown key id may mean the provider moved its keys (new jwks_uri): refetch once.
      if (!(err instanceof errors.JWKSNoMatchingKey) || Date.now() - this.lastAttempt < this.cooldownMs)
        throw rejection(err);
      try {
        return await this.check(token, await this.currentProvider(true));
      } catch (retryErr) {
        throw rejection(retryErr);
      }
    }
  }

  private async check(token: string, provider: Provider): Promise<VerifiedIdentity> {
    const { payload } = await jwtVerify(token, provider.keys, {
      // RS256 only: `alg: none` and HMAC (signed with the public key as a secret) never verify.
      algorithms: ['RS256'],
      audience: [...this.options.audience],
      clockTolerance: this.options.clockToleranceSeconds ?? 60,
      requiredClaims: ['exp', 'iss', 'tid', 'oid'],
    });
    return identityOf(payload, provider.issuerTemplate);
  }

  private async currentProvider(force = false): Promise<Provider> {
    const maxAge = this.options.metadataMaxAgeMs ?? 24 * 3600_000;
    const current = this.provider;
    if (!force && current && Date.now() - current.fetchedAt < maxAge) return current;
    // Concurrent requests share one fetch.
    this.loading ??= this.load(current).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(previous: Provider | undefined): Promise<Provider> {
    let metadata: z.infer<typeof metadataSchema>;
    this.lastAttempt = Date.now();
    try {
      const res = await fetch(this.options.openIdConfigUrl, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      metadata = metadataSchema.parse(await res.json());
    } catch (err) {
      // A stale document is better than none while the provider is down.
      if (previous) return previous;
      throw new TokenRejectedError(`OpenID metadata unavailable: ${(err as Error).message}`, UNREACHABLE);
    }
    const keys =
      previous?.jwksUri === metadata.jwks_uri
        ? previous.keys
        : createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: this.cooldownMs });
    this.provider = {
      issuerTemplate: metadata.issuer,
      jwksUri: metadata.jwks_uri,
      keys,
      fetchedAt: Date.now(),
    };
    return this.provider;
  }
}

/** The identity in a verified payload, once its issuer matches the metadata's for its tenant. */
function identityOf(payload: JWTPayload, issuerTemplate: string): VerifiedIdentity {
  const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
  const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
  if (!GUID.test(tid) || !GUID.test(oid)) throw new TokenRejectedError('tid or oid is not a GUID');
  // Entra's multi-tenant metadata says `https://login.microsoftonline.com/{tenantid}/v2.0`: a token
  // must come from the issuer of its own tenant, not from another tenant's.
  const expected = issuerTemplate.replace('{tenantid}', tid);
  if (payload.iss !== expected) throw new TokenRejectedError(`issuer ${payload.iss} is not ${expected}`);
  // App-only tokens (client credentials) act for no person.
  if (payload.idtyp === 'app') throw new TokenRejectedError('app-only token');
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim() : undefined;
  const username = typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r) => typeof r === 'string') : [];
  return { tenantId: tid, objectId: oid, name: name ?? username ?? oid, username, roles };
}

function rejection(err: unknown): TokenRejectedError {
  if (err instanceof TokenRejectedError) return err;
  if (err instanceof errors.JOSEError) {
    const unreachable = err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid;
    return new TokenRejectedError(`${err.code}: ${err.message}`, unreachable ? UNREACHABLE : undefined);
  }
  // Network failures while fetching the keys.
  return new TokenRejectedError(`keys unavailable: ${(err as Error).message}`, UNREACHABLE);
}
