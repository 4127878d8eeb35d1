/**
 * `GET /api/v1/me/profile` and `GET /api/v1/me/photo`: the caller's Microsoft 365 profile (name, job
 * title, department, e-mail) and photo, for the tab's user menu. With the API's Entra registration
 * configured they come from Microsoft Graph through the on-behalf-of exchange; otherwise (local
 * sign-in, tests) the profile is what the token itself says, and there is no photo.
 */
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Config } from '../config/config';
import { NotFoundError } from '../domain/errors';
import {
  graphProfileReader,
  ProfileUnavailableError,
  type GraphUser,
  type ProfileReader,
} from '../graph/graph-profile';
import { onBehalfOfCredentials } from '../graph/on-behalf-of';
import { loggerOf } from '../http/request-context';
import { bearerRoute, documentedAs, type ApiRoute } from './api-route';
import type { ApiCaller } from './api-caller';
import { readFileSync } from 'node:fs';

/** Response of `GET /api/v1/me/profile`. */
export const meProfileResponse = z.object({
  source: z
    .enum(['graph', 'token'])
    .describe(
      'graph : lu dans Microsoft Graph (photo à /api/v1/me/photo) ; token : les seules revendications du jeton',
    ),
  displayName: z.string(),
  username: z.string().optional().describe('Nom de connexion (UPN)'),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  mail: z.string().optional(),
});

/** A profile photo to send as it is. */
export class ImageResponse {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}
}

const imageResponse = documentedAs(
  z.instanceof(ImageResponse),
  z.string().meta({ contentMediaType: 'image/jpeg' }).describe('La photo 48×48 (image/jpeg ou image/png)'),
);

/** Sends `result` when it is an image and returns true; false for any other answer. */
export function sendImageResponse(res: Response, result: unknown): boolean {
  if (!(result instanceof ImageResponse)) return false;
  res.sendRaw(200, result.body, {
    'content-type': result.contentType,
    'content-length': String(result.body.length),
    // The browser may keep it a while, per signed-in user; no shared cache may.
    'cache-control': 'private, max-age=3600',
    vary: 'Authorization',
    'x-content-type-options': 'nosniff',
  });
  return true;
}

/** The profile routes; Graph is used only when the API's app registration is configured. */
export function meProfileRoutes(config: Config): ApiRoute[] {
  const reader = profileReaderOf(config);
  return [
    bearerRoute(
      {
        method: 'get',
        path: '/api/v1/me/profile',
        operationId: 'getMyProfile',
        summary: "Profil Microsoft 365 de l'appelant : nom, fonction, service, e-mail",
        tag: 'Identité',
        response: meProfileResponse,
        errors: [502],
      },
      async (caller, { req }) => {
        if (!reader) return { source: 'token' as const, displayName: caller.name, username: caller.username };
        const p = await logged(req, () => reader.profile(graphUser(caller, req)));
        return {
          source: 'graph' as const,
          displayName: p.displayName ?? caller.name,
          username: p.userPrincipalName ?? caller.username,
          jobTitle: p.jobTitle,
          department: p.department,
          mail: p.mail,
        };
      },
    ),
    bearerRoute(
      {
        method: 'get',
        path: '/api/v1/me/photo',
        operationId: 'getMyPhoto',
        summary: "Photo de profil Microsoft 365 de l'appelant (404 s'il n'en a pas)",
        tag: 'Identité',
        response: imageResponse,
        errors: [404, 502],
      },
      async (caller, { req }) => {
        const photo = reader ? await logged(req, () => reader.photo(graphUser(caller, req))) : undefined;
        if (!photo) throw new NotFoundError('La photo de profil');
        return new ImageResponse(photo.body, photo.contentType);
      },
    ),
  ];
}

function profileReaderOf(config: Config): ProfileReader | undefined {
  const { graph } = config;
  // Local sign-in tokens are not Entra's: there is nothing to exchange.
  if (!graph.clientId || config.localSignIn) return undefined;
  const ca = graph.testCaFile ? readFileSync(graph.testCaFile, 'utf8') : undefined;
  return graphProfileReader({
    credentials: onBehalfOfCredentials({ ...graph, clientId: graph.clientId, ca }),
    baseUrl: graph.baseUrl,
    ca,
  });
}

// The token was verified by the route's authentication; it is the on-behalf-of assertion.
const BEARER = /^Bearer[ \t]+(\S+)/i;

function graphUser(caller: ApiCaller, req: Request): GraphUser {
  const token = BEARER.exec(req.header('authorization') ?? '')?.[1] ?? '';
  return { token, tenantId: caller.requester.tenantId };
}

/** Runs a Graph read, logging why it failed (never the token: the reason does not carry it). */
async function logged<T>(req: Request, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ProfileUnavailableError)
      loggerOf(req)?.warn({ reason: err.reason }, 'Microsoft 365 profile unavailable');
    throw err;
  }
}
