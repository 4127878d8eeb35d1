/**
 * Service configuration: every setting comes from an environment variable (optionally from a `.env`
 * file), validated once at start-up. With no variable at all the service runs on embedded defaults:
 * SQLite under `.data/`, anonymous bot, local sign-in, demo data.
 */
import { z } from 'zod';
import type { TitulaireIdentity } from '../documents/titulaire-identity';
import { guid, optional } from './env-schemas';
import { GRAPH_ENV, graphOf, graphProblems, type GraphConfig } from './graph-config';
import { TITULAIRE_ENV, titulaireOf, titulaireProblems } from './titulaire-config';

export { ENTRA_AUTHORITY_HOST, GRAPH_BASE_URL } from './graph-config';

/** Demo tenants used by the seed, the Agents Playground and tests when nothing is configured. */
export const DEMO_TENANTS = {
  titulaire: '7f3e9a10-5b2c-4d8e-9f01-2a3b4c5d6e7f',
  canut: 'c4a7e2d1-8b3f-4a6c-9e5d-1f2a3b4c5d6e',
} as const;

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'oui', 'non'], {
    error: 'doit valoir true ou false',
  })
  .transform((v) => ['true', '1', 'yes', 'oui'].includes(v));

const port = z.coerce
  .number({ error: 'doit être un entier entre 1 et 65535' })
  .int({ error: 'doit être un entier entre 1 et 65535' })
  .min(1, { error: 'doit être un entier entre 1 et 65535' })
  .max(65535, { error: 'doit être un entier entre 1 et 65535' });

/** Entra ID's multi-tenant v2.0 metadata: the API accepts tokens of every tenant, then filters them. */
export const ENTRA_OPENID_CONFIG_URL =
  'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

/** Entra ID's public cloud, where the on-behalf-of exchange happens. */

const AUDIENCE_ERROR =
  "doit être l'URI d'application (api://<domaine>/<id client>) ou l'id client, séparés par des virgules";
const AUDIENCE =
  /^([a-z][a-z0-9+.-]*:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `api://guichet.example.fr/<client id>`, or several accepted audiences separated by commas. */
const audienceList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(AUDIENCE, { error: AUDIENCE_ERROR })).min(1, { error: AUDIENCE_ERROR }));

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'doit valoir development, test ou production',
    })
    .default('development'),
  PORT: port.default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: optional(z.url({ error: 'doit être une URL absolue (https://…)' })),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'doit valoir fatal, error, warn, info, debug, trace ou silent',
    })
    .default('info'),
  DATA_DIR: z.string().min(1).default('.data'),
  STORE: z.enum(['sqlite', 'cosmos'], { error: 'doit valoir sqlite ou cosmos' }).default('sqlite'),
  /** Cosmos DB account endpoint (https://<compte>.documents.azure.com:443/, or a local emulator). */
  COSMOS_ENDPOINT: optional(
    z.url({ error: 'doit être une URL absolue (https://<compte>.documents.azure.com)' }),
  ),
  COSMOS_DATABASE: z
    .string()
    .regex(/^[^/\\?#]{1,255}$/, {
      error: 'doit être un nom de 1 à 255 caractères sans « / », « \\ », « ? » ni « # »',
    })
    .default('guichet'),
  /** Account key: local emulators only; production signs in with its managed identity. */
  COSMOS_KEY: optional(z.string().min(1)),
  /** Client id of a user-assigned managed identity (default: the system-assigned one). */
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: optional(guid),
  BOT_CLIENT_ID: optional(guid),
  BOT_TENANT_ID: optional(guid),
  BOT_CLIENT_SECRET: optional(z.string().min(1)),
  BOT_AUTH_TYPE: optional(
    z.enum(['ClientSecret', 'UserManagedIdentity', 'SystemManagedIdentity', 'FederatedCredentials'], {
      error: 'doit valoir ClientSecret, UserManagedIdentity, SystemManagedIdentity ou FederatedCredentials',
    }),
  ),
  /** Overrides the Entra authority (sovereign clouds, tests with a local key server). */
  BOT_AUTHORITY_ENDPOINT: optional(z.url({ error: 'doit être une URL absolue' })),
  TITULAIRE_TENANT_ID: optional(guid),
  CANUT_TENANT_ID: optional(guid),
  /** Conversation id of the Titulaire's support channel; default: the Titulaire channel heard last. */
  SUPPORT_CHANNEL_ID: optional(z.string().min(1)),
  TEAMS_APP_ID: optional(guid),
  /** The Titulaire's legal identity, printed on quotes and orders (demo company outside production). */
  ...TITULAIRE_ENV,
  LOCAL_SIGNIN: optional(boolean),
  /** Loopback port of the local OpenID provider; 0 picks a free one. */
  LOCAL_SIGNIN_PORT: z.coerce
    .number({ error: 'doit être un entier entre 0 et 65535' })
    .int({ error: 'doit être un entier entre 0 et 65535' })
    .min(0, { error: 'doit être un entier entre 0 et 65535' })
    .max(65535, { error: 'doit être un entier entre 0 et 65535' })
    .default(0),
  AUTH_OPENID_CONFIG_URL: z.url({ error: 'doit être une URL absolue' }).default(ENTRA_OPENID_CONFIG_URL),
  AUTH_AUDIENCE: optional(audienceList),
  ...GRAPH_ENV,
  DEMO_SEED: optional(boolean),
  OUTBOX_TENANT_RATE: z.coerce
    .number({ error: 'doit être un nombre de messages par seconde' })
    .positive({ error: 'doit être un nombre de messages par seconde supérieur à 0' })
    .default(30),
  OUTBOX_INTERVAL_MS: z.coerce
    .number({ error: 'doit être un nombre de millisecondes' })
    .int()
    .min(0, { error: 'doit être un nombre de millisecondes (0 : envoi désactivé)' })
    .default(5000),
  SLA_WATCH_INTERVAL_MS: z.coerce
    .number({ error: 'doit être un nombre de millisecondes' })
    .int()
    .min(0, { error: 'doit être un nombre de millisecondes (0 : surveillance désactivée)' })
    .default(30000),
  QUOTE_WATCH_INTERVAL_MS: z.coerce
    .number({ error: 'doit être un nombre de millisecondes' })
    .int()
    .min(0, { error: 'doit être un nombre de millisecondes (0 : surveillance désactivée)' })
    .default(300000),
  REPORT_EVERY_MONTHS: z.coerce
    .number({ error: 'doit valoir 0, 1, 3 ou 12 (mois)' })
    .refine((n) => [0, 1, 3, 12].includes(n), { error: 'doit valoir 0 (désactivé), 1, 3 ou 12 (mois)' })
    .default(3),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: 'doit être un nombre de millisecondes' })
    .int()
    .min(0)
    .default(10000),
});

