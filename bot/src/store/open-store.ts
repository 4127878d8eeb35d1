/**
 * Chooses the store adapter from the configuration. The rest of the service only sees the port.
 */
import { join } from 'node:path';
import { StoreUnavailableError } from '../domain/errors';
import type { Store } from './port';
import { openSqliteStore } from './sqlite/sqlite-store';

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'guichet.sqlite';

/**
 * Which store to open. Add a member per adapter: the switch in `openStore` then fails to compile
 * until the new kind is handled.
 */
export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string }
  // Seam for the production adapter (later issue): account endpoint and database name, the
  // credential coming from the managed identity. Not implemented yet.
  | { kind: 'cosmos'; endpoint: string; database: string };

/** Opens the configured store; SQLite lives in `<dataDir>/guichet.sqlite`. */
export async function openStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite':
      return openSqliteStore({ file: join(config.dataDir, SQLITE_FILE_NAME) });
    case 'cosmos':
      throw new StoreUnavailableError(
        "Le stockage Azure Cosmos DB n'est pas encore disponible dans cette version : utilisez STORE=sqlite.",
      );
    default: {
      // Only the kind is echoed: other fields may one day hold secrets.
      const unknown: never = config;
      throw new StoreUnavailableError(
        `Type de stockage inconnu : ${String((unknown as { kind?: unknown }).kind)}.`,
      );
    }
  }
}
