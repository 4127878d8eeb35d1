/**
 * An OpenID provider the test controls: oauth2-mock-server for the keys and the signing, and, in
 * multi-tenant mode, a discovery document shaped like Entra's `common` one (issuer
 * `…/{tenantid}/v2.0`). The service is pointed at it through AUTH_OPENID_CONFIG_URL, so the tokens it
 * signs go through the production verification path, and the test can sign anything: expired
 * tokens, other audiences, other tenants, other issuers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Server } from 'oauth2-mock-server';

export const TEST_AUDIENCE = 'api://guichet.test/5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f';

export interface TestProvider {
  /** What AUTH_OPENID_CONFIG_URL should say. */
  openIdConfigUrl: string;
  /** The issuer a token of this tenant must carry. */
  issuerFor(tenantId: string): string;
  /** The public keys the provider publishes. */
  jwks(): Promise<{ keys: Record<string, unknown>[] }>;
  /** Signs a token with one of the provider's keys: `iss` for the token's `tid`, `aud` = TEST_AUDIENCE, unless overridden. */
  sign(claims: Record<string, unknown>, options?: { expiresIn?: number; kid?: string }): Promise<string>;
  /** Adds a key to the provider's JWKS and returns its kid. */
  addKey(): Promise<string>;
  /** How many times the discovery document was fetched (multi-tenant mode). */
  discoveryHits(): number;
  /** The env that points the service at this provider. */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

/** Starts a provider on a free loopback port. */
export async function startTestProvider(options: { multiTenant?: boolean } = {}): Promise<TestProvider> {
  const mock = new OAuth2Server();
  await mock.issuer.keys.generate('RS256');
  await mock.start(0, '127.0.0.1');
  const mockUrl = mock.issuer.url!.replace(/\/$/, '');
  let discovery: http.Server | undefined;
  let hits = 0;
  let openIdConfigUrl = `${mockUrl}/.well-known/openid-configuration`;
  let issuerFor = (_tenantId: string) => mock.issuer.url!;
  if (options.multiTenant) {
    discovery = http.createServer((req, res) => {
      hits++;
      res.statusCode = req.url === '/common/v2.0/.well-known/openid-configuration' ? 200 : 404;
      if (res.statusCode === 404) return void res.end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${mockUrl}/jwks` }));
    });
    await new Promise<void>((resolve) => discovery!.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
    openIdConfigUrl = `${base}/common/v2.0/.well-known/openid-configuration`;
    issuerFor = (tenantId) => `${base}/${tenantId}/v2.0`;
  }
  return {
    openIdConfigUrl,
    issuerFor,
    jwks: async () => (await fetch(`${mockUrl}/jwks`)).json() as Promise<{ keys: Record<string, unknown>[] }>,
    sign: (claims, { expiresIn = 3600, kid } = {}) =>
      mock.issuer.buildToken({
        kid: kid ?? mock.issuer.keys.toJSON()[0]!.kid,
        expiresIn,
        scopesOrTransform: (_header, payload) => {
          const tid = typeof claims.tid === 'string' ? claims.tid : '';
          Object.assign(payload, { iss: issuerFor(tid), aud: TEST_AUDIENCE, ...claims });
        },
      }),
    addKey: async () => (await mock.issuer.keys.generate('RS256')).kid,
    discoveryHits: () => hits,
    env: () => ({
      LOCAL_SIGNIN: 'false',
      AUTH_OPENID_CONFIG_URL: openIdConfigUrl,
      AUTH_AUDIENCE: TEST_AUDIENCE,
    }),
    stop: async () => {
      await mock.stop();
      if (discovery) await new Promise<void>((resolve) => discovery!.close(() => resolve()));
    },
  };
}
