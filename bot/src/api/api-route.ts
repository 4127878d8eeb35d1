/**
 * One API route as data: its path, its zod schemas and its handler. The same description mounts the
 * route (parse the inputs, authenticate, validate the answer) and documents it in openapi.json, so
 * the document cannot drift from what is served. Answers are parsed by their schema, which strips
 * every field it does not declare: internal fields never leave the server by accident.
 */
import type { Request } from 'restify';
import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import type { ApiCaller } from './api-caller';

/** The methods the API's routes use. */
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** What the OpenAPI document needs to know about a route. */
export interface RouteDoc {
  readonly method: HttpMethod;
  /** restify syntax: `/api/v1/tickets/:beneficiaryId`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** False for the few routes callable without a token. */
  readonly bearer: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Documents the `Idempotency-Key` request header (`'required'` when the route refuses a call without it). */
  readonly idempotencyKey?: boolean | 'required';
  /**
   * The answer's `etag` field also goes out as the `ETag` header, and a write takes the version it
   * read back in `If-Match` (RFC 9110), so HTTP clients and caches use the usual headers.
   */
  readonly etag?: boolean;
  readonly response: z.ZodType;
  /** Error statuses the route may answer besides 401 and 500. */
  readonly errors: readonly number[];
}

/** What a handler receives, already parsed. */
export interface RouteInput<P, Q, B> {
  readonly req: Request;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

/** A route ready to mount: its documentation and its request runner. */
export interface ApiRoute {
  readonly doc: RouteDoc;
  /** Runs the route; `authenticate` is called only for bearer routes. */
  run(req: Request, authenticate: (req: Request) => Promise<ApiCaller>): Promise<unknown>;
}

type Schemas<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType, R extends z.ZodType> = Omit<
  RouteDoc,
  'bearer' | 'params' | 'query' | 'body' | 'response'
> & { params?: P; query?: Q; body?: B; response: R };

const EMPTY = z.object({});

const DOCUMENTED = new WeakMap<z.ZodType, z.ZodType>();

/** Marks `schema` as documented by `doc` in openapi.json (for schemas that parse through code). */
export function documentedAs<T extends z.ZodType>(schema: T, doc: z.ZodType): T {
  DOCUMENTED.set(schema, doc);
  return schema;
}

/** The schema openapi.json shows for `schema`. */
export function documentationOf(schema: z.ZodType): z.ZodType {
  return DOCUMENTED.get(schema) ?? schema;
}

/** A route that needs a valid bearer token; the handler gets the caller. */
export function bearerRoute<
  P extends z.ZodObject = typeof EMPTY,
  Q extends z.ZodObject = typeof EMPTY,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodType,
>(
  spec: Schemas<P, Q, B, R>,
  handle: (
    caller: ApiCaller,
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<z.input<R>>,
): ApiRoute {
  return {
    doc: { ...spec, bearer: true },
    run: async (req, authenticate) => {
      const caller = await authenticate(req);
      const input = parseInputs(req, spec);
      return spec.response.parse(await handle(caller, input));
    },
  };
}

/** A route callable without a token. */
export function publicRoute<
  P extends z.ZodObject = typeof EMPTY,
  Q extends z.ZodObject = typeof EMPTY,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodType,
>(
  spec: Schemas<P, Q, B, R>,
  handle: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>,
): ApiRoute {
  return {
    doc: { ...spec, bearer: false },
    run: async (req) => spec.response.parse(await handle(parseInputs(req, spec))),
  };
}

function parseInputs<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType>(
  req: Request,
  spec: { params?: P; query?: Q; body?: B },
): RouteInput<z.output<P>, z.output<Q>, z.output<B>> {
  return {
    req,
    params: parseRequestPart(spec.params ?? EMPTY, req.params ?? {}, 'chemin') as z.output<P>,
    query: parseRequestPart(spec.query ?? EMPTY, req.query ?? {}, 'paramètres') as z.output<Q>,
    body: (spec.body ? parseRequestPart(spec.body, req.body ?? {}, 'corps') : undefined) as z.output<B>,
  };
}

const french = z.locales.fr();

/** Parses one part of a request; a French `ValidationError` naming each bad field otherwise. */
export function parseRequestPart<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const parsed = schema.safeParse(value, { error: french.localeError });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.length > 0 ? i.path.join('.') : part,
    message: i.message,
  }));
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  throw new ValidationError(`Requête invalide (${part}) : ${fields}.`, issues);
}