/** Every environment variable the service reads (the infrastructure's settings are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  logLevel: string;
  dataDir: string;
  store: 'sqlite' | 'cosmos';
  /** Azure Cosmos DB settings, used when `store` is cosmos. */
  cosmos: {
    endpoint?: string;
    database: string;
    /** Emulators and local servers only; refused in production. */
    key?: string;
    managedIdentityClientId?: string;
  };
  bot: {
    clientId?: string;
    tenantId?: string;
    clientSecret?: string;
    authType?: string;
    authorityEndpoint?: string;
  };
  titulaireTenantId: string;
  canutTenantId: string;
  supportChannelId?: string;
  /** The Teams app's id (manifest `id`), for deep links into the tab; absent: plain web links. */
  teamsAppId?: string;
  /** Who the Titulaire is on printed documents. */
  titulaire: TitulaireIdentity;
  /** The REST API's sign-in: which OpenID provider issues the tokens, and for which audience. */
  auth: {
    openIdConfigUrl: string;
    /** Accepted `aud` values; empty when the API's Entra registration is not configured. */
    audience: string[];
    /** Port of the local OpenID provider when the local sign-in is on (0: any free port). */
    localSignInPort: number;
  };
  /** Microsoft Graph for the caller (profile, photo) through the on-behalf-of exchange. */
  graph: GraphConfig;
  localSignIn: boolean;
  demoSeed: boolean;
  shutdownTimeoutMs: number;
  /** Proactive messages per second per tenant (Teams allows about 30 requests/s). */
  outboxTenantRate: number;
  /** Pause of the outbox sender between sweeps; 0 disables sending (tests, maintenance). */
  outboxIntervalMs: number;
  /** Pause of the SLA watch between sweeps; 0 disables it. */
  slaWatchIntervalMs: number;
  /** Pause of the quote watch (deadline reminders, expiries) between sweeps; 0 disables it. */
  quoteWatchIntervalMs: number;
  /** Months between two reports posted in the CANUT channel (1, 3 or 12); 0 disables them. */
  reportEveryMonths: number;
}

