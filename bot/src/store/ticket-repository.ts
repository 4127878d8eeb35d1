/**
 * Tickets and their audit events in the `business` container, partitioned by the beneficiary's SIRET.
 * Writes go through `TicketService`, which commits a ticket change, its event and its outbox
 * messages in one batch; this repository reads.
 */
import { isOpenStatus, TICKET_STATUSES, type Ticket } from '../domain/tickets/ticket';
import type { TicketEvent } from '../domain/tickets/ticket-event';
import type { Container, Doc, Page, Store, Stored } from './port';

export type TicketDoc = Doc & Ticket & { type: 'ticket' };
export type TicketEventDoc = Doc & TicketEvent;

const OPEN_STATUSES = TICKET_STATUSES.filter(isOpenStatus);

/** Reads tickets and their events. */
export class TicketRepository {
  readonly container: Container<TicketDoc>;

  constructor(store: Store) {
    this.container = store.container<TicketDoc>('business');
  }

  /** The ticket with this id in this beneficiary's partition. */
  async get(beneficiaryId: string, id: string): Promise<Stored<TicketDoc> | undefined> {
    const doc = await this.container.read(beneficiaryId, id);
    return doc?.type === 'ticket' ? doc : undefined;
  }

  /** The ticket with this number among the given beneficiaries' partitions (never a cross-partition read). */
  async findByNumber(
    number: string,
    beneficiaryIds: readonly string[],
  ): Promise<Stored<TicketDoc> | undefined> {
    for (const pk of beneficiaryIds) {
      const page = await this.container.query({
        pk,
        filters: [
          { field: 'type', op: 'eq', value: 'ticket' },
          { field: 'number', op: 'eq', value: number },
        ],
        limit: 1,
      });
      if (page.items[0]) return page.items[0];
    }
    return undefined;
  }

  /** The ticket with this number in any partition: for Titulaire staff only. */
  async findByNumberAnywhere(number: string): Promise<Stored<TicketDoc> | undefined> {
    const page = await this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'ticket' },
        { field: 'number', op: 'eq', value: number },
      ],
      limit: 1,
    });
    return page.items[0];
  }

  /** A beneficiary's open tickets, the most urgent first response first. */
  async listOpen(
    beneficiaryId: string,
    continuationToken?: string,
    limit = 20,
  ): Promise<Page<Stored<TicketDoc>>> {
    return this.container.query({
      pk: beneficiaryId,
      filters: [
        { field: 'type', op: 'eq', value: 'ticket' },
        { field: 'status', op: 'in', value: OPEN_STATUSES },
      ],
      orderBy: [{ field: 'firstResponseDueAt' }],
      limit,
      continuationToken,
    });
  }

  /** Every open ticket across beneficiaries (support's view), most urgent first. */
  async listAllOpen(continuationToken?: string, limit = 20): Promise<Page<Stored<TicketDoc>>> {
    return this.container.query({
      crossPartition: true,
      filters: [
        { field: 'type', op: 'eq', value: 'ticket' },
        { field: 'status', op: 'in', value: OPEN_STATUSES },
      ],
      orderBy: [{ field: 'firstResponseDueAt' }],
      limit,
      continuationToken,
    });
  }

  /** The audit trail of a ticket, oldest first. */
  async events(beneficiaryId: string, ticketId: string): Promise<TicketEvent[]> {
    const page = await (this.container as unknown as Container<TicketEventDoc>).query({
      pk: beneficiaryId,
      filters: [
        { field: 'type', op: 'eq', value: 'ticket-event' },
        { field: 'ticketId', op: 'eq', value: ticketId },
      ],
      orderBy: [{ field: 'seq' }],
      limit: 1000,
    });
    return page.items;
  }
}
