/**
 * Microsoft's cloud faked at the HTTP boundary, for the on-behalf-of profile: a local Entra ID (the
 * tenant's OpenID metadata and its token endpoint) and a local Microsoft Graph (`/v1.0/me`, the
 * 48×48 photo), both over HTTPS with a test certificate that only the service's Entra and Graph
 * clients trust (MICROSOFT_TEST_CA_FILE). The answers have the shapes the real services send; each
 * request is recorded so that tests can check what the service asked for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestCertificate } from '../../store/cosmos-test-certificate';

/** One request the fake received; `form` holds a token request's fields. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  form: URLSearchParams;
}

/** How the fake answers, changeable between tests. */
export interface CloudBehaviour {
  /** Entra's answer to the on-behalf-of grant: a Graph token, or a refusal. */
  entra: 'grant' | 'invalid_grant';
  /** Graph's answer: the profile and photo, a profile without photo, or a failure. */
  graph: 'ok' | 'no-photo' | 'unavailable';
}

export interface FakeMicrosoftCloud {
  behaviour: CloudBehaviour;
  /** The access token Entra issues for Graph; Graph only answers requests that carry it. */
  readonly graphToken: string;
  /** The photo bytes Graph serves (a few JPEG header bytes unless a test sets a real image). */
  photo: Buffer;
  readonly entraRequests: RecordedRequest[];
  readonly graphRequests: RecordedRequest[];
  /** What points the service at the fakes (authority, Graph and the certificate to trust). */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

/** A few bytes standing for a JPEG (its SOI/APP0 header). */
const PHOTO = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/** As recorded from `GET https://graph.microsoft.com/v1.0/me?$select=…`. */
const GRAPH_ME = {
  '@odata.context':
    'https://graph.microsoft.com/v1.0/$metadata#users(displayName,jobTitle,department,mail,userPrincipalName)/$entity',
  displayName: 'Camille Martin',
  jobTitle: 'Chargée de mission numérique',
  department: 'Direction des systèmes d’information',
  mail: 'camille.martin@bellerive-sur-rhone.fr',
  userPrincipalName: 'camille.martin@bellerive-sur-rhone.fr',
};

/** Graph's answer when the user has no photo. */
const IMAGE_NOT_FOUND = {
  error: {
    code: 'ImageNotFound',
    message: "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown.",
    innerError: { date: '2026-03-02T09:14:07', 'request-id': 'f3b1c0de-5d0c-4f5e-9a57-7d3b2c1a0e9f' },
  },
};

/** Graph's answer when the service is down. */
const SERVICE_UNAVAILABLE = {
  error: {
    code: 'serviceNotAvailable',
    message: 'Upstream node graph-frc-07 is overloaded (internal detail that must not reach users).',
    innerError: { date: '2026-03-02T09:14:07', 'request-id': '0a1b2c3d-0000-4000-8000-00000000beef' },
  },
};

/** Entra's refusal when the API may not act for the user (consent missing), as recorded. */
const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description:
    "AADSTS65001: The user or administrator has not consented to use the application with ID '5e1d2c3b-4a59-4687-9123-0a1b2c3d4e5f' named 'Guichet API'. Send an interactive authorization request for this user and resource. Trace ID: 6a1e2f3c-0000-4000-8000-000000000001 Correlation ID: 7b2f3a4d-0000-4000-8000-000000000002 Timestamp: 2026-03-02 09:14:07Z",
  error_codes: [65001],
  timestamp: '2026-03-02 09:14:07Z',
  trace_id: '6a1e2f3c-0000-4000-8000-000000000001',
  correlation_id: '7b2f3a4d-0000-4000-8000-000000000002',
  suberror: 'consent_required',
};

