/**
 * Quotes and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `QuoteService`, which commits a quote change, its event and its outbox messages
 * in one batch (with the order and its event on acceptance); this repository reads.
 */
import { OPEN_QUOTE_STATUSES, type Quote } from '../domain/quotes/quote';
import type { QuoteEvent } from '../domain/quotes/quote-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, Page, Store } from './port';
import { OpenView } from './views/open-view';
import { OPEN_QUOTES_VIEW } from './views/view-projections';

export { OPEN_QUOTE_STATUSES } from '../domain/quotes/quote';

/**
 * A stored quote. Besides the domain fields: the last card action applied (so that a retried invoke
 * changes nothing twice) and the partition where the request's conversation reference is stored
 * (a groupement's agents keep their conversations under one member's SIRET).
 */
export type QuoteDoc = Doc &
  Quote & {
    type: 'quote';
    lastAction?: { key: string; by: string };
    originConversationPk?: string;
  };
export type QuoteEventDoc = Doc & QuoteEvent;

/** Reads quotes and their events. */
export class QuoteRepository extends BusinessDocumentRepository<QuoteDoc, QuoteEvent> {
  /** The open quotes of every beneficiary, in one partition of the `views` container. */
  readonly openView: OpenView<QuoteDoc>;

  constructor(store: Store) {
    super(store, {
      type: 'quote',
      eventType: 'quote-event',
      eventKey: 'quoteId',
      openStatuses: OPEN_QUOTE_STATUSES,
      // The newest request first; the open view shows the nearest due date first.
      listOrder: [{ field: 'createdAt', direction: 'desc' }],
      openOrder: [{ field: 'dueDate' }],
    });
    this.openView = new OpenView(store, OPEN_QUOTES_VIEW, OPEN_QUOTE_STATUSES);
  }

  /** Every open quote, the nearest due date first: read from the view, not across partitions. */
  override listAllOpen(continuationToken?: string, limit = 20): Promise<Page<QuoteDoc>> {
    return this.openView.list({ orderBy: [{ field: 'dueDate' }], limit, continuationToken });
  }
}
