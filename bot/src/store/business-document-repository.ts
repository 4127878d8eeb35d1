/**
 * Reading the numbered business documents of the `business` container — tickets, quotes, orders —
 * and their audit events. They share one shape: a `type`, a yearly `number`, a status, and events
 * keyed by the document's id. Partition reads name their partitions; only staff views go across.
 */
import type { Container, Doc, Filter, OrderBy, Page, Store, Stored } from './port';
import { NUMBERS_VIEW } from './views/view-projections';
import type { ViewRow } from './views/view-row';

export interface BusinessDocumentKind {
  /** `type` of the documents, e.g. 'ticket'. */
  type: string;
  /** `type` of their audit events, e.g. 'ticket-event'. */
  eventType: string;
  /** Field of an event naming its document, e.g. 'ticketId'. */
  eventKey: string;
  /** Statuses that still need someone to act (staff's open view). */
  openStatuses: readonly string[];
  /**
   * The other statuses, when the open ones are written as "none of these" (`ne` conditions): the
   * form the embedded store's partial indexes of open documents are built on, which a list of bound
   * statuses (`in`) never matches (see store/sqlite/list-indexes.ts).
   */
  closedStatuses?: readonly string[];
  /** Order of a beneficiary's list. */
  listOrder: OrderBy[];
  /** Order of the staff's open view. */
  openOrder: OrderBy[];
}

/** Reads one kind of numbered business document and its events. */
export class BusinessDocumentRepository<TDoc extends Doc & { type: string }, TEvent> {
  readonly container: Container<TDoc>;
  private readonly views: Container<ViewRow>;

  constructor(
    store: Store,
    private readonly kind: BusinessDocumentKind,
  ) {
    this.container = store.container<TDoc>('business');
    this.views = store.container<ViewRow>('views');
  }

  /** The document with this id in this beneficiary's partition. */
  async get(beneficiaryId: string, id: string): Promise<Stored<TDoc> | undefined> {
    const doc = await this.container.read(beneficiaryId, id);
    return doc?.type === this.kind.type ? doc : undefined;
  }

  /** The document with this number among the given beneficiaries' partitions (never a cross-partition read). */
  async findByNumber(number: string, beneficiaryIds: readonly string[]): Promise<Stored<TDoc> | undefined> {
    for (const pk of beneficiaryIds) {
      const page = await this.container.query({ pk, filters: this.numberFilters(number), limit: 1 });
      if (page.items[0]) return page.items[0];
    }
    return undefined;
  }

  /**
   * The document with this number in any partition, for Titulaire and CANUT staff only: the numbers
   * view says which partition holds it (one partition read), then the document is read there.
   */
  async findByNumberAnywhere(number: string): Promise<Stored<TDoc> | undefined> {
    const page = await this.views.query({
      pk: NUMBERS_VIEW,
      filters: [
        { field: 'number', op: 'eq', value: number },
        { field: 'sourceType', op: 'eq', value: this.kind.type },
      ],
      // One row at most; the order is the one the index is kept in (lookup-view-indexes.ts).
      orderBy: [{ field: 'number' }],
      limit: 1,
    });
    const row = page.items[0];
    return row ? this.get(row.sourcePk, row.sourceId) : undefined;
  }

  /** A beneficiary's documents, in the kind's list order. */
  async listForBeneficiary(
    beneficiaryId: string,
    continuationToken?: string,
    limit = 20,
  ): Promise<Page<Stored<TDoc>>> {
    return this.container.query({
      pk: beneficiaryId,
      filters: [{ field: 'type', op: 'eq', value: this.kind.type }],
      orderBy: this.kind.listOrder,
      limit,
      continuationToken,
    });
  }

  /** A beneficiary's open documents, in the staff's open order. */
  async listOpen(beneficiaryId: string, continuationToken?: string, limit = 20): Promise<Page<Stored<TDoc>>> {
    return this.container.query({ pk: beneficiaryId, ...this.openQuery(), limit, continuationToken });
  }

  /**
   * Every open document across beneficiaries (the staff's view). A kind with a view of its open
   * documents reads it instead, and gives copies without their ETag: hence no `Stored` here.
   */
  async listAllOpen(continuationToken?: string, limit = 20): Promise<Page<TDoc>> {
    return this.container.query({ crossPartition: true, ...this.openQuery(), limit, continuationToken });
  }

  /** The audit trail of a document, oldest first. */
  async events(beneficiaryId: string, id: string): Promise<TEvent[]> {
    const page = await (this.container as unknown as Container<Doc>).query({
      pk: beneficiaryId,
      filters: [
        { field: 'type', op: 'eq', value: this.kind.eventType },
        { field: this.kind.eventKey, op: 'eq', value: id },
      ],
      orderBy: [{ field: 'seq' }],
      limit: 1000,
    });
    return page.items as unknown as TEvent[];
  }

  private numberFilters(number: string) {
    return [
      { field: 'type', op: 'eq' as const, value: this.kind.type },
      { field: 'number', op: 'eq' as const, value: number },
    ];
  }

  private openQuery(): { filters: Filter[]; orderBy: OrderBy[] } {
    const { closedStatuses } = this.kind;
    const status: Filter[] = closedStatuses
      ? closedStatuses.map((value) => ({ field: 'status', op: 'ne', value }))
      : [{ field: 'status', op: 'in', value: this.kind.openStatuses }];
    return {
      filters: [{ field: 'type', op: 'eq', value: this.kind.type }, ...status],
      orderBy: this.kind.openOrder,
    };
  }
}
