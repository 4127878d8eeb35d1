/**
 * The token verifier against a live OpenID provider: metadata fetched once, keys refetched when a
 * token names an unknown key (the provider rotated them) but not more often than the cool-down
 * allows, the issuer computed per tenant from the metadata's template, a provider down refused
 * with its own French message.
 */
import { createTokenVerifier, TokenRejectedError } from '../../bot/src/api/token-verifier';
import { startTestProvider, TEST_AUDIENCE, type TestProvider } from './support/test-provider';

const TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
const OID = 'a1b2c3d4-0000-4000-8000-000000000005';

describe('token verifier', () => {
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider({ multiTenant: true });
  });
  afterAll(async () => {
    await provider?.stop();
  });

  it('returns the identity of a valid token, issuer checked against its own tenant', async () => {
    const verifier = createTokenVerifier({
      openIdConfigUrl: provider.openIdConfigUrl,
      audience: [TEST_AUDIENCE],
    });
    const token = await provider.sign({
      tid: TENANT,
      oid: OID,
      name: 'Léa Dubois',
      preferred_username: 'lea.dubois@bellerive.example',
      roles: ['Beneficiary.Approver', 42],
    });
    expect(await verifier.verify(token)).toEqual({
      tenantId: TENANT,
      objectId: OID,
      name: 'Léa Dubois',
      username: 'lea.dubois@bellerive.example',
      roles: ['Beneficiary.Approver'],
    });
  });

  it('accepts any of several audiences (application id URI and client id)', async () => {
    const clientId = '5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f';
    const verifier = createTokenVerifier({
      openIdConfigUrl: provider.openIdConfigUrl,
      audience: [TEST_AUDIENCE, clientId],
    });
    await expect(
      verifier.verify(await provider.sign({ tid: TENANT, oid: OID, aud: clientId })),
    ).resolves.toMatchObject({
      tenantId: TENANT,
    });
  });

  it('fetches the metadata once, and picks up a rotated key on its first unknown kid', async () => {
    const before = provider.discoveryHits();
    const verifier = createTokenVerifier({
      openIdConfigUrl: provider.openIdConfigUrl,
      audience: [TEST_AUDIENCE],
      refetchCooldownMs: 0,
    });
    for (let i = 0; i < 3; i++) await verifier.verify(await provider.sign({ tid: TENANT, oid: OID }));
    expect(provider.discoveryHits() - before).toBe(1);
    const kid = await provider.addKey();
    await expect(
      verifier.verify(await provider.sign({ tid: TENANT, oid: OID }, { kid })),
    ).resolves.toMatchObject({
      objectId: OID,
    });
  });

  it('does not refetch the keys for every unknown kid within the cool-down', async () => {
    const verifier = createTokenVerifier({
      openIdConfigUrl: provider.openIdConfigUrl,
      audience: [TEST_AUDIENCE],
      refetchCooldownMs: 60_000,
    });
    await verifier.verify(await provider.sign({ tid: TENANT, oid: OID }));
    const kid = await provider.addKey();
    const rotated = await provider.sign({ tid: TENANT, oid: OID }, { kid });
    await expect(verifier.verify(rotated)).rejects.toMatchObject({
      reason: expect.stringMatching(/NO_MATCHING_KEY/),
    });
  });

  it('refuses every token, with a message saying why, while the provider cannot be reached', async () => {
    const verifier = createTokenVerifier({
      openIdConfigUrl: 'http://127.0.0.1:9/.well-known/openid-configuration',
      audience: [TEST_AUDIENCE],
    });
    const err = await verifier
      .verify(await provider.sign({ tid: TENANT, oid: OID }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenRejectedError);
    expect(err).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/fournisseur d'identité ne répond pas/),
    });
  });

  it('refuses an oversized token before parsing it', async () => {
    const verifier = createTokenVerifier({
      openIdConfigUrl: provider.openIdConfigUrl,
      audience: [TEST_AUDIENCE],
    });
    await expect(verifier.verify('a'.repeat(20000))).rejects.toMatchObject({ reason: 'token too long' });
  });
});
