/**
 * A store that records the queries made on any of its containers (and, when asked, the point
 * reads), so that a test can check where a reader looked: one view's partition, one beneficiary's,
 * or across partitions, and which documents it then read one by one.
 */
import type { ContainerName, QuerySpec, Store } from '../../bot/src/store/port';

/** A query as recorded: its spec and the container it went to. */
export type RecordedQuery = QuerySpec & { container: ContainerName };

/** A point read as recorded: the container, partition and id it asked for. */
export interface RecordedRead {
  readonly container: ContainerName;
  readonly pk: string;
  readonly id: string;
}

/** Wraps `store`; each query is pushed onto `queries`, and each point read onto `reads` if given, before it runs. */
export function recordingStore(store: Store, queries: RecordedQuery[], reads?: RecordedRead[]): Store {
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
          ...(reads && {
            read: (pk: string, id: string) => {
              reads.push({ container: name, pk, id });
              return inner.read(pk, id);
            },
          }),
        });
      };
    },
  });
}
