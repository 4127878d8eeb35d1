/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas (OpenAPI
 * 3.1 schemas are JSON Schema 2020-12, which `z.toJSONSchema` produces): what is documented is what
 * is mounted, parsed and answered.
 */
import { z } from 'zod';
import { documentationOf, type RouteDoc } from './api-route';
import { ERROR_CODES, statusOf } from './error-response';

type Json = Record<string, unknown>;

const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string().describe('Message en français, destiné à l’utilisateur'),
    issues: z
      .array(
        z.object({ path: z.string().optional(), line: z.number().int().optional(), message: z.string() }),
      )
      .optional(),
    requestId: z.string().optional(),
  }),
});

const ERROR_TEXT: Record<number, string> = {
  400: 'Requête invalide',
  401: "Jeton d'accès absent, invalide ou expiré, ou organisation non admise",
  403: 'Action interdite à ce rôle',
  404: 'Introuvable (ou invisible pour l’appelant)',
  409: 'Transition impossible dans l’état actuel',
  412: 'Modifié entre-temps',
  500: 'Erreur inattendue (journalisée)',
};

/** The OpenAPI document of these routes. */
export function openApiDocument(routes: readonly RouteDoc[], info: { name: string; version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guichet — API du Titulaire',
      version: info.version,
      description:
        'API REST de l’onglet Guichet. Chaque appel porte un jeton Entra ID (Bearer) ; ' +
        'les erreurs suivent un format unique avec un code stable et un message en français.',
    },
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      schemas: { Error: jsonSchema(errorBody, 'output') },
    },
  };
}

function operation(route: RouteDoc): Json {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query'),
    ...(route.idempotencyKey
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: route.idempotencyKey === 'required',
            description:
              'Rejouer la même clé ne refait pas l’action : la réponse est l’état laissé par la première.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
          },
        ]
      : []),
    ...(route.etag && route.method !== 'get'
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'La version lue (en-tête ETag de la lecture) : 412 si la fiche a changé depuis.',
            schema: { type: 'string' },
          },
        ]
      : []),
  ];
  const errors = [...new Set([...(route.bearer ? [401] : []), ...route.errors, 500])].sort((a, b) => a - b);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.bearer ? [{ bearerAuth: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      200: {
        description: 'Succès',
        ...(route.etag
          ? {
              headers: {
                ETag: { description: 'La version de la fiche renvoyée.', schema: { type: 'string' } },
              },
            }
          : {}),
        content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
      },
      ...Object.fromEntries(errors.map((status) => [status, errorResponse(status)])),
    },
  };
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function errorResponse(status: number): Json {
  const codes = ERROR_CODES.filter((code) => statusOf(code) === status);
  return {
    description: `${ERROR_TEXT[status] ?? 'Erreur'}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(documentationOf(schema), {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
}
