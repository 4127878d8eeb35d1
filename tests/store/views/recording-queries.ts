/**
 * A store that records every query made on any of its containers, so that a test can check where
 * a reader looked: one view's partition, one beneficiary's, or across partitions.
 */
import type { ContainerName, QuerySpec, Store } from '../../../bot/src/store/port';

/** A query as recorded: its spec and the container it went to. */
export type RecordedQuery = QuerySpec & { container: ContainerName };

/** Wraps `store`; each query is pushed onto `queries` before it runs. */
export function recordingQueries(store: Store, queries: RecordedQuery[]): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property !== 'container') return Reflect.get(target, property, target) as unknown;
      return (name: ContainerName) => {
        const inner = target.container(name);
        return Object.assign(Object.create(inner) as typeof inner, {
          query: (spec: QuerySpec) => {
            queries.push({ ...spec, container: name });
            return inner.query(spec);
          },
        });
      };
    },
  });
}
