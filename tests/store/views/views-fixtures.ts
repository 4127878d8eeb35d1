/**
 * What the views tests share: the store they run on (SQLite, or the Cosmos DB adapter on the
 * in-process emulator in the `cosmos` jest project), a ticket as the ticket service stores it, the
 * rows of a view, and a store whose view refreshes fail.
 */
import type { Ticket } from '../../../bot/src/domain/tickets/ticket';
import type { Container, ContainerName, Doc, Store, Stored } from '../../../bot/src/store/port';
import { openSqliteStore } from '../../../bot/src/store/sqlite/sqlite-store';
import { adapterOf, withViews } from '../../../bot/src/store/views/projecting-store';
import { OPEN_TICKETS_VIEW } from '../../../bot/src/store/views/view-projections';
import { viewRowId, type ViewRow } from '../../../bot/src/store/views/view-row';
import { aBeneficiary, aTicket, anAgent } from '../../domain/tickets/factories';
import { openServiceCosmosStore, testStoreIsCosmos } from '../cosmos-service-store';

/** A store for one test: `close` closes it (and lets the emulator stop with its last user). */
export interface TestStore {
  store: Store;
  close(): Promise<void>;
}

/**
 * An empty store with views: in-memory SQLite, or a fresh database of the Cosmos emulator when the
 * run asks for Cosmos (`GUICHET_TEST_STORE=cosmos`), so that the views behave the same on both.
 */
export async function openTestStore(): Promise<TestStore> {
  if (!testStoreIsCosmos()) {
    const store = openSqliteStore({ memory: true });
    return { store, close: () => store.close() };
  }
  const opened = await openServiceCosmosStore();
  return {
    store: opened.store,
    close: async () => {
      await opened.store.close();
      await opened.release();
    },
  };
}

export const SIRET_A = '21690012300029';
export const SIRET_B = '21970209000014';

/** A ticket document of beneficiary `siret` (default A), with the fields of `overrides`. */
export function aTicketDoc(
  id: string,
  overrides: Partial<Ticket> = {},
  siret = SIRET_A,
): Doc & Ticket & { type: 'ticket' } {
  const ticket = aTicket({
    id,
    beneficiary: aBeneficiary({ siret }),
    declaredBy: anAgent({ beneficiaryIds: [siret] }),
    now: '2026-03-02T09:00:00Z',
  });
  return { ...ticket, ...overrides, pk: siret, type: 'ticket' };
}

/** The open-ticket row of a ticket, as stored, or undefined. */
export function openTicketRow(store: Store, pk: string, id: string): Promise<Stored<ViewRow> | undefined> {
  return store.container<ViewRow>('views').read(OPEN_TICKETS_VIEW, viewRowId(pk, id));
}

/** Every document of a business partition of one type. */
export async function ofType(store: Store, pk: string, type: string): Promise<Stored<Doc>[]> {
  const page = await store.container('business').query({
    pk,
    filters: [{ field: 'type', op: 'eq', value: type }],
    limit: 1000,
  });
  return page.items;
}

/**
 * `store`'s adapter with views kept again, but whose first `failures` creations of a `views` row
 * throw: a refresh that fails after its commit (the agenda, which never creates, is spared).
 */
export function withFailingViews(store: Store, failures: number): Store {
  const adapter = adapterOf(store);
  const views = adapter.container<ViewRow>('views');
  let left = failures;
  const flaky = Object.assign(Object.create(views) as Container<ViewRow>, {
    create: async (row: ViewRow) => {
      if (left-- > 0) throw new Error('réseau coupé');
      return views.create(row);
    },
  });
  return withViews(
    new Proxy(adapter, {
      get: (target, p) =>
        p === 'container'
          ? (name: ContainerName) => (name === 'views' ? flaky : target.container(name))
          : (Reflect.get(target, p, target) as unknown),
    }),
  );
}
