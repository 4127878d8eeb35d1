/**
 * Cosmos DB stores for the service-level tests (`GUICHET_TEST_STORE=cosmos`, see
 * tests/support/running-service.ts): one in-process HTTPS emulator per test file, shared by the
 * services running at the same time and stopped with the last of them, and a fresh database for
 * each service, with exactly the indexes the service declares (no test sort shapes: a query the
 * indexing policy lacks must fail here as it would in production).
 */
import { randomUUID } from 'node:crypto';
import { openCosmosStore, type CosmosStore } from '../../bot/src/store/cosmos/cosmos-store';
import { EMULATOR_KEY, startCosmosTestServer, type CosmosTestServer } from './cosmos-test-server';

/** The environment variable that puts the service-level tests on Cosmos DB. */
export const TEST_STORE_VARIABLE = 'GUICHET_TEST_STORE';

/** True when this test run asks for the Cosmos store. */
export function testStoreIsCosmos(): boolean {
  return process.env[TEST_STORE_VARIABLE] === 'cosmos';
}

let server: Promise<CosmosTestServer> | undefined;
let users = 0;

/** A store opened for one service, with the settings the service's configuration should show. */
export interface ServiceCosmosStore {
  store: CosmosStore;
  /** STORE, COSMOS_ENDPOINT, COSMOS_KEY, COSMOS_DATABASE of this store. */
  env: Record<string, string>;
  /** Call once the store is closed: stops the emulator when no other service uses it. */
  release(): Promise<void>;
}

async function acquireServer(): Promise<CosmosTestServer> {
  users += 1;
  server ??= startCosmosTestServer();
  try {
    return await server;
  } catch (err) {
    await releaseServer();
    throw err;
  }
}

async function releaseServer(): Promise<void> {
  users -= 1;
  if (users > 0 || server === undefined) return;
  const stopping = server;
  server = undefined;
  await (await stopping.catch(() => undefined))?.close();
}

/** Opens a Cosmos store on a fresh database of the shared emulator (started on first use). */
export async function openServiceCosmosStore(): Promise<ServiceCosmosStore> {
  const emulator = await acquireServer();
  const database = `guichet-service-${randomUUID()}`;
  let store: CosmosStore;
  try {
    store = await openCosmosStore({
      endpoint: emulator.endpoint,
      database,
      auth: { key: EMULATOR_KEY },
      // Trusts the emulator's certificate for this client only; TLS stays checked everywhere else.
      agent: emulator.agent,
      // Fail fast: a broken emulator must not stall the suite in SDK retries.
      retry: { maxAttempts: 2, maxWaitSeconds: 5 },
    });
  } catch (err) {
    await releaseServer();
    throw err;
  }
  let released = false;
  return {
    store,
    env: {
      STORE: 'cosmos',
      COSMOS_ENDPOINT: emulator.endpoint,
      COSMOS_KEY: EMULATOR_KEY,
      COSMOS_DATABASE: database,
    },
    release: async () => {
      if (released) return;
      released = true;
      await releaseServer();
    },
  };
}
