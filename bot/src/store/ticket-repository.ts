/**
 * Tickets and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `TicketService`, which commits a ticket change, its event and its outbox
 * messages in one batch; this repository reads, the staff's open tickets across beneficiaries from
 * the open-ticket view (`views/open-ticket-view.ts`).
 */
import { CLOSED_TICKET_STATUSES, OPEN_TICKET_STATUSES, type Ticket } from '../domain/tickets/ticket';
import type { TicketEvent } from '../domain/tickets/ticket-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, OrderBy, Page, Store } from './port';
import { OpenTicketView } from './views/open-ticket-view';
import type { ViewRow } from './views/view-row';

export type TicketDoc = Doc & Ticket & { type: 'ticket' };
export type TicketEventDoc = Doc & TicketEvent;

/** The most urgent first response first, in a beneficiary's list and in the staff's open list. */
const URGENT_FIRST: OrderBy[] = [{ field: 'firstResponseDueAt' }];

/** Reads tickets and their events. */
export class TicketRepository extends BusinessDocumentRepository<TicketDoc, TicketEvent> {
  /** The open tickets of every beneficiary, in one partition of the `views` container. */
  readonly openView: OpenTicketView;

  constructor(store: Store) {
    super(store, {
      type: 'ticket',
      eventType: 'ticket-event',
      eventKey: 'ticketId',
      openStatuses: OPEN_TICKET_STATUSES,
      closedStatuses: CLOSED_TICKET_STATUSES,
      listOrder: URGENT_FIRST,
      openOrder: URGENT_FIRST,
    });
    this.openView = new OpenTicketView(store.container<ViewRow>('views'));
  }

  /** Every open ticket across beneficiaries, most urgent first: the view's partition, not all of them. */
  override async listAllOpen(continuationToken?: string, limit = 20): Promise<Page<TicketDoc>> {
    return this.openView.page({ orderBy: URGENT_FIRST, limit, continuationToken });
  }
}
