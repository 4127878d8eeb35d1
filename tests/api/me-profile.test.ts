/**
 * The caller's Microsoft 365 profile and photo (`/api/v1/me/profile`, `/api/v1/me/photo`): the service
 * exchanges the caller's token on behalf of the user with @azure/identity, then reads Graph with the
 * Graph client — both real libraries, over real HTTPS, against a local Entra and a local Graph. Without
 * the API's app registration the profile is the token's own claims and there is no photo.
 */
import { startService, type RunningService } from '../support/running-service';
import { call } from './support/api-harness';
import {
  startFakeManagedIdentity,
  startFakeMicrosoftCloud,
  type FakeManagedIdentity,
  type FakeMicrosoftCloud,
} from './support/fake-microsoft-cloud';
import { startTestProvider, TEST_AUDIENCE, type TestProvider } from './support/test-provider';

const BELLERIVE_TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
const CAMILLE = 'c0ffee00-0000-4000-8000-000000000042';
/** The API's app registration: the client id TEST_AUDIENCE names. */
const API_CLIENT_ID = TEST_AUDIENCE.split('/').pop()!;
const CLIENT_SECRET = 'test-only-client-secret';

type Profile = {
  source: 'graph' | 'token';
  displayName: string;
  username?: string;
  jobTitle?: string;
  department?: string;
  mail?: string;
};
type ErrorBody = { error: { code: string; message: string } };

describe('the caller’s Microsoft 365 profile, through the on-behalf-of exchange', () => {
  let provider: TestProvider;
  let cloud: FakeMicrosoftCloud;
  let svc: RunningService;
  let userToken: string;

  beforeAll(async () => {
    provider = await startTestProvider();
    cloud = await startFakeMicrosoftCloud();
    svc = await startService({
      ...provider.env(),
      ...cloud.env(),
      AUTH_CLIENT_ID: API_CLIENT_ID,
      AUTH_CLIENT_SECRET: CLIENT_SECRET,
    });
    userToken = await provider.sign({
      tid: BELLERIVE_TENANT,
      oid: CAMILLE,
      name: 'C. Martin',
      preferred_username: 'camille.martin@bellerive-sur-rhone.fr',
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await cloud?.stop();
    await provider?.stop();
  });
  beforeEach(() => {
    cloud.behaviour = { entra: 'grant', graph: 'ok' };
    cloud.entraRequests.length = 0;
    cloud.graphRequests.length = 0;
  });

  const tokenRequests = () => cloud.entraRequests.filter((r) => r.method === 'POST');
  const photo = () =>
    fetch(`${svc.url}/api/v1/me/photo`, { headers: { authorization: `Bearer ${userToken}` } });

  it('reads name, job title, department and e-mail from Graph with a token exchanged for the user', async () => {
    const res = await call<Profile>(svc, 'GET', '/api/v1/me/profile', { token: userToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: 'graph',
      displayName: 'Camille Martin',
      username: 'camille.martin@bellerive-sur-rhone.fr',
      jobTitle: 'Chargée de mission numérique',
      department: 'Direction des systèmes d’information',
      mail: 'camille.martin@bellerive-sur-rhone.fr',
    });
    // One exchange, in the user's own tenant, carrying the user's token and the app's secret.
    expect(tokenRequests()).toHaveLength(1);
    const [grant] = tokenRequests();
    expect(grant!.path).toBe(`/${BELLERIVE_TENANT}/oauth2/v2.0/token`);
    expect(Object.fromEntries(grant!.form)).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: userToken,
      client_id: API_CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(grant!.form.get('scope')).toContain('User.Read');
    // Graph got the exchanged token, never the user's own.
    expect(cloud.graphRequests).toHaveLength(1);
    expect(cloud.graphRequests[0]).toMatchObject({
      method: 'GET',
      path: '/v1.0/me',
      headers: expect.objectContaining({ authorization: `Bearer ${cloud.graphToken}` }),
    });
    expect(cloud.graphRequests[0]!.query.get('$select')).toBe(
      'displayName,jobTitle,department,mail,userPrincipalName',
    );
  });

  it('serves the 48×48 photo as an image the browser may keep for this user only', async () => {
    const res = await photo();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(res.headers.get('vary')).toMatch(/authorization/i);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(cloud.photo);
    expect(cloud.graphRequests.map((r) => r.path)).toEqual(['/v1.0/me/photos/48x48/$value']);
  });

  it('answers 404 when the user has no photo in Microsoft 365', async () => {
    cloud.behaviour = { entra: 'grant', graph: 'no-photo' };
    const res = await photo();
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'La photo de profil introuvable.',
    });
  });

  it('says in French that Entra refused the exchange, without its raw answer, and calls no Graph', async () => {
    cloud.behaviour = { entra: 'invalid_grant', graph: 'ok' };
    const res = await call<ErrorBody>(svc, 'GET', '/api/v1/me/profile', { token: userToken });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('UPSTREAM_FAILED');
    expect(res.body.error.message).toMatch(
      /^Microsoft Entra ID a refusé l'accès à votre profil Microsoft 365/,
    );
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/AADSTS|invalid_grant|not consented|Trace ID/i);
    expect(text).not.toContain(userToken);
    expect(cloud.graphRequests).toHaveLength(0);
  });

  it('answers 502 in French when Graph fails, never with Graph’s own message', async () => {
    cloud.behaviour = { entra: 'grant', graph: 'unavailable' };
    for (const path of ['/api/v1/me/profile', '/api/v1/me/photo']) {
      const res = await call<ErrorBody>(svc, 'GET', path, { token: userToken });
      expect({ path, status: res.status, code: res.body.error.code }).toEqual({
        path,
        status: 502,
        code: 'UPSTREAM_FAILED',
      });
      expect(res.body.error.message).toMatch(/^Microsoft Graph ne répond pas correctement/);
      expect(JSON.stringify(res.body)).not.toMatch(/serviceNotAvailable|graph-frc-07/);
    }
  });

  it('still asks for a bearer token first', async () => {
    const res = await call<ErrorBody>(svc, 'GET', '/api/v1/me/profile');
    expect(res.status).toBe(401);
    expect(cloud.entraRequests).toHaveLength(0);
  });
});

