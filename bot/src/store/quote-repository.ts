/**
 * Quotes and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `QuoteService`, which commits a quote change, its event and its outbox messages
 * in one batch (with the order and its event on acceptance); this repository reads.
 */
import type { Quote, QuoteStatus } from '../domain/quotes/quote';
import type { QuoteEvent } from '../domain/quotes/quote-event';
import type { Container, Doc, Page, Store, Stored } from './port';

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
export class QuoteRepository {
  readonly container: Container<QuoteDoc>;

  constructor(store: Store) {
    this.container = store.container<QuoteDoc>('business');
  }

  /** The quote with this id in this beneficiary's partition. */
  async get(beneficiaryId: string, id: string): Promise<Stored<QuoteDoc> | undefined> {
    const doc = await this.container.read(beneficiaryId, id);
    return doc?.type === 'quote' ? doc : undefined;
  }

  /** The quote with this number among the given beneficiaries' partitions (never a cross-partition read). */
  async findByNumber(
    number: string,
    beneficiaryIds: readonly string[],
  ): Promise<Stored<QuoteDoc> | undefined> {
    for (const pk of beneficiaryIds) {
      const page = await this.container.query({
        pk,
        filters: [
          { field: 'type', op: 'eq', value: 'quote' },
          { field: 'number', op: 'eq', value: number },
        ],
        limit: 1,
      });
      if (page.items[0]) return page.items[0];
    }
    return undefined;
  }

  /** The quote with this number in any partition: for Titulaire and CANUT staff only. */
  async findByNumberAnywhere(number: string): Promise<Stored<QuoteDoc> | undefined> {
    const page = await this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'quote' },
        { field: 'number', op: 'eq', value: number },
      ],
      limit: 1,
    });
    return page.items[0];
  }

  /** A beneficiary's quotes, the newest request first. */
  async listForBeneficiary(
    beneficiaryId: string,
    continuationToken?: string,
    limit = 20,
  ): Promise<Page<Stored<QuoteDoc>>> {
    return this.container.query({
      pk: beneficiaryId,
      filters: [{ field: 'type', op: 'eq', value: 'quote' }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit,
      continuationToken,
    });
  }

  /** Every open quote across beneficiaries (the account managers' view), the nearest due date first. */
  async listAllOpen(continuationToken?: string, limit = 20): Promise<Page<Stored<QuoteDoc>>> {
    return this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'quote' },
        { field: 'status', op: 'in', value: OPEN_QUOTE_STATUSES },
      ],
      orderBy: [{ field: 'dueDate' }],
      limit,
      continuationToken,
    });
  }

  /** The audit trail of a quote, oldest first. */
  async events(beneficiaryId: string, quoteId: string): Promise<QuoteEvent[]> {
    const page = await (this.container as unknown as Container<QuoteEventDoc>).query({
      pk: beneficiaryId,
      filters: [
        { field: 'type', op: 'eq', value: 'quote-event' },
        { field: 'quoteId', op: 'eq', value: quoteId },
      ],
      orderBy: [{ field: 'seq' }],
      limit: 1000,
    });
    return page.items;
  }
}
