/**
 * Starts the real service in-process on a free port, over a real SQLite store — or, with
 * GUICHET_TEST_STORE=cosmos (the jest project `cosmos`), over the real Cosmos DB adapter on a fresh
 * database of the in-process emulator (tests/store/cosmos-service-store.ts).
 */
import type { Config } from '../../bot/src/config/config';
import { createLogger } from '../../bot/src/http/logger';
import { createService, type Service } from '../../bot/src/http/server';
import { CONTAINERS, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { seedDemoData } from '../../bot/src/cli/seed';
import { openServiceCosmosStore, testStoreIsCosmos } from '../store/cosmos-service-store';
import { aConfig } from './factories';
import { allOf } from '../../bot/src/store/query-pages';

export interface RunningService {
  url: string;
  store: Store;
  service: Service;
  config: Config;
  stop(): Promise<void>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface StartOptions {
  /** Load the demo data first (default true). */
  seed?: boolean;
  /** Use this store instead of a fresh one (in-memory SQLite, or Cosmos DB with GUICHET_TEST_STORE=cosmos). */
  store?: Store;
  /** Folder of the built tab (default: tab/dist). */
  tabDir?: string;
}

interface TestStore {
  store: Store;
  /** Settings the configuration must show for this store (the Cosmos account and database). */
  env: Record<string, string>;
  /** After the service closed the store. */
  release(): Promise<void>;
}

/** A fresh store for one service: in-memory SQLite, or Cosmos DB when the run asks for it. */
async function openTestStore(): Promise<TestStore> {
  if (!testStoreIsCosmos()) {
    return { store: openSqliteStore({ memory: true }), env: {}, release: async () => {} };
  }
  return openServiceCosmosStore();
}

/** Starts the service, by default with demo data on a fresh in-memory SQLite store. */
export async function startService(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningService> {
  const own = options.store ? undefined : await openTestStore();
  const store = options.store ?? own!.store;
  let service: Service;
  let config: Config;
  try {
    config = { ...aConfig({ ...own?.env, ...env }), port: 0 };
    if (options.seed !== false) await seedDemoData(store);
    service = createService({
      config,
      store,
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      version: 'test',
      tabDir: options.tabDir,
    });
  } catch (err) {
    if (own) await own.store.close().finally(() => own.release());
    throw err;
  }
  const address = await service.listen();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    store,
    service,
    config,
    stop: async () => {
      try {
        await service.shutdown(); // closes the store
      } finally {
        await own?.release();
      }
    },
    post: (path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
  };
}

/** Counts every document of every container, to prove that nothing was written. */
export async function countAllDocuments(store: Store): Promise<number> {
  let total = 0;
  for (const name of CONTAINERS) {
    total += (await allOf(store.container(name), { crossPartition: true, limit: 1000 })).length;
  }
  return total;
}