describe('the exchange in Azure: no secret, the managed identity signs for the app', () => {
  const MANAGED_IDENTITY = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
  let provider: TestProvider;
  let cloud: FakeMicrosoftCloud;
  let identity: FakeManagedIdentity;
  let svc: RunningService;

  beforeAll(async () => {
    provider = await startTestProvider();
    cloud = await startFakeMicrosoftCloud();
    identity = await startFakeManagedIdentity();
    // What App Service puts in the Web App's environment; removed again after these tests.
    Object.assign(process.env, identity.processEnv);
    svc = await startService({
      ...provider.env(),
      ...cloud.env(),
      AUTH_CLIENT_ID: API_CLIENT_ID,
      AUTH_MANAGED_IDENTITY_CLIENT_ID: MANAGED_IDENTITY,
    });
  });
  afterAll(async () => {
    for (const name of Object.keys(identity?.processEnv ?? {})) delete process.env[name];
    await svc?.stop();
    await identity?.stop();
    await cloud?.stop();
    await provider?.stop();
  });

  it('gives Entra the managed identity’s token as the client assertion, and reads Graph', async () => {
    const token = await provider.sign({ tid: BELLERIVE_TENANT, oid: CAMILLE, name: 'C. Martin' });
    const res = await call<Profile>(svc, 'GET', '/api/v1/me/profile', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'graph', displayName: 'Camille Martin' });
    // The user-assigned identity's token, for the audience a federated identity credential trusts.
    expect(identity.requests).toHaveLength(1);
    expect(Object.fromEntries(identity.requests[0]!.query)).toMatchObject({
      resource: 'api://AzureADTokenExchange',
      client_id: MANAGED_IDENTITY,
    });
    const grants = cloud.entraRequests.filter((r) => r.method === 'POST');
    expect(grants).toHaveLength(1);
    expect(Object.fromEntries(grants[0]!.form)).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: token,
      client_id: API_CLIENT_ID,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: identity.token,
    });
    expect(grants[0]!.form.has('client_secret')).toBe(false);
  });
});

describe('the caller’s profile without the API’s app registration (local sign-in, tests)', () => {
  let provider: TestProvider;
  let svc: RunningService;
  let token: string;

  beforeAll(async () => {
    provider = await startTestProvider();
    svc = await startService(provider.env());
    token = await provider.sign({
      tid: BELLERIVE_TENANT,
      oid: CAMILLE,
      name: 'Camille Martin',
      preferred_username: 'camille.martin@bellerive-sur-rhone.fr',
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await provider?.stop();
  });

  it('answers the token’s own name and user name, and says so', async () => {
    const res = await call<Profile>(svc, 'GET', '/api/v1/me/profile', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: 'token',
      displayName: 'Camille Martin',
      username: 'camille.martin@bellerive-sur-rhone.fr',
    });
  });

  it('has no photo to give', async () => {
    const res = await fetch(`${svc.url}/api/v1/me/photo`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
  });
});
