/**
 * The settings of Microsoft Graph for the caller (profile, photo), reached through the on-behalf-of
 * exchange: the API's app registration and how it proves itself (managed identity in Azure, a
 * secret outside production only), Entra's and Graph's addresses.
 */
import { z } from 'zod';
import { guid, optional } from './env-schemas';

export const ENTRA_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/';

/** The environment variables of the exchange (part of the service's schema). */
export const GRAPH_ENV = {
  /** The API's app registration, which exchanges the caller's token for Graph (on-behalf-of). */
  AUTH_CLIENT_ID: optional(guid),
  /** Outside production only: in Azure the app trusts the managed identity (federated credential). */
  AUTH_CLIENT_SECRET: optional(z.string().min(1)),
  /** User-assigned managed identity whose token is the app's client assertion (default: system-assigned). */
  AUTH_MANAGED_IDENTITY_CLIENT_ID: optional(guid),
  AUTH_AUTHORITY_HOST: z
    .url({ error: 'doit être une URL absolue (https://…)' })
    .default(ENTRA_AUTHORITY_HOST),
  GRAPH_BASE_URL: z.url({ error: 'doit être une URL absolue (https://…)' }).default(GRAPH_BASE_URL),
  /** PEM file of the only authority trusted for Entra and Graph: the tests' local fakes; never in production. */
  MICROSOFT_TEST_CA_FILE: optional(z.string().min(1)),
};

type GraphEnv = z.infer<z.ZodObject<typeof GRAPH_ENV>>;

/** Microsoft Graph for the caller through the on-behalf-of exchange. */
export interface GraphConfig {
  /** The API's app registration; absent (or local sign-in): the profile comes from the token. */
  clientId?: string;
  /** Outside production only. */
  clientSecret?: string;
  /** Signs the app's client assertion when there is no secret. */
  managedIdentityClientId?: string;
  authorityHost: string;
  baseUrl: string;
  /** Tests only: the PEM file of the local fakes' certificate authority. */
  testCaFile?: string;
}

/** The Graph settings of the environment. */
export function graphOf(e: GraphEnv): GraphConfig {
  return {
    clientId: e.AUTH_CLIENT_ID,
    clientSecret: e.AUTH_CLIENT_SECRET,
    managedIdentityClientId: e.AUTH_MANAGED_IDENTITY_CLIENT_ID,
    authorityHost: e.AUTH_AUTHORITY_HOST.replace(/\/+$/, ''),
    baseUrl: e.GRAPH_BASE_URL.replace(/\/*$/, '/'),
    testCaFile: e.MICROSOFT_TEST_CA_FILE,
  };
}

/** The on-behalf-of exchange: no secret in production, https only, and the API's own app registration. */
export function graphProblems(
  graph: GraphConfig,
  audience: readonly string[],
  production: boolean,
): string[] {
  const problems: string[] = [];
  // Never echo the secret itself in a message.
  if (production && graph.clientSecret)
    problems.push(
      "AUTH_CLIENT_SECRET : interdit en production, l'application de l'API fait confiance à l'identité managée (informations d'identification fédérées)",
    );
  if (production && graph.testCaFile)
    problems.push('MICROSOFT_TEST_CA_FILE : réservé aux tests, interdit en production');
  if (!graph.authorityHost.startsWith('https://'))
    problems.push('AUTH_AUTHORITY_HOST : https obligatoire (https://login.microsoftonline.com)');
  if (!graph.baseUrl.startsWith('https://'))
    problems.push('GRAPH_BASE_URL : https obligatoire (https://graph.microsoft.com/)');
  // The exchange only accepts tokens issued for the exchanging app.
  const id = graph.clientId?.toLowerCase();
  if (id && audience.length > 0 && !audience.some((a) => a.toLowerCase().split('/').pop() === id))
    problems.push(
      "AUTH_CLIENT_ID : doit être l'application de l'API, celle que nomme AUTH_AUDIENCE (api://<domaine>/<id client>)",
    );
  return problems;
}
