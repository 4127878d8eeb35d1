/**
 * The SLA watch: sends each SLA alert of a ticket (by default 50 %, 80 % and 100 % = breach of its
 * first-response and restoration targets) to the support channel, exactly once.
 *
 * - Finding work: every ticket carries `nextAlertAt`, its earliest alert not sent yet (null when none
 *   is scheduled). One cross-partition query asks for tickets whose `nextAlertAt` has passed, oldest
 *   first; an index serves it (SQLite: `documents_sla_due`), so a sweep costs what the *due* tickets
 *   cost, whatever the number of open ones.
 * - Exactly once: for each due ticket, one batch of its partition replaces the ticket (alert keys
 *   added to `alertsSent`, `nextAlertAt` moved on) on its ETag and creates one outbox message per due
 *   alert, whose id is derived from the ticket and the alert. The state lives in the ticket, so a
 *   restart sends nothing again; two instances race on the ETag and the loser's batch fails whole
 *   (412, or 409 on the message id), so it sends nothing and skips the ticket.
 * - No support channel known (the bot is not installed there yet): nothing is recorded, the alerts
 *   stay due, and they all go out — late — as soon as the channel is known. Recording them as sent
 *   would lose a breach warning without a trace; a warning per sweep says how many tickets wait.
 */
import type { Logger } from 'pino';
import { formatInstant, formatInstantToSecond } from '../domain/calendar/instant';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { alertsDue, recordAlertsSent, type TicketAlert } from '../domain/tickets/next-alert';
import { alertText } from '../domain/tickets/ticket-messages';
import type { Ticket } from '../domain/tickets/ticket';
import { newOutboxMessage, type OutboxActivity } from '../store/outbox-message';
import type { BatchOperation, Container, Doc, QuerySpec, Store, Stored } from '../store/port';
import type { TicketDoc } from '../store/ticket-repository';
import { JobRunner } from './job-runner';

/** Where alerts go: the support channel, when the bot is installed in one. */
export type SupportChannelLookup = () => Promise<{ pk: string; conversationId: string } | undefined>;

/** Turns an alert into the activity posted to the support channel. */
export type AlertRenderer = (ticket: Ticket, alert: TicketAlert) => OutboxActivity;

export interface SlaWatchOptions {
  store: Store;
  logger: Logger;
  supportChannel: SupportChannelLookup;
  /** Default: `renderAlertText`, the alert's French text alone. */
  render?: AlertRenderer;
  /** Called after alerts were queued, so the outbox sender runs at once. */
  wake?: () => void;
  now?: () => Date;
  /** Tickets read per page of the due query (default 100, at most 1000). */
  batchSize?: number;
  /** Pause between sweeps (default 30 s): alerts go out at most this late. */
  intervalMs?: number;
}

/** What one sweep did, ticket by ticket. */
export interface SlaSweepResult {
  /** Tickets the due query returned. */
  read: number;
  /** Tickets whose due alerts this sweep recorded and queued. */
  alerted: number;
  /** Outbox messages queued. */
  messages: number;
  /** Tickets another writer changed first (another instance, a user's action): left to it. */
  lost: number;
  /** Tickets with due alerts held back because no support channel is known. */
  waiting: number;
  /** Tickets whose stored `nextAlertAt` was stale, corrected without any alert. */
  rescheduled: number;
  /** Tickets that could not be handled (store failure, unreadable document): retried next sweep. */
  failed: number;
}

type StoredTicket = Stored<TicketDoc>;
type Channel = NonNullable<Awaited<ReturnType<SupportChannelLookup>>>;

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_INTERVAL_MS = 30_000;

/** The id of an alert's outbox message: one per ticket and alert, so a second one cannot be created. */
export function alertOutboxId(ticketId: string, alertKey: string): string {
  return `outbox:${ticketId}:alert:${alertKey}`;
}

/** The default renderer: the alert's French text as a plain message. */
export function renderAlertText(ticket: Ticket, alert: TicketAlert): OutboxActivity {
  return { text: alertText(ticket, alert), summary: `${ticket.number} — ${ticket.title}` };
}

/**
 * The due-ticket query at `now`. Stored instants have second precision, with milliseconds only when
 * non-zero (`formatInstant`), and strings compare character by character: `…:00.500Z` sorts before
 * `…:00Z`. Comparing with `now` truncated to the second (`…:SSZ`) therefore returns every ticket due at
 * `now`, plus at most the ones due later within the same second, which `alertsDue` then leaves alone.
 */
export function dueTicketsQuery(now: Date, limit: number, continuationToken?: string): QuerySpec {
  return {
    crossPartition: true,
    filters: [
      { field: 'type', op: 'eq', value: 'ticket' },
      { field: 'nextAlertAt', op: 'lte', value: formatInstantToSecond(now.getTime()) },
    ],
    orderBy: [{ field: 'nextAlertAt', direction: 'asc' }],
    limit,
    ...(continuationToken ? { continuationToken } : {}),
  };
}

/** The SLA alert job. */
export class SlaWatch {
  private readonly business: Container<Doc>;
  private readonly log: Logger;
  private readonly render: AlertRenderer;
  private readonly now: () => Date;
  private readonly batchSize: number;
  private readonly runner: JobRunner;
  private stopping = false;

