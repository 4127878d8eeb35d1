/**
 * A view of open documents (quotes, orders) read as the documents themselves: what staff list across
 * beneficiaries comes from one partition of the `views` container, not from every beneficiary's.
 *
 * What a reader gets is a copy: without the document's ETag (whoever writes reads the document from
 * its own partition first), and behind the document by at most the moment its refresh takes.
 */
import type { Container, Doc, Filter, OrderBy, Page, Store } from '../port';
import { sourceOf, type ViewRow } from './view-row';

/** One page of a view, as a list asks for it. */
export interface OpenViewQuery {
  /** Statuses wanted, all among the view's (default: every status of the view). */
  statuses?: readonly string[];
  orderBy: OrderBy[];
  /** Page size (default 20). */
  limit?: number;
  continuationToken?: string;
}

/** The status condition of a view query: one status, or several. */
export function statusFilter(statuses: readonly string[]): Filter {
  return statuses.length === 1
    ? { field: 'status', op: 'eq', value: statuses[0] }
    : { field: 'status', op: 'in', value: [...statuses] };
}

/** Reads one view of open documents. */
export class OpenView<T extends Doc> {
  private readonly rows: Container<ViewRow>;

  constructor(
    store: Store,
    /** The view's partition in the `views` container. */
    readonly view: string,
    /** The statuses of the documents the view holds. */
    readonly statuses: readonly string[],
  ) {
    this.rows = store.container<ViewRow>('views');
  }

  /** True when every status of `wanted` is one the view holds: the view answers that list alone. */
  covers(wanted: readonly string[]): boolean {
    return wanted.length > 0 && wanted.every((s) => this.statuses.includes(s));
  }

  /** One page of the documents of the view, in the order asked. */
  async list(query: OpenViewQuery): Promise<Page<T>> {
    const statuses = query.statuses ?? this.statuses;
    if (!this.covers(statuses)) throw new RangeError(`${this.view}: statuses outside the view`);
    // The status is always named, even for every status of the view: tombstones have none, so the
    // query never meets them, and SQLite can use the view's partial indexes (quote-view-indexes.ts).
    const page = await this.rows.query({
      pk: this.view,
      filters: [statusFilter(statuses)],
      orderBy: query.orderBy,
      limit: query.limit ?? 20,
      ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    });
    return {
      items: page.items.map((row) => sourceOf<T>(row)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}