/** Starts the fake Entra and the fake Graph on free loopback ports. */
export async function startFakeMicrosoftCloud(): Promise<FakeMicrosoftCloud> {
  const certificate = createTestCertificate();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-cloud-'));
  const caFile = path.join(dir, 'test-ca.pem');
  writeFileSync(caFile, certificate.cert);
  const cloud = {
    behaviour: { entra: 'grant', graph: 'ok' } as CloudBehaviour,
    graphToken: 'eyJ0eXAiOiJKV1QiLCJub25jZSI6ImdyYXBoIn0.graph-access-token-for-the-user.c2ln',
    photo: PHOTO,
    entraRequests: [] as RecordedRequest[],
    graphRequests: [] as RecordedRequest[],
  };
  const entra = await listen(certificate, async (req, res, recorded) => {
    cloud.entraRequests.push(recorded);
    const base = `https://127.0.0.1:${(entra.address() as AddressInfo).port}`;
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(recorded.path);
    if (req.method === 'GET' && metadata) return json(res, 200, openIdMetadata(base, metadata[1]!));
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(recorded.path)) {
      if (cloud.behaviour.entra === 'invalid_grant') return json(res, 400, INVALID_GRANT);
      return json(res, 200, {
        token_type: 'Bearer',
        scope: 'https://graph.microsoft.com/User.Read',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: cloud.graphToken,
      });
    }
    json(res, 404, { error: 'not_found' });
  });
  const graph = await listen(certificate, async (req, res, recorded) => {
    cloud.graphRequests.push(recorded);
    if (recorded.headers.authorization !== `Bearer ${cloud.graphToken}`)
      return json(res, 401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
      });
    if (cloud.behaviour.graph === 'unavailable') return json(res, 500, SERVICE_UNAVAILABLE);
    if (req.method === 'GET' && recorded.path === '/v1.0/me') return json(res, 200, GRAPH_ME);
    if (req.method === 'GET' && recorded.path === '/v1.0/me/photos/48x48/$value') {
      if (cloud.behaviour.graph === 'no-photo') return json(res, 404, IMAGE_NOT_FOUND);
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': cloud.photo.length });
      res.end(cloud.photo);
      return;
    }
    json(res, 404, { error: { code: 'Request_ResourceNotFound', message: 'Resource not found.' } });
  });
  const port = (server: https.Server) => (server.address() as AddressInfo).port;
  return {
    ...cloud,
    get behaviour() {
      return cloud.behaviour;
    },
    set behaviour(value) {
      cloud.behaviour = value;
    },
    get photo() {
      return cloud.photo;
    },
    set photo(value) {
      cloud.photo = value;
    },
    env: () => ({
      AUTH_AUTHORITY_HOST: `https://127.0.0.1:${port(entra)}`,
      GRAPH_BASE_URL: `https://127.0.0.1:${port(graph)}/`,
      MICROSOFT_TEST_CA_FILE: caFile,
    }),
    stop: async () => {
      await Promise.all([close(entra), close(graph)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** App Service's local identity endpoint, which hands the Web App its managed identity's tokens. */
export interface FakeManagedIdentity {
  /** The managed identity's token: the client assertion Entra must receive. */
  readonly token: string;
  readonly requests: RecordedRequest[];
  /** The variables App Service sets in the Web App's process (IDENTITY_ENDPOINT, IDENTITY_HEADER). */
  readonly processEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the identity endpoint on a free loopback port (plain http, as in App Service). */
export async function startFakeManagedIdentity(): Promise<FakeManagedIdentity> {
  const header = 'app-service-identity-header';
  const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.managed-identity-for-token-exchange.c2ln';
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      form: new URLSearchParams(),
    });
    if (req.headers['x-identity-header'] !== header) return json(res, 401, { error: 'unauthorized' });
    json(res, 200, {
      access_token: token,
      expires_on: String(Math.floor(Date.now() / 1000) + 86_400),
      resource: url.searchParams.get('resource'),
      token_type: 'Bearer',
      client_id: url.searchParams.get('client_id'),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    token,
    requests,
    processEnv: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: header },
    stop: () => close(server),
  };
}

/** The tenant's OpenID metadata, shaped like `login.microsoftonline.com/{tenant}/v2.0/.well-known/…`. */
function openIdMetadata(base: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'oid'],
    kerberos_endpoint: `${base}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  recorded: RecordedRequest,
) => Promise<void>;

async function listen(certificate: { cert: string; key: string }, handle: Handler): Promise<https.Server> {
  const server = https.createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      handle(req, res, recorded).catch((err: Error) => json(res, 500, { error: err.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  // Not chained: restify, loaded in the same process, patches writeHead and returns nothing.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
