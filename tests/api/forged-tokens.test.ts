/**
 * Forged and misdirected tokens: each one gets 401 in the error format, with a French message and
 * no data. The service trusts an Entra-shaped provider (multi-tenant metadata whose issuer is
 * `…/{tenantid}/v2.0`), so the issuer check per tenant is the one production runs; a few forgeries
 * are also tried against the local sign-in's own provider, which goes through the same code.
 */
import { createPublicKey, randomUUID } from 'node:crypto';
import { decodeJwt, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { startService, type RunningService } from '../support/running-service';
import { BELLERIVE, call, isBareError, signIn, TicketFactory, USERS } from './support/api-harness';
import { startTestProvider, TEST_AUDIENCE, type TestProvider } from './support/test-provider';

const LEA = { tid: 'b0a1c2d3-0000-4000-8000-000000000001', oid: USERS.agent, name: 'Léa Dubois' };
const CAMILLE = {
  tid: DEMO_TENANTS.titulaire,
  oid: USERS.engineer,
  name: 'Camille Martin',
  roles: ['Support.Engineer'],
};
const SECRET_TITLE = 'Coupure du réseau de la mairie';

const now = () => Math.floor(Date.now() / 1000);

/** Signs claims with a key the provider never published. */
async function signWithForeignKey(claims: Record<string, unknown>, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
}

/** HS256 "signed" with the provider's public key as the HMAC secret (the algorithm confusion attack). */
async function signWithPublicKeyAsSecret(claims: Record<string, unknown>, jwk: JWK): Promise<string> {
  const pem = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
    .sign(new TextEncoder().encode(pem as string));
}

/** The same token with its payload changed and its signature kept. */
function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ ...decodeJwt(token), ...changes })).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('tokens refused by an Entra-shaped provider', () => {
  let provider: TestProvider;
  let svc: RunningService;
  let jwk: JWK;
  const claimsFor = (person: Record<string, unknown>) => ({
    iss: provider.issuerFor(person.tid as string),
    aud: TEST_AUDIENCE,
    iat: now(),
    nbf: now() - 10,
    exp: now() + 3600,
    ...person,
  });

  beforeAll(async () => {
    provider = await startTestProvider({ multiTenant: true });
    svc = await startService(provider.env());
    await new TicketFactory(svc.store).declare(BELLERIVE, { title: SECRET_TITLE });
    jwk = (await provider.jwks()).keys[0] as JWK;
  });
  afterAll(async () => {
    await svc?.stop();
    await provider?.stop();
  });

  it('accepts the genuine token (the control case)', async () => {
    const res = await call<{ items: { title: string }[] }>(svc, 'GET', '/api/v1/tickets', {
      token: await provider.sign(LEA),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((t) => t.title)).toContain(SECRET_TITLE);
  });

  const forgeries: [string, () => Promise<string>][] = [
    ['wrong audience', () => provider.sign({ ...LEA, aud: 'api://autre-application/123' })],
    ['expired', () => provider.sign(LEA, { expiresIn: -3600 })],
    ['not valid yet', () => provider.sign({ ...LEA, nbf: now() + 3600 })],
    ['signed with another key under the real kid', () => signWithForeignKey(claimsFor(LEA), jwk.kid!)],
    ['signed with another key under an unknown kid', () => signWithForeignKey(claimsFor(LEA), randomUUID())],
    ['alg: none', async () => new UnsecuredJWT(claimsFor(LEA)).encode()],
    ['HS256 signed with the public key', () => signWithPublicKeyAsSecret(claimsFor(LEA), jwk)],
    ['unknown tenant', () => provider.sign({ ...LEA, tid: 'd3adbeef-0000-4000-8000-000000000000' })],
    [
      'issuer of another tenant',
      () => provider.sign({ ...LEA, iss: provider.issuerFor('d3adbeef-0000-4000-8000-000000000000') }),
    ],
    [
      'issuer of the Titulaire’s tenant',
      () => provider.sign({ ...LEA, iss: provider.issuerFor(CAMILLE.tid) }),
    ],
    ['tampered payload (agent turned engineer)', async () => tamper(await provider.sign(LEA), CAMILLE)],
    ['without object id', () => provider.sign({ tid: LEA.tid, name: LEA.name })],
    ['app-only token', () => provider.sign({ ...CAMILLE, idtyp: 'app' })],
    ['garbage', async () => 'not-a-jwt'],
  ];

  it.each(forgeries)('refuses a token %s: 401, French message, no data', async (_case, forge) => {
    const res = await call(svc, 'GET', '/api/v1/tickets', { token: await forge() });
    expect(res.status).toBe(401);
    expect(isBareError(res.body, 'UNAUTHENTICATED')).toBe(true);
    expect((res.body as { error: { message: string } }).error.message).toMatch(/^(Jeton d'accès|Connexion)/);
    expect(JSON.stringify(res.body)).not.toContain(SECRET_TITLE);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a call without a token, or with another scheme', async () => {
    const none = await call(svc, 'GET', '/api/v1/tickets');
    expect(none.status).toBe(401);
    expect((none.body as { error: { message: string } }).error.message).toMatch(/^Connexion requise/);
    const basic = await call(svc, 'GET', '/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(isBareError(basic.body, 'UNAUTHENTICATED')).toBe(true);
  });

  it('checks the token before validating the request, so a bad query tells nothing either', async () => {
    const res = await call(svc, 'GET', '/api/v1/tickets?limit=abc', { token: 'forged' });
    expect(res.status).toBe(401);
  });

  it('fetched the metadata once for all these calls', () => {
    expect(provider.discoveryHits()).toBe(1);
  });
});

describe('tokens refused by the local sign-in’s provider', () => {
  let svc: RunningService;
  let genuine: string;
  let jwk: JWK;

  beforeAll(async () => {
    svc = await startService();
    genuine = await signIn(svc, USERS.agent);
    const issuer = decodeJwt(genuine).iss!;
    jwk = ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: JWK[] }).keys[0]!;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it.each([
    ['alg: none', async () => new UnsecuredJWT(decodeJwt(genuine)).encode()],
    ['HS256 signed with the public key', () => signWithPublicKeyAsSecret(decodeJwt(genuine), jwk)],
    ['tampered roles', async () => tamper(genuine, { roles: ['Admin'] })],
    ['signed with another key', () => signWithForeignKey(decodeJwt(genuine), jwk.kid!)],
  ])('refuses %s', async (_case, forge) => {
    const res = await call(svc, 'GET', '/api/v1/me', { token: await forge() });
    expect(res.status).toBe(401);
    expect(isBareError(res.body, 'UNAUTHENTICATED')).toBe(true);
  });

  it('accepts the genuine token', async () => {
    expect((await call(svc, 'GET', '/api/v1/me', { token: genuine })).status).toBe(200);
  });
});
