/**
 * A local signing authority: an RSA key, its JWKS served over HTTP the way Entra serves
 * `/discovery/v2.0/keys`, and RS256 tokens signed with it (or with another key, for negative tests).
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalJwks {
  /** Authority endpoint to configure (`BOT_AUTHORITY_ENDPOINT`). */
  authority: string;
  tenantId: string;
  sign(claims: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string;
  otherKey: KeyObject;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Starts a JWKS endpoint on a free loopback port. */
export async function startLocalJwks(tenantId: string): Promise<LocalJwks> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = randomUUID();
  const server = http.createServer((req, res) => {
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    authority: `http://127.0.0.1:${port}/${tenantId}`,
    tenantId,
    otherKey,
    sign(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid }));
      const payload = b64url(JSON.stringify({ iat: now, nbf: now, exp: now + 3600, ...claims }));
      const signature = createSign('RSA-SHA256')
        .update(`${header}.${payload}`)
        .sign(options.key ?? privateKey);
      return `${header}.${payload}.${b64url(signature)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
