/**
 * The local OpenID provider of the demonstration sign-in: oauth2-mock-server on a loopback port,
 * publishing its discovery document and its keys like Entra does, so that the API verifies local
 * tokens through exactly the code path it uses for Entra's. Tokens are minted in-process only: the
 * provider's own token and authorisation endpoints are not served.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running local provider. */
export interface LocalOpenIdProvider {
  /** URL of its OpenID configuration document. */
  readonly discoveryUrl: string;
  /** Signs an access token (RS256, with the provider's issuer) carrying these claims. */
  issue(claims: Record<string, unknown>, expiresInSeconds: number): Promise<string>;
  stop(): Promise<void>;
}

const SERVED = new Set(['/.well-known/openid-configuration', '/jwks']);

/** Starts the provider on 127.0.0.1 (`port` 0: any free port). */
export async function startLocalOpenIdProvider(port: number): Promise<LocalOpenIdProvider> {
  // Loaded only when the local sign-in is on: production never loads the mock server.
  const { OAuth2Issuer, OAuth2Service } = await import('oauth2-mock-server');
  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const handle = new OAuth2Service(issuer).requestHandler;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && SERVED.has(path)) return handle(req, res);
    // restify patches ServerResponse.writeHead (it no longer returns the response): set the status.
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // The service's own server keeps the process alive; this one must never be the reason it stays up.
  server.unref();
  issuer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discoveryUrl: `${issuer.url}/.well-known/openid-configuration`,
    issue: (claims, expiresIn) =>
      issuer.buildToken({
        expiresIn,
        scopesOrTransform: (_header, payload) => {
          Object.assign(payload, claims);
        },
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The verifier's keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
