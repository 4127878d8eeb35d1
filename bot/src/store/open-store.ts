/**
 * Chooses the store adapter from the configuration. The rest of the service only sees the port.
 */
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { join } from 'node:path';
import { StoreUnavailableError } from '../domain/errors';
import { openCosmosStore, type CosmosAuth, type CosmosStoreLogger } from './cosmos/cosmos-store';
import type { Store } from './port';
import { openSqliteStore } from './sqlite/sqlite-store';
import { ensureViewsBuilt } from './views/views-backfill';

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'guichet.sqlite';

/**
 * Which store to open. Add a member per adapter: the switch in `openStore` then fails to compile
 * until the new kind is handled.
 */
export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string }
  // Account endpoint and database name; signed in with an Entra ID credential, or an account key
  // for local emulators only (the default: DefaultAzureCredential).
  | { kind: 'cosmos'; endpoint: string; database: string; auth?: CosmosAuthConfig };

/** How to sign in to Cosmos DB: a key (emulators), the managed identity, or the default Entra chain. */
export type CosmosAuthConfig =
  { kind: 'key'; key: string } | { kind: 'managed-identity' | 'default'; clientId?: string };

/** What the adapters may use besides their settings. */
export interface StoreDependencies {
  /**
   * Receives the request charge (RU) of each Cosmos DB operation at debug level, and what building
   * missing views did at info level.
   */
  logger?: CosmosStoreLogger & { info?(fields: object, message: string): void };
}

/** The credential for `auth`; the key never leaves this function but to the SDK. */
function cosmosAuth(auth: CosmosAuthConfig | undefined): CosmosAuth {
  if (auth?.kind === 'key') return { key: auth.key };
  const clientId = auth?.clientId;
  if (auth?.kind === 'managed-identity') {
    return { credential: new ManagedIdentityCredential(clientId ? { clientId } : {}) };
  }
  return { credential: new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {}) };
}

/**
 * Opens the configured store (SQLite lives in `<dataDir>/guichet.sqlite`) and builds the views it
 * lacks, so that nothing reads a view before it holds what the store already had.
 */
export async function openStore(config: StoreConfig, deps: StoreDependencies = {}): Promise<Store> {
  const store = await openAdapter(config, deps);
  try {
    const backfill = await ensureViewsBuilt(store);
    if (backfill.built.length > 0 || backfill.partitions > 0) deps.logger?.info?.(backfill, 'views built');
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function openAdapter(config: StoreConfig, deps: StoreDependencies): Promise<Store> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteStore({ file: join(config.dataDir, SQLITE_FILE_NAME) });
    case 'cosmos':
      return openCosmosStore({
        endpoint: config.endpoint,
        database: config.database,
        auth: cosmosAuth(config.auth),
        logger: deps.logger,
      });
    default: {
      // Only the kind is echoed: other fields may one day hold secrets.
      const unknown: never = config;
      throw new StoreUnavailableError(
        `Type de stockage inconnu : ${String((unknown as { kind?: unknown }).kind)}.`,
      );
    }
  }
}
