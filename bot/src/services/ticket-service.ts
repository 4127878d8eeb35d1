/**
 * The incident use cases shared by the bot and the API: declare a ticket, act on it. Each change is
 * committed in one batch of the beneficiary's partition — the ticket, its audit event and the outbox
 * messages it causes — so nothing acknowledged is lost and nothing is notified that did not happen.
 * Replays (Teams retrying a submit or an invoke) change nothing a second time.
 */
import { ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import type { IncidentForm } from '../domain/tickets/incident-form';
import { applyTicketAction } from '../domain/tickets/lifecycle';
import { openTicket } from '../domain/tickets/open-ticket';
import type { Ticket, TicketChannel } from '../domain/tickets/ticket';
import type { TicketAction } from '../domain/tickets/ticket-action';
import type { TicketActor } from '../domain/tickets/ticket-actor';
import type { TicketEvent, TicketNotification } from '../domain/tickets/ticket-event';
import { formatTicketNumber, ticketCounterName, ticketNumberYear } from '../domain/tickets/ticket-number';
import { CounterRepository } from '../store/counter-repository';
import { newOutboxMessage, type OutboxActivity, type OutboxMessage } from '../store/outbox-message';
import type { BatchOperation, Doc, Store } from '../store/port';
import { TicketRepository, type TicketDoc } from '../store/ticket-repository';

/** Where the support channel is, if the bot is installed in one. */
export type SupportChannelLookup = () => Promise<{ pk: string; conversationId: string } | undefined>;

/** Turns a notification into the activity to send (text, and the ticket card where it helps). */
export type NotificationRenderer = (ticket: Ticket, notification: TicketNotification) => OutboxActivity;

export interface TicketServiceOptions {
  supportChannel: SupportChannelLookup;
  render: NotificationRenderer;
  /** Called after a commit that queued messages, so the sender runs at once. */
  wake?: () => void;
  now?: () => Date;
}

export interface DeclareInput {
  form: IncidentForm;
  beneficiary: Beneficiary;
  actor: TicketActor;
  /** Identifies the submitted form: the same form submitted twice opens one ticket. */
  formId: string;
  conversationId?: string;
  channel?: TicketChannel;
  receivedAt?: string;
}

export interface ActInput {
  beneficiaryId: string;
  ticketId: string;
  action: TicketAction;
  actor: TicketActor;
  /** The invoke's activity id: a retried invoke returns the ticket as the first one left it. */
  idempotencyKey?: string;
}

type StoredTicket = TicketDoc & { lastActionKey?: string };

/** Declares tickets and applies actions to them. */
export class TicketService {
  private readonly tickets: TicketRepository;
  private readonly counters: CounterRepository;
  private readonly now: () => Date;

  constructor(
    store: Store,
    private readonly options: TicketServiceOptions,
  ) {
    this.tickets = new TicketRepository(store);
    this.counters = new CounterRepository(store);
    this.now = options.now ?? (() => new Date());
  }

  /** Opens a ticket (or returns the one this form already opened); `created` tells which. */
  async declare(input: DeclareInput): Promise<{ ticket: Ticket; created: boolean }> {
    const id = `tkt-${input.formId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 64)}`;
    const existing = await this.tickets.get(input.beneficiary.siret, id);
    if (existing) return { ticket: existing, created: false };
    const now = this.now().toISOString();
    const year = ticketNumberYear(now);
    const seq = await this.counters.next(ticketCounterName(year));
    const opened = openTicket({
      form: input.form,
      beneficiary: input.beneficiary,
      declaredBy: input.actor,
      channel: input.channel,
      receivedAt: input.receivedAt,
      now,
      id,
      number: formatTicketNumber(year, seq),
      conversationId: input.conversationId,
    });
    const doc: StoredTicket = { ...opened.ticket, pk: opened.ticket.beneficiaryId, type: 'ticket' };
    // Declared from a conversation, the turn itself answers with the confirmation: queueing it too
    // would send it twice.
    const notify = opened.notify.filter((n) => !(n.audience === 'beneficiary' && input.conversationId));
    try {
      await this.commit(doc, 'create', opened.event, notify);
    } catch (err) {
      // The same form, submitted twice at once: the other submission opened it.
      if (!(err instanceof ConflictError)) throw err;
      const winner = await this.tickets.get(input.beneficiary.siret, id);
      if (!winner) throw err;
      return { ticket: winner, created: false };
    }
    return { ticket: opened.ticket, created: true };
  }

  /** Applies an action; retried once when someone else changed the ticket in between. */
  async act(input: ActInput): Promise<Ticket> {
    for (let attempt = 0; ; attempt++) {
      const current = (await this.tickets.get(input.beneficiaryId, input.ticketId)) as
        (StoredTicket & { _etag: string }) | undefined;
      if (!current) throw new NotFoundError('Ce ticket');
      if (input.idempotencyKey && current.lastActionKey === input.idempotencyKey) return current;
      const applied = applyTicketAction(current, input.action, input.actor, this.now().toISOString());
      const doc: StoredTicket = {
        ...applied.ticket,
        pk: applied.ticket.beneficiaryId,
        type: 'ticket',
        ...(input.idempotencyKey ? { lastActionKey: input.idempotencyKey } : {}),
      };
      try {
        await this.commit(doc, { ifMatch: current._etag }, applied.event, applied.notify);
        return applied.ticket;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError) || attempt > 0) throw err;
      }
    }
  }

  /** The ticket, its event and its notifications in one atomic batch of the ticket's partition. */
  private async commit(
    doc: StoredTicket,
    write: 'create' | { ifMatch: string },
    event: TicketEvent,
    notify: readonly TicketNotification[],
  ): Promise<void> {
    const now = this.now().toISOString();
    const messages = await this.outboxMessages(doc, notify, now);
    const ticketOp: BatchOperation<Doc> =
      write === 'create' ? { op: 'create', doc } : { op: 'replace', doc, ifMatch: write.ifMatch };
    const operations: BatchOperation<Doc>[] = [
      ticketOp,
      { op: 'create', doc: { ...event, pk: doc.beneficiaryId } as unknown as Doc },
      ...messages.map((m): BatchOperation<Doc> => ({ op: 'create', doc: m })),
    ];
    await this.tickets.container.batch(doc.beneficiaryId, operations as BatchOperation<TicketDoc>[]);
    if (messages.length > 0) this.options.wake?.();
  }

  private async outboxMessages(
    ticket: Ticket,
    notify: readonly TicketNotification[],
    now: string,
  ): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const n of notify) {
      const target =
        n.audience === 'support'
          ? await this.options.supportChannel()
          : n.conversationId
            ? { pk: ticket.beneficiaryId, conversationId: n.conversationId }
            : undefined;
      if (!target) continue;
      out.push(
        newOutboxMessage(
          { id: n.key, pk: ticket.beneficiaryId, target, activity: this.options.render(ticket, n) },
          now,
        ),
      );
    }
    return out;
  }
}
