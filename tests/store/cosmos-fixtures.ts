/**
 * Shared set-up of the Cosmos DB adapter tests: the sorts the contract suite asks for, and a store
 * opened on the in-process emulator.
 */
import { randomUUID } from 'node:crypto';
import type { SortShape } from '../../bot/src/store/cosmos/cosmos-indexing';
import {
  openCosmosStore,
  type CosmosStore,
  type CosmosStoreOptions,
} from '../../bot/src/store/cosmos/cosmos-store';
import { EMULATOR_KEY, type CosmosTestServer } from './cosmos-test-server';

/**
 * The contract suite sorts its test documents by `n` and `s` in every direction and combination:
 * on Cosmos DB each such sort needs its composite index, declared here for the `business` container.
 */
export const CONTRACT_SORT_SHAPES: SortShape[] = (() => {
  const shapes: SortShape[] = [];
  const directions = ['asc', 'desc'] as const;
  for (const a of ['n', 's']) {
    for (const da of directions) {
      shapes.push([
        [a, da],
        ['id', 'asc'],
      ]);
      const b = a === 'n' ? 's' : 'n';
      for (const db of directions)
        shapes.push([
          [a, da],
          [b, db],
          ['id', 'asc'],
        ]);
    }
  }
  return shapes;
})();

/** Options for a store on `server`; a fresh database name unless one is given. */
export function emulatorOptions(
  server: CosmosTestServer,
  overrides: Partial<CosmosStoreOptions> = {},
): CosmosStoreOptions {
  return {
    endpoint: server.endpoint,
    database: `guichet-test-${randomUUID()}`,
    auth: { key: EMULATOR_KEY },
    agent: server.agent,
    extraSortShapes: { business: CONTRACT_SORT_SHAPES },
    // Fail fast in tests: a broken emulator must not stall the suite in SDK retries.
    retry: { maxAttempts: 2, maxWaitSeconds: 5 },
    ...overrides,
  };
}

/** Opens a store on the emulator. */
export function openEmulatorStore(
  server: CosmosTestServer,
  overrides: Partial<CosmosStoreOptions> = {},
): Promise<CosmosStore> {
  return openCosmosStore(emulatorOptions(server, overrides));
}
