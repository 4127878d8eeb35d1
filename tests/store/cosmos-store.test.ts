/**
 * The Cosmos DB adapter against `@vercel/cosmosdb-server`, started in this process over HTTPS with a
 * certificate made for the run: the shared store contract, then what is specific to Cosmos.
 */
import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  StoreUnavailableError,
  ValidationError,
} from '../../bot/src/domain/errors';
import { compositeKey } from '../../bot/src/store/cosmos/cosmos-indexing';
import { openCosmosStore } from '../../bot/src/store/cosmos/cosmos-store';
import type { Doc, Store } from '../../bot/src/store/port';
import { CONTRACT_SORT_SHAPES, emulatorOptions, openEmulatorStore } from './cosmos-fixtures';
import { EMULATOR_KEY, startCosmosTestServer, type CosmosTestServer } from './cosmos-test-server';
import { describeStoreContract } from './store-contract';

let server: CosmosTestServer;
/** One database for the contract suite: its tests isolate themselves by partition and run tag. */
const contractDatabase = `guichet-contract-${process.pid}`;

beforeAll(async () => {
  server = await startCosmosTestServer();
});
afterAll(async () => {
  await server.close();
});

describeStoreContract(
  'cosmos (local emulator over https)',
  () => openEmulatorStore(server, { database: contractDatabase }),
  (s) => s.close(),
  {
    nonAtomicBatch:
      "@vercel/cosmosdb-server applique les opérations d'un lot une à une, sans annuler les premières " +
      "quand une suivante échoue (Cosmos DB, lui, annule tout) ; le type d'erreur est vérifié à part",
  },
);

/**
 * With COSMOS_ENDPOINT set, the contract also runs against that account (a test database: it writes
 * test documents there), signed in with COSMOS_KEY or else the developer's Entra ID, batches atomic.
 */
const account = process.env.COSMOS_ENDPOINT;
if (account) {
  const key = process.env.COSMOS_KEY;
  describeStoreContract(`cosmos (account ${account})`, () =>
    openCosmosStore({
      endpoint: account,
      database: process.env.COSMOS_DATABASE ?? 'guichet-contract-tests',
      auth: key ? { key } : { credential: new DefaultAzureCredential() },
      extraSortShapes: { business: CONTRACT_SORT_SHAPES },
    }),
  );
}

