/**
 * Puts a generated data set into a store the way the services do (documents and their audit events
 * in each beneficiary's partition of `business`), and a store wrapper that records every query, to
 * prove which ones cross partitions.
 */
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import type { Container, ContainerName, Doc, QuerySpec, Store } from '../../bot/src/store/port';
import type { Dataset } from '../domain/reports/report-dataset';

/** Writes the data set's beneficiaries and documents. */
export async function storeDataset(store: Store, data: Dataset): Promise<void> {
  const beneficiaries = new BeneficiaryRepository(store);
  for (const b of data.beneficiaries) await beneficiaries.save(b);
  const business = store.container<Doc>('business');
  const docs: Doc[] = [
    ...data.tickets.map((t) => ({ ...t, pk: t.beneficiaryId, type: 'ticket' })),
    ...data.quotes.map((q) => ({ ...q, pk: q.beneficiaryId, type: 'quote' })),
    ...data.orders.map((o) => ({ ...o, pk: o.beneficiaryId, type: 'order' })),
    ...data.events.map((e) => ({ ...e, pk: e.beneficiaryId }) as unknown as Doc),
  ];
  for (const doc of docs) await business.create(doc);
}

/** A query as the wrapper saw it. */
export interface SeenQuery {
  readonly container: ContainerName;
  readonly spec: QuerySpec;
}

/** The store, recording every query made through it. */
export function recordingStore(store: Store): { store: Store; queries: SeenQuery[] } {
  const queries: SeenQuery[] = [];
  const wrapped: Store = {
    kind: store.kind,
    ping: () => store.ping(),
    close: () => store.close(),
    container<T extends Doc = Doc>(name: ContainerName): Container<T> {
      const inner = store.container<T>(name);
      return {
        read: (pk, id) => inner.read(pk, id),
        create: (doc) => inner.create(doc),
        replace: (doc, options) => inner.replace(doc, options),
        upsert: (doc, options) => inner.upsert(doc, options),
        delete: (pk, id, options) => inner.delete(pk, id, options),
        batch: (pk, operations) => inner.batch(pk, operations),
        query: (spec) => {
          queries.push({ container: name, spec });
          return inner.query(spec);
        },
      };
    },
  };
  return { store: wrapped, queries };
}
