/**
 * The views Guichet keeps, and which documents feed each of them: `business` documents for the
 * staff's queues and the watches, registry documents for who-is-who lookups made on every request.
 *
 * A projection says, for one source `type`, whether a document belongs to its view and which of its
 * fields the row keeps. It must be a pure function of the document: rows are recomputed from the
 * stored source at any time, by whoever holds a fresh copy, and must come out the same.
 */
import { isOpenOrderStatus } from '../../domain/orders/order';
import { isOpenQuoteStatus } from '../../domain/quotes/quote';
import { isOpenStatus, type TicketStatus } from '../../domain/tickets/ticket';
import type { Doc } from '../port';

/** Partition of the open tickets (staff's queue, SLA watch). */
export const OPEN_TICKETS_VIEW = 'open-tickets';

/** Partition of the quotes still waiting on someone (staff's lists, the quote watch). */
export const OPEN_QUOTES_VIEW = 'open-quotes';

/** Partition of the orders under way (staff's lists). */
export const OPEN_ORDERS_VIEW = 'open-orders';

/** Partition of the number of every ticket, quote and order, found by number (staff's lookups). */
export const NUMBERS_VIEW = 'numbers';

/** Partition of every beneficiary, found by tenant (who a caller's tenant serves). */
export const BENEFICIARY_DIRECTORY_VIEW = 'beneficiary-directory';

/** Partition of every registry entry of a person (staff and approver roles), found by person. */
export const PEOPLE_VIEW = 'people';

/** Containers whose writes feed views. */
export type ProjectedContainer = 'business' | 'beneficiaries' | 'staff';

/** One view fed by one type of document of one container. */
export interface Projection {
  /** The view's partition in the `views` container. */
  view: string;
  /** Container of the source documents (default `business`). */
  container?: ProjectedContainer;
  /** `type` of the source documents. */
  sourceType: string;
  /** The fields of the row, or undefined when the document is not in the view. */
  project(doc: Doc & { type: string }): Record<string, unknown> | undefined;
}

/** Source fields a row never copies: the row has its own. */
function withoutStoreFields(doc: Doc): Record<string, unknown> {
  const {
    id: _id,
    pk: _pk,
    type: _type,
    _etag: _e,
    _ts: _t,
    ...fields
  } = doc as Doc & {
    _etag?: string;
    _ts?: string;
  };
  return fields;
}

/** Open tickets, whole: staff lists show every field a beneficiary's list shows. */
export const OPEN_TICKETS: Projection = {
  view: OPEN_TICKETS_VIEW,
  sourceType: 'ticket',
  project: (doc) => (isOpenStatus(doc.status as TicketStatus) ? withoutStoreFields(doc) : undefined),
};

/**
 * Open quotes, whole: staff lists show a quote's latest version, and the quote watch finds its
 * candidates by status, due date and last change. Every row keeps a `status`, which the view's
 * queries always name (tombstones have none, so no query and no SQLite index ever meets them).
 */
export const OPEN_QUOTES: Projection = {
  view: OPEN_QUOTES_VIEW,
  sourceType: 'quote',
  project: (doc) => (isOpenQuoteStatus(doc.status) ? withoutStoreFields(doc) : undefined),
};

/** Orders under way, whole: staff lists show their lines and amounts (same rule on `status`). */
export const OPEN_ORDERS: Projection = {
  view: OPEN_ORDERS_VIEW,
  sourceType: 'order',
  project: (doc) => (isOpenOrderStatus(doc.status) ? withoutStoreFields(doc) : undefined),
};

/**
 * The number of every ticket, quote and order, and where the document is: Titulaire and CANUT staff
 * open any of them by its number, from one partition instead of every beneficiary's. The row keeps
 * the number only; the reader then reads the document itself in its partition.
 */
function numberOf(sourceType: 'ticket' | 'quote' | 'order'): Projection {
  return {
    view: NUMBERS_VIEW,
    sourceType,
    project: (doc) => (typeof doc.number === 'string' ? { number: doc.number } : undefined),
  };
}

/**
 * Every beneficiary, whole: a caller's tenant is resolved to its beneficiaries on every request and
 * turn, from one partition instead of the registry's one partition per beneficiary.
 */
export const BENEFICIARY_DIRECTORY: Projection = {
  view: BENEFICIARY_DIRECTORY_VIEW,
  container: 'beneficiaries',
  sourceType: 'beneficiary',
  project: (doc) => withoutStoreFields(doc),
};

/**
 * Every registry entry of a person (one per partition: the Titulaire's or a beneficiary's), with the
 * person's key (`tenantId:objectId`, the entry's id): their roles are read on every request and turn.
 */
export const PEOPLE: Projection = {
  view: PEOPLE_VIEW,
  container: 'staff',
  sourceType: 'staff',
  project: (doc) => ({ ...withoutStoreFields(doc), personId: doc.id }),
};

/** Every projection; a source type may feed several views. */
export const PROJECTIONS: readonly Projection[] = [
  OPEN_TICKETS,
  OPEN_QUOTES,
  OPEN_ORDERS,
  numberOf('ticket'),
  numberOf('quote'),
  numberOf('order'),
  BENEFICIARY_DIRECTORY,
  PEOPLE,
];

/** The container a projection's sources live in. */
export function sourceContainerOf(projection: Projection): ProjectedContainer {
  return projection.container ?? 'business';
}

/** The projections fed by documents of `type`. */
export function projectionsOf(type: unknown, all: readonly Projection[] = PROJECTIONS): Projection[] {
  return all.filter((p) => p.sourceType === type);
}

/** The projections fed by the documents of `container`. */
export function projectionsFrom(
  container: ProjectedContainer,
  all: readonly Projection[] = PROJECTIONS,
): Projection[] {
  return all.filter((p) => sourceContainerOf(p) === container);
}

/** The source types of the projections: a write of one of them must refresh its views. */
export function projectedTypes(all: readonly Projection[] = PROJECTIONS): Set<string> {
  return new Set(all.map((p) => p.sourceType));
}
