/**
 * Puts a generated data set into a store the way the services do (documents and their audit events
 * in each beneficiary's partition of `business`).
 */
import { BeneficiaryRepository } from '../../bot/src/store/beneficiary-repository';
import type { Doc, Store } from '../../bot/src/store/port';
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
