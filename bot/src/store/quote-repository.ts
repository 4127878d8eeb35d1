/**
 * Quotes and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `QuoteService`, which commits a quote change, its event and its outbox messages
 * in one batch (with the order and its event on acceptance); this repository reads.
 */
import type { Quote, QuoteStatus } from '../domain/quotes/quote';
import type { QuoteEvent } from '../domain/quotes/quote-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, Store } from './port';

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

/** The statuses still waiting on someone: the Titulaire to answer, or the approvers to decide. */
export const OPEN_QUOTE_STATUSES: readonly QuoteStatus[] = ['requested', 'in-preparation', 'sent'];

/** Reads quotes and their events. */
export class QuoteRepository extends BusinessDocumentRepository<QuoteDoc, QuoteEvent> {
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
  }
}