describe('cosmos store', () => {
  const opened: Store[] = [];
  const open = async (overrides = {}): Promise<Store> => {
    const store = await openEmulatorStore(server, overrides);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  /** A raw SDK client on the same emulator, to look at what the adapter wrote. */
  const rawClient = () =>
    new CosmosClient({ endpoint: server.endpoint, key: EMULATOR_KEY, agent: server.agent });

  it('creates the database and every container, partitioned by /pk, with its composite indexes', async () => {
    const database = `guichet-test-provision-${process.pid}`;
    await open({ database });
    const client = rawClient();
    try {
      const { resources } = await client.database(database).containers.readAll().fetchAll();
      expect(resources.map((c) => c.id).sort()).toEqual(
        ['beneficiaries', 'business', 'catalogue', 'conversations', 'counters', 'staff', 'views'].sort(),
      );
      for (const c of resources) expect(c.partitionKey?.paths).toEqual(['/pk']);
      const business = resources.find((c) => c.id === 'business')!;
      const keys = (business.indexingPolicy?.compositeIndexes ?? []).map(compositeKey);
      expect(keys).toContain('/type ascending, /status ascending, /nextAttemptAt ascending, /id ascending');
      const views = resources.find((c) => c.id === 'views')!;
      const viewKeys = (views.indexingPolicy?.compositeIndexes ?? []).map(compositeKey);
      expect(viewKeys).toContain('/nextAlertAt ascending, /id ascending');
      expect(viewKeys).toContain('/dueAt ascending, /id ascending');
    } finally {
      client.dispose();
    }
  });

  it('adds a composite index missing from an existing container, keeping the others', async () => {
    const options = emulatorOptions(server, { extraSortShapes: {} });
    await open(options);
    await open({
      ...options,
      extraSortShapes: {
        staff: [
          [
            ['email', 'desc'],
            ['id', 'asc'],
          ],
        ],
      },
    });
    const client = rawClient();
    try {
      const { resource } = await client.database(options.database).container('staff').read();
      const keys = (resource?.indexingPolicy?.compositeIndexes ?? []).map(compositeKey);
      expect(keys).toEqual(['/displayName ascending, /id ascending', '/email descending, /id ascending']);
    } finally {
      client.dispose();
    }
  });

  it('refuses a container partitioned by another key, in French', async () => {
    const options = emulatorOptions(server);
    const client = rawClient();
    try {
      const { database } = await client.databases.createIfNotExists({ id: options.database });
      await database.containers.createIfNotExists({ id: 'staff', partitionKey: { paths: ['/tenantId'] } });
    } finally {
      client.dispose();
    }
    const opening = openEmulatorStore(server, options);
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(openEmulatorStore(server, options)).rejects.toThrow(/« staff » est partitionné par/);
  });

  it('returns _ts as ISO-8601 UTC and no Cosmos system field', async () => {
    const tickets = (await open()).container('business');
    const created = await tickets.create({ id: 't1', pk: 'b1', s: 'ouvert' });
    expect(Object.keys(created).sort()).toEqual(['_etag', '_ts', 'id', 'pk', 's']);
    expect(Math.abs(Date.parse(created._ts) - Date.now())).toBeLessThan(5000);
    const page = await tickets.query({ pk: 'b1' });
    expect(page.items).toEqual([created]);
  });

  it('filters on _ts with an ISO instant, at the second', async () => {
    const tickets = (await open()).container('business');
    const first = await tickets.create({ id: 't1', pk: 'b1' });
    const earlier = new Date(Date.parse(first._ts) - 1000).toISOString();
    const later = await tickets.query({ pk: 'b1', filters: [{ field: '_ts', op: 'gt', value: earlier }] });
    expect(later.items.map((d) => d.id)).toEqual(['t1']);
    const none = await tickets.query({ pk: 'b1', filters: [{ field: '_ts', op: 'gt', value: first._ts }] });
    expect(none.items).toEqual([]);
  });

  it('keeps SQL in values inert and refuses it in field paths', async () => {
    const tickets = (await open()).container('business');
    await tickets.create({ id: 't1', pk: 'b1', s: 'ouvert' });
    await tickets.create({ id: 't2', pk: 'b2', s: 'ouvert' });
    const value = `ouvert" OR 1=1 OR c.s = "`;
    for (const op of ['eq', 'in', 'arrayContains'] as const) {
      const page = await tickets.query({
        pk: 'b1',
        filters: [{ field: 's', op, value: op === 'in' ? [value] : value }],
      });
      expect(page.items).toEqual([]);
    }
    // `ne` matches t1 ('ouvert' differs from the value) and still nothing of partition b2.
    const ne = await tickets.query({ pk: 'b1', filters: [{ field: 's', op: 'ne', value }] });
    expect(ne.items.map((d) => [d.pk, d.id])).toEqual([['b1', 't1']]);
    const fields = ['s"] OR 1=1 --', 's) OR (1=1', 's["pk"]', 's OR true', 'pk\nOR', 's//'];
    for (const field of fields) {
      await expect(
        tickets.query({ pk: 'b1', filters: [{ field, op: 'eq', value: 'x' }] }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(tickets.query({ pk: 'b1', orderBy: [{ field }] })).rejects.toBeInstanceOf(ValidationError);
    }
    expect((await tickets.query({ pk: 'b1' })).items.map((d) => d.id)).toEqual(['t1']);
  });

  it('maps a failed batch to the error of its failing operation', async () => {
    const tickets = (await open()).container<Doc & { n?: number }>('business');
    const v1 = await tickets.create({ id: 't1', pk: 'b1', n: 1 });
    await tickets.replace({ ...v1, n: 2 });
    await expect(tickets.batch('b1', [{ op: 'create', doc: { id: 't1', pk: 'b1' } }])).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      tickets.batch('b1', [{ op: 'replace', doc: { ...v1, n: 3 }, ifMatch: v1._etag }]),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(tickets.batch('b1', [{ op: 'delete', id: 't1', ifMatch: v1._etag }])).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    await expect(tickets.batch('b1', [{ op: 'delete', id: 'absent' }])).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      tickets.batch('b1', [{ op: 'replace', doc: { id: 'absent', pk: 'b1' } }]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await tickets.read('b1', 't1'))?.n).toBe(2);
  });

  it('refuses more than 100 operations in a batch before sending anything', async () => {
    const tickets = (await open()).container('business');
    const ops = Array.from({ length: 101 }, (_, i) => ({
      op: 'create' as const,
      doc: { id: `t${i}`, pk: 'b1' },
    }));
    await expect(tickets.batch('b1', ops)).rejects.toBeInstanceOf(ValidationError);
    expect((await tickets.query({ pk: 'b1' })).items).toEqual([]);
  });

  it('checks ids and partition keys like the SQLite adapter', async () => {
    const tickets = (await open()).container('business');
    for (const id of ['', 'a/b', 'a\\b', 'a?b', 'a#b', 'x'.repeat(256)]) {
      await expect(tickets.create({ id, pk: 'b1' })).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(tickets.create({ id: 'ok', pk: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(tickets.read('', 'ok')).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports a closed store as unavailable', async () => {
    const store = await open();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.container('business').read('b1', 't1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.container('business').query({ pk: 'b1' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('refuses to trust the server without its certificate (TLS stays checked)', async () => {
    const opening = openEmulatorStore(server, {
      agent: undefined,
      retry: { maxAttempts: 0, maxWaitSeconds: 1 },
    });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      openEmulatorStore(server, { agent: undefined, retry: { maxAttempts: 0, maxWaitSeconds: 1 } }),
    ).rejects.toThrow(/Impossible d'ouvrir la base Cosmos DB .* \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('turns an account that stops answering into StoreUnavailableError', async () => {
    const other = await startCosmosTestServer();
    const store = await openEmulatorStore(other, { retry: { maxAttempts: 0, maxWaitSeconds: 1 } });
    opened.push(store);
    await store.ping();
    await other.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.container('business').read('b1', 't1')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
