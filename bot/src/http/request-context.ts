/**
 * Per-request id and logger. The id comes from the caller's `x-request-id` when it is sane, so a
 * request can be followed from the tab to the logs; otherwise restify's generated id is used.
 */
import type { Logger } from 'pino';
import type { Request } from 'restify';

export type RequestLogger = Logger;

const ID = Symbol('requestId');
const LOG = Symbol('requestLogger');
type Tagged = Request & { [ID]?: string; [LOG]?: Logger };

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Attaches a request id and a child logger to the request. */
export function tagRequest(req: Request, root: Logger): string {
  const incoming = req.header('x-request-id');
  const id = incoming && SANE_ID.test(incoming) ? incoming : req.id();
  const tagged = req as Tagged;
  tagged[ID] = id;
  tagged[LOG] = root.child({ requestId: id });
  return id;
}

/** The request's id. */
export function requestIdOf(req: Request): string | undefined {
  return (req as Tagged)[ID];
}

/** The request's logger. */
export function loggerOf(req: Request): Logger | undefined {
  return (req as Tagged)[LOG];
}