/** Thrown when the environment is invalid; `problems` name each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and checks the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const got = env[name];
        return `${name} : ${issue.message}${got === undefined ? '' : ` (reçu « ${got} »)`}`;
      }),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    store: e.STORE,
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      database: e.COSMOS_DATABASE,
      key: e.COSMOS_KEY,
      managedIdentityClientId: e.COSMOS_MANAGED_IDENTITY_CLIENT_ID,
    },
    bot: {
      clientId: e.BOT_CLIENT_ID,
      tenantId: e.BOT_TENANT_ID,
      clientSecret: e.BOT_CLIENT_SECRET,
      authType: e.BOT_AUTH_TYPE ?? (e.BOT_CLIENT_SECRET ? 'ClientSecret' : 'UserManagedIdentity'),
      authorityEndpoint: e.BOT_AUTHORITY_ENDPOINT,
    },
    titulaireTenantId: e.TITULAIRE_TENANT_ID ?? DEMO_TENANTS.titulaire,
    canutTenantId: e.CANUT_TENANT_ID ?? DEMO_TENANTS.canut,
    supportChannelId: e.SUPPORT_CHANNEL_ID,
    teamsAppId: e.TEAMS_APP_ID,
    titulaire: titulaireOf(e),
    auth: {
      openIdConfigUrl: e.AUTH_OPENID_CONFIG_URL,
      audience: e.AUTH_AUDIENCE ?? [],
      localSignInPort: e.LOCAL_SIGNIN_PORT,
    },
    graph: graphOf(e),
    // Without the API's Entra registration, the tab can only sign in locally.
    localSignIn: e.LOCAL_SIGNIN ?? (!production && !e.AUTH_AUDIENCE),
    demoSeed: e.DEMO_SEED ?? !production,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    outboxTenantRate: e.OUTBOX_TENANT_RATE,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    slaWatchIntervalMs: e.SLA_WATCH_INTERVAL_MS,
    quoteWatchIntervalMs: e.QUOTE_WATCH_INTERVAL_MS,
    reportEveryMonths: e.REPORT_EVERY_MONTHS,
  };
  checkConsistency(config, e);
  return config;
}

function checkConsistency(config: Config, e: z.infer<typeof envSchema>): void {
  const problems: string[] = [];
  if (config.env === 'production') {
    if (!config.bot.clientId) problems.push('BOT_CLIENT_ID : obligatoire en production (identité du bot)');
    if (!config.bot.tenantId) problems.push('BOT_TENANT_ID : obligatoire en production');
    if (config.localSignIn) problems.push('LOCAL_SIGNIN : la connexion locale est interdite en production');
    if (config.auth.audience.length === 0)
      problems.push("AUTH_AUDIENCE : obligatoire en production (api://<domaine>/<id client> de l'API)");
    if (!config.auth.openIdConfigUrl.startsWith('https://'))
      problems.push('AUTH_OPENID_CONFIG_URL : https obligatoire en production');
    if (config.demoSeed)
      problems.push('DEMO_SEED : les données de démonstration sont interdites en production');
    if (!e.TITULAIRE_TENANT_ID) problems.push('TITULAIRE_TENANT_ID : obligatoire en production');
    if (!e.CANUT_TENANT_ID) problems.push('CANUT_TENANT_ID : obligatoire en production');
    if (!e.PUBLIC_URL?.startsWith('https://'))
      problems.push('PUBLIC_URL : obligatoire en production, en https://');
  }
  if (config.bot.authType === 'ClientSecret' && config.bot.clientId && !config.bot.clientSecret) {
    problems.push('BOT_CLIENT_SECRET : obligatoire quand BOT_AUTH_TYPE vaut ClientSecret');
  }
  problems.push(
    ...cosmosProblems(config),
    ...graphProblems(config.graph, config.auth.audience, config.env === 'production'),
    ...titulaireProblems(e, config.env === 'production'),
  );
  if (problems.length > 0) throw new ConfigError(problems);
}

/** Host names of this machine: the only ones a plain-http Cosmos endpoint may name (local emulator). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function cosmosProblems(config: Config): string[] {
  const problems: string[] = [];
  const production = config.env === 'production';
  // Never echo the key itself in a message.
  if (production && config.cosmos.key) {
    problems.push(
      'COSMOS_KEY : interdite en production, Guichet se connecte à Cosmos DB avec son identité managée',
    );
  }
  if (config.store !== 'cosmos') return problems;
  const endpoint = config.cosmos.endpoint;
  if (!endpoint) {
    problems.push(
      'COSMOS_ENDPOINT : obligatoire quand STORE vaut cosmos (https://<compte>.documents.azure.com)',
    );
    return problems;
  }
  const url = new URL(endpoint);
  if (
    url.protocol !== 'https:' &&
    (production || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname))
  ) {
    problems.push(
      'COSMOS_ENDPOINT : https obligatoire (http seulement pour un émulateur local, hors production)',
    );
  }
  return problems;
}
