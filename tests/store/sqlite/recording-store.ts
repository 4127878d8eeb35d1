/**
 * A store that records every query made on the `business` container (tickets, quotes, orders and
 * their events), so that a test can check what the API asked the store for.
 */
import type { Container, Doc, QuerySpec, Store } from '../../../bot/src/store/port';

/** Wraps `store`; each query on the business container is pushed onto `queries` before it runs. */
export function recordingStore(store: Store, queries: QuerySpec[]): Store {
  return {
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    container: <T extends Doc>(name: Parameters<Store['container']>[0]) => {
      const inner = store.container<T>(name);
      if (name !== 'business') return inner;
      return Object.assign(Object.create(inner) as Container<T>, {
        query: (spec: QuerySpec) => {
          queries.push(spec);
          return inner.query(spec);
        },
      });
    },
  };
}
