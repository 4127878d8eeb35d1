/**
 * The REST API for the tab under /api/v1: the index, the identity, the tickets, the OpenAPI
 * document, the local sign-in when it is on, and the error format for everything else. Every route
 * but the index, the document and the local sign-in needs an Entra ID bearer token.
 */
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Config } from '../config/config';
import { GuichetError, NotFoundError, toGuichetError, UnauthenticatedError } from '../domain/errors';
import type { RequestLogger } from '../http/request-context';
import { requestIdOf, loggerOf } from '../http/request-context';
import { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { Store } from '../store/port';
import { StaffRepository } from '../store/staff-repository';
import { incidentDependencies } from '../teams/incident-wiring';
import { storeLookups } from '../teams/requester-lookups';
import { ApiAuthenticator } from './api-auth';
import { publicRoute, type ApiRoute } from './api-route';
import { errorResponse } from './error-response';
import { LOCAL_AUDIENCE, LocalSignIn } from './local-sign-in';
import { meRoute } from './me-route';
import { meProfileRoutes, sendImageResponse } from './me-profile-routes';
import { openApiDocument } from './openapi';
import { quoteApiRoutes } from './quote-api';
import { sendPdfResponse } from './quote-pdf-response';
import { anonymiseRoutes } from './anonymise-routes';
import { beneficiaryRoutes } from './beneficiary-routes';
import { exportRoutes } from './export-routes';
import { reportRoutes, sendFileResponse } from './report-routes';
import { ticketRoutes } from './ticket-routes';
import { createTokenVerifier } from './token-verifier';

/** What `GET /api/v1/` answers. */
export interface ApiInfo {
  name: string;
  version: string;
}

/** What the API is built from. */
export interface ApiOptions extends ApiInfo {
  config: Config;
  store: Store;
  logger: Logger;
  /** Wakes the outbox sender after an action queued notifications. */
  wake: () => void;
}

/** The API's lifecycle: the local OpenID provider (when on) lives as long as the service. */
export interface ApiLifecycle {
  /** Starts the local provider if any and binds the token verifier; call before listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

type ApiHandler = (req: Request, res: Response) => Promise<unknown>;

/** Wraps a handler: its result is sent as JSON, any error in the single error format. */
export function apiHandler(handler: ApiHandler): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      const result = await handler(req, res);
      if (!res.headersSent) res.send(200, result);
    } catch (err) {
      sendError(req, res, err);
    }
  };
}

/** Sends `err` in the API's error format, logging unexpected errors with their stack. */
export function sendError(req: Request, res: Response, err: unknown): void {
  const log: RequestLogger | undefined = loggerOf(req);
  if (!(err instanceof GuichetError)) log?.error({ err }, 'unexpected error');
  const { status, body } = errorResponse(toGuichetError(err), requestIdOf(req));
  res.send(status, body);
}

/** Mounts the /api/v1 routes; `start()` must run before the server listens. */
export function mountApi(server: Server, options: ApiOptions): ApiLifecycle {
  const { config, store } = options;
  const beneficiaries = new BeneficiaryRepository(store);
  const auth = new ApiAuthenticator(storeLookups(beneficiaries, new StaffRepository(store), config));
  const local = config.localSignIn
    ? new LocalSignIn({
        port: config.auth.localSignInPort,
        audience: config.auth.audience[0] ?? LOCAL_AUDIENCE,
        tenants: config,
      })
    : undefined;
  const info = { name: options.name, version: options.version };
  const routes: ApiRoute[] = [
    indexRoute(info),
    meRoute(beneficiaries),
    ...meProfileRoutes(config),
    ...ticketRoutes(incidentDependencies(store, config, options.wake)),
    ...quoteApiRoutes(store, config, options.wake),
    ...reportRoutes(store, beneficiaries),
    ...exportRoutes(store),
    ...anonymiseRoutes(store),
    ...beneficiaryRoutes(store),
    ...(local ? local.routes() : []),
  ];
  routes.push(openApiRoute(routes, info));
  for (const route of routes) mountRoute(server, route, auth);
  // The index answers without its trailing slash too; anything else under /api/v1 is a 404.
  server.get(
    '/api/v1',
    apiHandler(async () => info),
  );
  const notFound = apiHandler(async (req) => {
    throw new NotFoundError(`La ressource ${req.method} ${req.getPath()}`);
  });
  for (const method of ['get', 'post', 'put', 'patch', 'del'] as const) server[method]('/api/v1/*', notFound);
  return {
    start: () => startSignIn(auth, local, options),
    stop: async () => {
      await local?.stop();
    },
  };
}

/** Binds the verifier: the local provider's when the local sign-in is on, Entra's when configured. */
async function startSignIn(
  auth: ApiAuthenticator,
  local: LocalSignIn | undefined,
  { config, logger }: ApiOptions,
): Promise<void> {
  if (local) {
    const openIdConfigUrl = await local.start();
    auth.use(createTokenVerifier({ openIdConfigUrl, audience: [local.audience] }));
    logger.info({ openIdConfigUrl }, 'API sign-in: local demonstration provider');
  } else if (config.auth.audience.length > 0) {
    const { openIdConfigUrl, audience } = config.auth;
    auth.use(createTokenVerifier({ openIdConfigUrl, audience }));
    logger.info({ openIdConfigUrl }, 'API sign-in: OpenID provider');
  } else {
    logger.warn('API sign-in not configured (AUTH_AUDIENCE): every API call will be refused');
  }
}

function indexRoute(info: ApiInfo): ApiRoute {
  return publicRoute(
    {
      method: 'get',
      path: '/api/v1/',
      operationId: 'getApiInfo',
      summary: "Nom et version de l'API",
      tag: 'Service',
      response: z.object({ name: z.string(), version: z.string() }),
      errors: [],
    },
    async () => info,
  );
}

function mountRoute(server: Server, route: ApiRoute, auth: ApiAuthenticator): void {
  const authenticate = (req: Request) => auth.authenticate(req);
  server[route.doc.method === 'delete' ? 'del' : route.doc.method](
    route.doc.path,
    apiHandler(async (req, res) => {
      try {
        const result = await route.run(req, authenticate);
        const etag = route.doc.etag ? (result as { etag?: unknown } | undefined)?.etag : undefined;
        if (typeof etag === 'string') res.header('ETag', `"${etag}"`);
        // A PDF or a file goes out as it is; apiHandler sees the response sent and adds nothing.
        return sendPdfResponse(res, result) || sendFileResponse(res, result) || sendImageResponse(res, result)
          ? undefined
          : result;
      } catch (err) {
        // RFC 6750: a refused bearer token says so in WWW-Authenticate.
        if (err instanceof UnauthenticatedError) res.header('WWW-Authenticate', 'Bearer realm="guichet"');
        throw err;
      }
    }),
  );
}

function openApiRoute(routes: readonly ApiRoute[], info: ApiInfo): ApiRoute {
  let document: Record<string, unknown> | undefined;
  const route: ApiRoute = publicRoute(
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'Ce document OpenAPI 3.1',
      tag: 'Service',
      response: z.record(z.string(), z.unknown()),
      errors: [],
    },
    // Built once, on first request: the route table does not change after mounting.
    async () => (document ??= openApiDocument([...routes.map((r) => r.doc)], info)),
  );
  return route;
}
