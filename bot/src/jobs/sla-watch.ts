/**
 * The SLA watch: sends each SLA alert of a ticket (by default 50 %, 80 % and 100 % = breach of its
 * first-response and restoration targets) to the support channel, exactly once.
 *
 * - Finding work: every ticket carries `nextAlertAt`, its earliest alert not sent yet (null when none
 *   is scheduled), and so does its row in the open-ticket view (`store/views/`). One query of that
 *   view's single partition asks for rows whose `nextAlertAt` has passed, oldest first; an index
 *   serves it (SQLite: `views_open_tickets_sla_due`), so a sweep costs what the *due* tickets cost,
 *   whatever the number of open ones, and never reads across beneficiaries' partitions.
 * - Deciding from the ticket, not the row: each due row's ticket is read in its own partition (one
 *   point read), and only the ticket as stored says what is due. A row that led to nothing due — its
 *   ticket resolved, gone, or already alerted while the row lagged — is refreshed from the ticket, so
 *   it stops coming back at every sweep.
 * - Exactly once: for each due ticket, one batch of its partition replaces the ticket (alert keys
 *   added to `alertsSent`, `nextAlertAt` moved on) on the ETag it was read with and creates one outbox
 *   message per due alert, whose id is derived from the ticket and the alert. The state lives in the
 *   ticket, so a restart sends nothing again; two instances race on the ETag and the loser's batch
 *   fails whole (412, or 409 on the message id), so it sends nothing and skips the ticket. The store
 *   refreshes the ticket's row with the batch.
 * - No support channel known (the bot is not installed there yet): nothing is recorded, the alerts
 *   stay due, and they all go out — late — as soon as the channel is known. Recording them as sent
 *   would lose a breach warning without a trace; a warning per sweep says how many tickets wait.
 */
import { formatInstant } from '../domain/calendar/instant';
import { alertsDue, recordAlertsSent, type TicketAlert } from '../domain/tickets/next-alert';
import { alertText } from '../domain/tickets/ticket-messages';
import { isOpenStatus, type Ticket } from '../domain/tickets/ticket';
import type { OutboxActivity } from '../store/outbox-message';
import type { Stored } from '../store/port';
import type { TicketDoc } from '../store/ticket-repository';
import { dueTicketRowsQuery } from '../store/views/open-ticket-view';
import type { ViewRow } from '../store/views/view-row';
import { claimOps, DueSweep, replaceOnEtag, type DueSweepCounts, type DueSweepOptions } from './due-sweep';

/** Where alerts go: the support channel, when the bot is installed in one. */
export type SupportChannelLookup = () => Promise<{ pk: string; conversationId: string } | undefined>;

/** Turns an alert into the activity posted to the support channel. */
export type AlertRenderer = (ticket: Ticket, alert: TicketAlert) => OutboxActivity;

export interface SlaWatchOptions extends DueSweepOptions {
  supportChannel: SupportChannelLookup;
  /** Default: `renderAlertText`, the alert's French text alone. */
  render?: AlertRenderer;
  /** Pause between sweeps (default 30 s): alerts go out at most this late. */
  intervalMs?: number;
}

/** What one sweep did, ticket by ticket. */
export interface SlaSweepResult extends DueSweepCounts {
  /** Tickets whose due alerts this sweep recorded and queued. */
  alerted: number;
  /** Tickets whose stored `nextAlertAt` was stale, corrected without any alert. */
  rescheduled: number;
  /** Rows whose ticket had nothing due (resolved, gone, alerted meanwhile): refreshed from it. */
  refreshed: number;
}

type StoredTicket = Stored<TicketDoc>;
type Channel = NonNullable<Awaited<ReturnType<SupportChannelLookup>>>;

const DEFAULT_INTERVAL_MS = 30_000;

/** The id of an alert's outbox message: one per ticket and alert, so a second one cannot be created. */
export function alertOutboxId(ticketId: string, alertKey: string): string {
  return `outbox:${ticketId}:alert:${alertKey}`;
}

