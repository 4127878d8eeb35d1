/**
 * The local demonstration sign-in: the demo users, a signed token per user verified like an Entra
 * token, routes absent when the local sign-in is off, the provider stopped with the service.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { LOCAL_AUDIENCE, LocalSignIn } from '../../bot/src/api/local-sign-in';
import { DEMO_TENANTS } from '../../bot/src/config/config';
import { startService } from '../support/running-service';
import { call, isBareError, signIn, useApiService, USERS } from './support/api-harness';

describe('local sign-in', () => {
  const rig = useApiService();

  it('lists the demo users with their organisation and role', async () => {
    const res = await call<{ users: Record<string, unknown>[] }>(
      rig.svc,
      'GET',
      '/api/v1/local-sign-in/users',
    );
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: USERS.engineer,
          name: 'Camille Martin',
          organisation: 'Titulaire',
          role: 'Ingénieur support',
          roles: ['Support.Engineer'],
        }),
        expect.objectContaining({ id: USERS.canut, organisation: 'CANUT', roles: ['Canut.Staff'] }),
        expect.objectContaining({
          id: USERS.agent,
          name: 'Léa Dubois',
          organisation: 'Ville de Bellerive-sur-Rhône',
          role: 'Agent du bénéficiaire',
          roles: [],
        }),
        expect.objectContaining({ id: USERS.approver, roles: ['Beneficiary.Approver'] }),
      ]),
    );
  });

  it('signs an RS256 access token with the Entra claims of the chosen user', async () => {
    const res = await call<{ accessToken: string; tokenType: string; expiresIn: number }>(
      rig.svc,
      'POST',
      '/api/v1/local-sign-in',
      { body: { userId: USERS.engineer } },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(decodeProtectedHeader(res.body.accessToken).alg).toBe('RS256');
    expect(decodeJwt(res.body.accessToken)).toMatchObject({
      aud: LOCAL_AUDIENCE,
      tid: DEMO_TENANTS.titulaire,
      oid: USERS.engineer,
      name: 'Camille Martin',
      preferred_username: 'camille.martin@titulaire.example',
      roles: ['Support.Engineer'],
      iss: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
  });

  it('gives a beneficiary agent a token without a roles claim', async () => {
    const claims = decodeJwt(await signIn(rig.svc, USERS.agent));
    expect(claims.roles).toBeUndefined();
    expect(claims.tid).toBe('b0a1c2d3-0000-4000-8000-000000000001');
  });

  it('answers the chosen user on /me with that token', async () => {
    const res = await call(rig.svc, 'GET', '/api/v1/me', { token: await signIn(rig.svc, USERS.approver) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Marc Petit',
      kind: 'beneficiary',
      roles: ['Beneficiary.Approver'],
      readOnly: false,
      allBeneficiaries: false,
      beneficiaries: [{ id: '21690012300029', name: 'Ville de Bellerive-sur-Rhône', active: true }],
    });
  });

  it('refuses an unknown user and a malformed request in the error format', async () => {
    const unknown = await call(rig.svc, 'POST', '/api/v1/local-sign-in', { body: { userId: 'personne' } });
    expect(unknown.status).toBe(404);
    expect(isBareError(unknown.body, 'NOT_FOUND')).toBe(true);
    const bad = await call<{ error: { issues: { path: string }[] } }>(
      rig.svc,
      'POST',
      '/api/v1/local-sign-in',
      {
        body: { user: 'x' },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'userId' }] });
  });
});

describe('local sign-in turned off', () => {
  const rig = useApiService({ LOCAL_SIGNIN: 'false' });

  it('has no local sign-in routes', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/local-sign-in/users'],
      ['POST', '/api/v1/local-sign-in'],
    ] as const) {
      const res = await call(rig.svc, method, path, {
        body: method === 'POST' ? { userId: USERS.admin } : undefined,
      });
      expect(res.status).toBe(404);
      expect(isBareError(res.body, 'NOT_FOUND')).toBe(true);
    }
  });

  it('refuses every call when no OpenID audience is configured either', async () => {
    const res = await call(rig.svc, 'GET', '/api/v1/me', { token: 'a.b.c' });
    expect(res.status).toBe(401);
    expect(isBareError(res.body, 'UNAUTHENTICATED')).toBe(true);
  });
});

describe('the local provider', () => {
  it('serves its discovery document until stopped, and only on the loopback', async () => {
    const local = new LocalSignIn({ port: 0, audience: LOCAL_AUDIENCE, tenants: DEMO_TENANTS_CONFIG });
    const url = await local.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration$/);
    const metadata = (await (await fetch(url)).json()) as { issuer: string; jwks_uri: string };
    expect(metadata.jwks_uri).toBe(`${metadata.issuer}/jwks`);
    // Tokens are minted in-process only: the mock's own token endpoint is not served.
    expect((await fetch(`${metadata.issuer}/token`, { method: 'POST' })).status).toBe(404);
    await local.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('is stopped by the service shutdown', async () => {
    const svc = await startService();
    const token = await signIn(svc, USERS.admin);
    const issuer = decodeJwt(token).iss!;
    expect((await fetch(`${issuer}/jwks`)).status).toBe(200);
    await svc.stop();
    await expect(fetch(`${issuer}/jwks`)).rejects.toThrow();
  });
});

const DEMO_TENANTS_CONFIG = { titulaireTenantId: DEMO_TENANTS.titulaire, canutTenantId: DEMO_TENANTS.canut };
