/**
 * The store settings derived from the service configuration.
 */
import type { Config } from '../config/config';
import type { StoreConfig } from './open-store';

/** Which store the configuration asks for; `loadConfig` has already checked the Cosmos settings. */
export function storeConfigOf(config: Config): StoreConfig {
  if (config.store === 'sqlite') return { kind: 'sqlite', dataDir: config.dataDir };
  const { endpoint, database, key, managedIdentityClientId } = config.cosmos;
  return {
    kind: 'cosmos',
    endpoint: endpoint ?? '',
    database,
    // An account key (emulators only) or an Entra ID sign-in: the managed identity in production,
    // the developer's own sign-in (Azure CLI…) elsewhere.
    auth: key
      ? { kind: 'key', key }
      : {
          kind: config.env === 'production' ? 'managed-identity' : 'default',
          clientId: managedIdentityClientId,
        },
  };
}
