/**
 * The production store: Azure Cosmos DB (NoSQL API) behind the store port, one Cosmos container per
 * port container, all partitioned by `/pk`.
 *
 * Sign-in is by Entra ID (a managed identity in Azure); an account key is only for emulators and
 * local servers, and the configuration refuses it in production.
 */
import { CosmosClient, type Container as SdkContainer, type Database } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { Agent } from 'node:http';
import { GuichetError, ValidationError } from '../../domain/errors';
import { CONTAINERS, type Container, type ContainerName, type Doc, type Store } from '../port';
import { CosmosContainer, type RequestChargeSink } from './cosmos-container';
import { toDomainError, unavailable } from './cosmos-errors';
import { SORT_SHAPES, type SortShape } from './cosmos-indexing';
import { provision } from './cosmos-provisioning';
import { withViews } from '../views/projecting-store';

/** How Guichet signs in to the account. */
export type CosmosAuth = { key: string } | { credential: TokenCredential };

/** Minimal logger (pino's fits) for the request charge of each operation. */
export interface CosmosStoreLogger {
  debug(fields: object, message: string): void;
}

export interface CosmosStoreOptions {
  /** Account endpoint, e.g. https://guichet.documents.azure.com:443/. */
  endpoint: string;
  /** Database name; created when missing and allowed. */
  database: string;
  auth: CosmosAuth;
  /** HTTP(S) agent, e.g. one that trusts a local server's certificate (tests). */
  agent?: Agent;
  /** Sort shapes added to the declared ones, per container (tests with their own sorts). */
  extraSortShapes?: Partial<Record<ContainerName, readonly SortShape[]>>;
  /** SDK retries on 429 and transient failures before StoreUnavailableError (default 9, 30 s). */
  retry?: { maxAttempts?: number; maxWaitSeconds?: number };
  /** Time to wait for one response from the account (default 10 s). */
  requestTimeoutMs?: number;
  /** Regional endpoint discovery; default on for https, off for a plain-http local server. */
  endpointDiscovery?: boolean;
  /** Debug log of the request units (RU) each operation consumed. */
  logger?: CosmosStoreLogger;
}

/** The Cosmos DB store. */
export interface CosmosStore extends Store {
  readonly kind: 'cosmos';
  readonly endpoint: string;
  readonly database: string;
}

/** /readyz must answer quickly even when the account does not. */
const PING_TIMEOUT_MS = 5000;

function createClient(options: CosmosStoreOptions): CosmosClient {
  const auth =
    'key' in options.auth ? { key: options.auth.key } : { aadCredentials: options.auth.credential };
  return new CosmosClient({
    endpoint: options.endpoint,
    ...auth,
    agent: options.agent,
    userAgentSuffix: 'guichet',
    connectionPolicy: {
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      // A local server advertises https:// regional endpoints even when it listens on http://.
      enableEndpointDiscovery: options.endpointDiscovery ?? options.endpoint.startsWith('https:'),
      retryOptions: {
        maxRetryAttemptCount: options.retry?.maxAttempts ?? 9,
        maxWaitTimeInSeconds: options.retry?.maxWaitSeconds ?? 30,
      },
    },
  });
}

function shapesOf(extra: CosmosStoreOptions['extraSortShapes']): Record<ContainerName, readonly SortShape[]> {
  const shapes = { ...SORT_SHAPES };
  for (const name of CONTAINERS) shapes[name] = [...SORT_SHAPES[name], ...(extra?.[name] ?? [])];
  return shapes;
}

/** Connects, creates what is missing (when allowed) and returns the store; StoreUnavailableError otherwise. */
export async function openCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const client = createClient(options);
  const shapes = shapesOf(options.extraSortShapes);
  const database = client.database(options.database);
  try {
    const containers = await provision(database, shapes);
    return withViews(new CosmosStoreImpl(client, database, containers, shapes, options));
  } catch (err) {
    client.dispose();
    if (err instanceof GuichetError) throw err;
    // Name the account and the reason (never the key): the operator must see what did not answer.
    throw unavailable(
      err,
      `Impossible d'ouvrir la base Cosmos DB « ${options.database} » sur ${options.endpoint} (${reasonOf(err)}).`,
    );
  }
}

/** A short, secret-free reason: the HTTP status or the network error code. */
function reasonOf(err: unknown): string {
  const { code, name } = (err ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'number') return `HTTP ${code}`;
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : 'erreur inconnue';
}

class CosmosStoreImpl implements CosmosStore {
  readonly kind = 'cosmos' as const;
  readonly endpoint: string;
  readonly database: string;
  private closed = false;
  private readonly ports = new Map<ContainerName, CosmosContainer>();

  constructor(
    private readonly client: CosmosClient,
    private readonly db: Database,
    containers: Map<ContainerName, SdkContainer>,
    shapes: Record<ContainerName, readonly SortShape[]>,
    options: CosmosStoreOptions,
  ) {
    this.endpoint = options.endpoint;
    this.database = options.database;
    const logger = options.logger;
    const onCharge: RequestChargeSink | undefined = logger
      ? (entry) => logger.debug({ store: 'cosmos', ...entry }, 'cosmos request charge')
      : undefined;
    for (const [name, sdk] of containers) {
      const isClosed = () => this.closed;
      this.ports.set(name, new CosmosContainer({ name, sdk, shapes: shapes[name], isClosed, onCharge }));
    }
  }

  container<T extends Doc = Doc>(name: ContainerName): Container<T> {
    const container = this.ports.get(name);
    if (container === undefined) throw new ValidationError(`Conteneur inconnu : ${JSON.stringify(name)}.`);
    // One instance per family whatever T the caller sees: documents are JSON, T is a view on them.
    return container as unknown as Container<T>;
  }

  async ping(): Promise<void> {
    if (this.closed) throw unavailable(new Error('Cosmos DB store closed'));
    try {
      await this.db.read({ abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) });
    } catch (err) {
      const mapped = toDomainError(err);
      throw mapped === err ? unavailable(err) : mapped;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.dispose();
  }
}