  constructor(private readonly options: SlaWatchOptions) {
    this.business = options.store.container('business');
    this.log = options.logger.child({ job: 'sla-watch' });
    this.render = options.render ?? renderAlertText;
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1000) {
      throw new RangeError('SlaWatch: batchSize must be an integer from 1 to 1000');
    }
    this.runner = new JobRunner({
      name: 'sla-watch',
      intervalMs: options.intervalMs ?? DEFAULT_INTERVAL_MS,
      logger: this.log,
      // A sweep goes through every due ticket itself: nothing is left for an immediate rerun.
      run: async () => {
        await this.sweep();
      },
    });
  }

  /** Starts the periodic sweeps (the first one at once). */
  start(): void {
    this.stopping = false;
    this.runner.start();
  }

  /** Stops sweeping; resolves when the sweep in progress has finished its current page. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.runner.stop();
  }

  /** Asks for a sweep soon. */
  wake(): void {
    this.runner.wake();
  }

  /** One pass over the tickets due at `now`, page by page. Never throws. */
  async sweep(now: Date = this.now()): Promise<SlaSweepResult> {
    const result: SlaSweepResult = {
      read: 0,
      alerted: 0,
      messages: 0,
      lost: 0,
      waiting: 0,
      rescheduled: 0,
      failed: 0,
    };
    try {
      // Once per sweep: the channel does not move between two tickets.
      const channel = await this.options.supportChannel();
      let token: string | undefined;
      do {
        const page = await this.business.query(dueTicketsQuery(now, this.batchSize, token));
        const queued = result.messages;
        for (const ticket of page.items as StoredTicket[]) await this.handle(ticket, now, channel, result);
        if (result.messages > queued) this.options.wake?.();
        token = page.continuationToken;
        // The cursor is a position in (nextAlertAt, id), so handled tickets leaving the range do not
        // make it skip any; a graceful stop ends the sweep between pages.
      } while (token && !this.stopping);
    } catch (err) {
      this.log.error({ err }, 'SLA sweep failed');
    }
    this.report(result);
    return result;
  }

  /** Handles one due ticket; counts what happened, never throws. */
  private async handle(
    ticket: StoredTicket,
    now: Date,
    channel: Channel | undefined,
    result: SlaSweepResult,
  ): Promise<void> {
    result.read++;
    try {
      const check = alertsDue(ticket, formatInstant(now.getTime()));
      if (check.due.length === 0) {
        // Nothing to send, yet the index brought the ticket here: put `nextAlertAt` right so that it
        // stops coming back (a ticket due later within the same second is already right).
        if (check.nextAlertAt === ticket.nextAlertAt) return;
        await this.write(ticket, [this.replaceOp(ticket, { nextAlertAt: check.nextAlertAt })]);
        result.rescheduled++;
        return;
      }
      if (!channel) {
        result.waiting++;
        return;
      }
      await this.write(ticket, this.alertOps(ticket, check.due, channel, now));
      result.alerted++;
      result.messages += check.due.length;
    } catch (err) {
      if (
        err instanceof PreconditionFailedError ||
        err instanceof ConflictError ||
        err instanceof NotFoundError
      ) {
        // Another instance recorded these alerts first, or a user changed (or removed) the ticket:
        // the batch applied nothing, and the next sweep sees the ticket as it is now.
        result.lost++;
        this.log.debug(
          { ticketId: ticket.id, pk: ticket.pk, err: err.name },
          'SLA alert left to another writer',
        );
        return;
      }
      result.failed++;
      this.log.error({ err, ticketId: ticket.id, pk: ticket.pk }, 'SLA alert failed');
    }
  }

  /** The ticket with its alerts recorded, and their messages: one atomic batch. */
  private alertOps(
    ticket: StoredTicket,
    due: readonly TicketAlert[],
    channel: Channel,
    now: Date,
  ): BatchOperation<Doc>[] {
    const recorded = recordAlertsSent(
      ticket,
      due.map((a) => a.key),
    );
    // The outbox sender compares `nextAttemptAt` with `Date#toISOString`: write it the same way.
    const at = now.toISOString();
    return [
      this.replaceOp(ticket, { alertsSent: recorded.alertsSent, nextAlertAt: recorded.nextAlertAt }),
      ...due.map((alert): BatchOperation<Doc> => ({
        op: 'create',
        doc: newOutboxMessage(
          {
            id: alertOutboxId(ticket.id, alert.key),
            pk: ticket.pk,
            target: channel,
            activity: this.render(ticket, alert),
          },
          at,
        ),
      })),
    ];
  }

  /** Replaces the ticket with `changes`, on the ETag it was read with. */
  private replaceOp(ticket: StoredTicket, changes: Partial<Ticket>): BatchOperation<Doc> {
    const { _etag, _ts, ...fields } = ticket;
    return { op: 'replace', doc: { ...fields, ...changes }, ifMatch: _etag };
  }

  private async write(ticket: StoredTicket, operations: BatchOperation<Doc>[]): Promise<void> {
    await this.business.batch(ticket.pk, operations);
  }

  private report(result: SlaSweepResult): void {
    if (result.waiting > 0) {
      this.log.warn(
        { waiting: result.waiting },
        'SLA alerts are due but no support channel is known: install the bot in the support channel',
      );
    }
    if (result.read > 0) this.log.info(result, 'SLA sweep');
  }
}
