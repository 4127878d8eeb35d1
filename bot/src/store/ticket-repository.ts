/**
 * Tickets and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `TicketService`, which commits a ticket change, its event and its outbox
 * messages in one batch; this repository reads.
 */
import { isOpenStatus, TICKET_STATUSES, type Ticket } from '../domain/tickets/ticket';
import type { TicketEvent } from '../domain/tickets/ticket-event';
import { BusinessDocumentRepository } from './business-document-repository';
import type { Doc, Store } from './port';

export type TicketDoc = Doc & Ticket & { type: 'ticket' };
export type TicketEventDoc = Doc & TicketEvent;

const OPEN_STATUSES = TICKET_STATUSES.filter(isOpenStatus);

/** Reads tickets and their events. */
export class TicketRepository extends BusinessDocumentRepository<TicketDoc, TicketEvent> {
  constructor(store: Store) {
    super(store, {
      type: 'ticket',
      eventType: 'ticket-event',
      eventKey: 'ticketId',
      openStatuses: OPEN_STATUSES,
      // The most urgent first response first, in both views.
      listOrder: [{ field: 'firstResponseDueAt' }],
      openOrder: [{ field: 'firstResponseDueAt' }],
    });
  }
}
