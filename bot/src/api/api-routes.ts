/**
 * The REST API for the tab under /api/v1. Resources arrive with their issues; what exists now is
 * the index, the error format and the 404 for unknown resources.
 */
import type { Request, Response, Server } from 'restify';
import { GuichetError, NotFoundError, toGuichetError } from '../domain/errors';
import type { RequestLogger } from '../http/request-context';
import { requestIdOf, loggerOf } from '../http/request-context';
import { errorResponse } from './error-response';

export interface ApiInfo {
  name: string;
  version: string;
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

/** Mounts the /api/v1 routes. */
export function mountApi(server: Server, info: ApiInfo): void {
  server.get(
    '/api/v1',
    apiHandler(async () => info),
  );
  server.get(
    '/api/v1/',
    apiHandler(async () => info),
  );
  const notFound = apiHandler(async (req) => {
    throw new NotFoundError(`La ressource ${req.method} ${req.getPath()}`);
  });
  for (const method of ['get', 'post', 'put', 'patch', 'del'] as const) server[method]('/api/v1/*', notFound);
}
