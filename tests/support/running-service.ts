/**
 * Starts the real service in-process on a free port, over a real SQLite store.
 */
import type { Config } from '../../bot/src/config/config';
import { createLogger } from '../../bot/src/http/logger';
import { createService, type Service } from '../../bot/src/http/server';
import { CONTAINERS, type Store } from '../../bot/src/store/port';
import { openSqliteStore } from '../../bot/src/store/sqlite/sqlite-store';
import { seedDemoData } from '../../bot/src/cli/seed';
import { aConfig } from './factories';

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
  /** Use this store instead of a fresh in-memory SQLite store. */
  store?: Store;
  /** Folder of the built tab (default: tab/dist). */
  tabDir?: string;
}

/** Starts the service, by default with demo data on an in-memory SQLite store. */
export async function startService(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningService> {
  const config = { ...aConfig(env), port: 0 };
  const store = options.store ?? openSqliteStore({ memory: true });
  if (options.seed !== false) await seedDemoData(store);
  const service = createService({
    config,
    store,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    version: 'test',
    tabDir: options.tabDir,
  });
  const address = await service.listen();
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    store,
    service,
    config,
    stop: () => service.shutdown(),
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
    let token: string | undefined;
    do {
      const page = await store
        .container(name)
        .query({ crossPartition: true, continuationToken: token, limit: 1000 });
      total += page.items.length;
      token = page.continuationToken;
    } while (token);
  }
  return total;
}