/** The default renderer: the alert's French text as a plain message. */
export function renderAlertText(ticket: Ticket, alert: TicketAlert): OutboxActivity {
  return { text: alertText(ticket, alert), summary: `${ticket.number} — ${ticket.title}` };
}

/** The SLA alert job. */
export class SlaWatch extends DueSweep<SlaSweepResult> {
  private readonly render: AlertRenderer;

  constructor(private readonly options: SlaWatchOptions) {
    super(options, {
      name: 'sla-watch',
      className: 'SlaWatch',
      label: 'SLA',
      waitingWarning:
        'SLA alerts are due but no support channel is known: install the bot in the support channel',
      defaultIntervalMs: DEFAULT_INTERVAL_MS,
    });
    this.render = options.render ?? renderAlertText;
  }

  protected emptyResult(): SlaSweepResult {
    return {
      read: 0,
      alerted: 0,
      messages: 0,
      lost: 0,
      waiting: 0,
      rescheduled: 0,
      refreshed: 0,
      failed: 0,
    };
  }

  /** Goes over the rows of the tickets due at `now`, page by page. */
  protected async sweepAt(now: Date, result: SlaSweepResult): Promise<void> {
    // Once per sweep: the channel does not move between two tickets.
    const channel = await this.options.supportChannel();
    await this.eachPage(
      dueTicketRowsQuery(now, this.batchSize),
      result,
      (row: Stored<ViewRow>) =>
        this.guard({ ticketId: row.sourceId, pk: row.sourcePk }, result, 'SLA alert', () =>
          this.handleRow(row, now, channel, result),
        ),
      this.views,
    );
  }

  /** Reads a due row's ticket and handles it; a row that led to nothing is refreshed. May throw. */
  private async handleRow(
    row: Stored<ViewRow>,
    now: Date,
    channel: Channel | undefined,
    result: SlaSweepResult,
  ): Promise<void> {
    const ticket = await this.sourceOfRow<TicketDoc>(row);
    const open = ticket?.type === 'ticket' && isOpenStatus(ticket.status);
    if (!open || !(await this.handle(ticket, now, channel, result))) {
      await this.refreshRow(row);
      result.refreshed++;
    }
  }

  /**
   * Records and queues one due ticket's alerts, or corrects its `nextAlertAt`; false when the ticket
   * itself has nothing to correct nor send (only its row was behind). May throw.
   */
  private async handle(
    ticket: StoredTicket,
    now: Date,
    channel: Channel | undefined,
    result: SlaSweepResult,
  ): Promise<boolean> {
    const check = alertsDue(ticket, formatInstant(now.getTime()));
    if (check.due.length === 0) {
      // Nothing to send, yet the index brought the ticket here: put `nextAlertAt` right so that it
      // stops coming back (a ticket due later within the same second is already right).
      if (check.nextAlertAt === ticket.nextAlertAt) return false;
      await this.business.batch(ticket.pk, [replaceOnEtag(ticket, { nextAlertAt: check.nextAlertAt })]);
      result.rescheduled++;
      return true;
    }
    if (!channel) {
      result.waiting++;
      return true;
    }
    await this.business.batch(ticket.pk, this.alertOps(ticket, check.due, channel, now));
    result.alerted++;
    result.messages += check.due.length;
    return true;
  }

  /** The ticket with its alerts recorded, and their messages: one atomic batch. */
  private alertOps(ticket: StoredTicket, due: readonly TicketAlert[], channel: Channel, now: Date) {
    const recorded = recordAlertsSent(
      ticket,
      due.map((a) => a.key),
    );
    return claimOps(
      ticket,
      { alertsSent: recorded.alertsSent, nextAlertAt: recorded.nextAlertAt },
      due.map((alert) => ({
        id: alertOutboxId(ticket.id, alert.key),
        target: channel,
        activity: this.render(ticket, alert),
      })),
      now,
    );
  }
}
