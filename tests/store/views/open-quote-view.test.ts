/**
 * The open-quote and open-order views follow their documents through the real services on SQLite:
 * a quote shows there from its request until it is decided, an order from its issue until it is
 * paid or cancelled, each row a copy of its document; and the staff's open lists read them, in one
 * partition of the `views` container, never across the beneficiaries' partitions.
 */
import type { Doc, Store, Stored } from '../../../bot/src/store/port';
import { OrderRepository } from '../../../bot/src/store/order-repository';
import { QuoteRepository } from '../../../bot/src/store/quote-repository';
import { OPEN_ORDERS_VIEW, OPEN_QUOTES_VIEW } from '../../../bot/src/store/views/view-projections';
import { sourceOf, viewRowId, type ViewRow } from '../../../bot/src/store/views/view-row';
import { recordingStore, type RecordedQuery } from '../../support/recording-store';
import {
  BELLERIVE,
  JOEL,
  JULIEN,
  LAMENTIN,
  MARC,
  aDraft,
  quoteRig,
  type QuoteRig,
} from '../../services/quote-fixtures';

/** The row of a document in a view, as stored. */
function rowOf(store: Store, view: string, pk: string, id: string): Promise<Stored<ViewRow> | undefined> {
  return store.container<ViewRow>('views').read(view, viewRowId(pk, id));
}

/** The document as stored, without the store's fields: what a row must give back. */
async function stored(store: Store, pk: string, id: string): Promise<Doc> {
  const { _etag, _ts, ...doc } = (await store.container('business').read(pk, id))!;
  return doc;
}

describe('the open-quote and open-order views', () => {
  let rig: QuoteRig;
  beforeEach(async () => {
    rig = await quoteRig();
  });
  afterEach(() => rig.close());

  it('shows a quote from its request on, each change copied: preparation, sending', async () => {
    const quote = await rig.request('form-view-1');
    const requested = await rowOf(rig.store, OPEN_QUOTES_VIEW, BELLERIVE, quote.id);
    expect(requested).toMatchObject({ sourcePk: BELLERIVE, sourceId: quote.id, sourceType: 'quote' });
    expect(sourceOf(requested!)).toEqual(await stored(rig.store, BELLERIVE, quote.id));
    expect(requested!.status).toBe('requested');

    const ref = { beneficiaryId: BELLERIVE, quoteId: quote.id, actor: JULIEN };
    await rig.deps.quotes.prepare({ ...ref, draft: aDraft() });
    const prepared = (await rowOf(rig.store, OPEN_QUOTES_VIEW, BELLERIVE, quote.id))!;
    expect(prepared.status).toBe('in-preparation');
    expect(sourceOf(prepared)).toEqual(await stored(rig.store, BELLERIVE, quote.id));

    await rig.deps.quotes.send(ref);
    const sent = (await rowOf(rig.store, OPEN_QUOTES_VIEW, BELLERIVE, quote.id))!;
    expect(sent.status).toBe('sent');
    expect(sourceOf(sent)).toEqual(await stored(rig.store, BELLERIVE, quote.id));
  });

  it('leaves a tombstone once the quote is accepted, and shows its order until it is cancelled', async () => {
    const { quote, order } = await rig.accepted('form-view-2');

    const gone = (await rowOf(rig.store, OPEN_QUOTES_VIEW, BELLERIVE, quote.id))!;
    expect(gone.removedAt).toEqual(expect.any(String));
    expect(gone.status).toBeUndefined();
    const issued = (await rowOf(rig.store, OPEN_ORDERS_VIEW, BELLERIVE, order.id))!;
    expect(issued).toMatchObject({ status: 'issued', sourceType: 'order' });
    expect(sourceOf(issued)).toEqual(await stored(rig.store, BELLERIVE, order.id));

    const ref = { beneficiaryId: BELLERIVE, orderId: order.id, actor: JULIEN };
    await rig.deps.orders.act({ ...ref, action: { type: 'acknowledge' } });
    expect((await rowOf(rig.store, OPEN_ORDERS_VIEW, BELLERIVE, order.id))!.status).toBe('acknowledged');
    await rig.deps.orders.act({ ...ref, action: { type: 'cancel', reason: 'Projet abandonné.' } });
    const cancelled = (await rowOf(rig.store, OPEN_ORDERS_VIEW, BELLERIVE, order.id))!;
    expect(cancelled.removedAt).toEqual(expect.any(String));
    expect(cancelled.status).toBeUndefined();
  });

  it('leaves a tombstone when the approver declines the quote', async () => {
    const quote = await rig.sent('form-view-3');
    await rig.deps.quotes.decline({
      beneficiaryId: BELLERIVE,
      quoteId: quote.id,
      actor: MARC,
      version: 1,
      reason: 'Budget reporté.',
    });
    expect((await rowOf(rig.store, OPEN_QUOTES_VIEW, BELLERIVE, quote.id))!.removedAt).toEqual(
      expect.any(String),
    );
  });

  it('lists every beneficiary’s open quotes and orders from the views, never across partitions', async () => {
    const first = await rig.request('form-view-4');
    const { order } = await rig.accepted('form-view-5');
    rig.at('2026-05-04T09:00:00Z');
    const lamentin = await rig.deps.quotes.request({
      form: {
        subject: 'Audit Intune',
        need: 'Auditer la configuration Intune du parc.',
        domain: 'modern-workplace',
      },
      beneficiary: await rig.beneficiary(LAMENTIN),
      actor: JOEL,
      formId: 'form-view-6',
    });

    const queries: RecordedQuery[] = [];
    const store = recordingStore(rig.store, queries);
    const quotes = (await new QuoteRepository(store).listAllOpen()).items;
    const orders = (await new OrderRepository(store).listAllOpen()).items;

    expect(quotes.map((q) => [q.pk, q.id])).toEqual([
      [BELLERIVE, first.id],
      [LAMENTIN, lamentin.quote.id],
    ]);
    expect(quotes[0]).toEqual(await stored(rig.store, BELLERIVE, first.id));
    expect(orders.map((o) => o.id)).toEqual([order.id]);
    expect(queries.map((q) => [q.container, q.pk, q.crossPartition])).toEqual([
      ['views', OPEN_QUOTES_VIEW, undefined],
      ['views', OPEN_ORDERS_VIEW, undefined],
    ]);
  });
});
