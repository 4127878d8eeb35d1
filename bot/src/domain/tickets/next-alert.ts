/**
 * Which SLA alerts of a ticket are due, for the SLA watch. A ticket carries `nextAlertAt` (the
 * earliest alert not sent yet) so the watch finds due tickets through an index instead of scanning;
 * `alertsSent` makes each alert go out once. First-response alerts stop once the ticket is taken;
 * restoration alerts follow the pauses; a resolved or closed ticket has none.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import { alertSchedule } from '../sla/alerts';
import type { TargetKind } from '../sla/policy';
import { type Ticket, isOpenStatus, ticketOpening } from './ticket';
import { ticketCalendar } from './ticket-calendar';

/** One alert of a ticket: which target, which threshold, when, and whether it is the breach. */
export interface TicketAlert {
  /** `firstResponse:80`: the value recorded in `alertsSent`, and part of the outbox key. */
  readonly key: string;
  readonly kind: TargetKind;
  readonly percent: number;
  readonly breach: boolean;
  readonly at: Instant;
}

/** The alerts due at `now` and the ticket's `nextAlertAt` once they are sent. */
export interface AlertCheck {
  readonly due: readonly TicketAlert[];
  readonly nextAlertAt: Instant | null;
}

/** Key of an alert in `alertsSent`. */
export function alertKey(kind: TargetKind, percent: number): string {
  return `${kind}:${percent}`;
}

/** Every alert of the ticket not sent yet and scheduled (a paused clock schedules none), earliest first. */
export function pendingAlerts(ticket: Ticket): TicketAlert[] {
  if (!isOpenStatus(ticket.status)) return [];
  const kinds: TargetKind[] = ticket.firstResponse ? ['restoration'] : ['firstResponse', 'restoration'];
  const sent = new Set(ticket.alertsSent);
  const out: TicketAlert[] = [];
  for (const kind of kinds) {
    // The contract sets no restoration target: skip the computation rather than find an empty schedule.
    if (kind === 'restoration' && ticket.restoration.status === 'none') continue;
    const points = alertSchedule(ticket.policy, ticketCalendar(ticket), ticketOpening(ticket), {
      kind,
      pauses: ticket.pauses,
    });
    for (const point of points) {
      const key = alertKey(kind, point.percent);
      if (point.at === null || sent.has(key)) continue;
      out.push({ key, kind, percent: point.percent, breach: point.breach, at: point.at });
    }
  }
  return out.sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
}

/** The earliest alert not sent yet, or null: the value to store in `nextAlertAt`. */
export function computeNextAlertAt(ticket: Ticket): Instant | null {
  const first = pendingAlerts(ticket)[0];
  return first ? formatInstant(parseInstant(first.at)) : null;
}

/** Alerts due at `now` (all of them when the watch was late) and the `nextAlertAt` that follows. */
export function alertsDue(ticket: Ticket, now: Instant): AlertCheck {
  // The index said nothing is due: answer without computing any schedule (the watch's hot path).
  if (ticket.nextAlertAt === null) return { due: [], nextAlertAt: null };
  const nowMs = parseInstant(now, 'now');
  if (parseInstant(ticket.nextAlertAt, 'nextAlertAt') > nowMs)
    return { due: [], nextAlertAt: ticket.nextAlertAt };
  const pending = pendingAlerts(ticket);
  const due = pending.filter((a) => parseInstant(a.at) <= nowMs);
  const next = pending.find((a) => parseInstant(a.at) > nowMs);
  return { due, nextAlertAt: next ? next.at : null };
}

/** The ticket once `keys` are sent: recorded in `alertsSent`, `nextAlertAt` moved on. Not an event: no `seq` change. */
export function recordAlertsSent(ticket: Ticket, keys: readonly string[]): Ticket {
  const alertsSent = [...new Set([...ticket.alertsSent, ...keys])];
  const updated = { ...ticket, alertsSent };
  return { ...updated, nextAlertAt: computeNextAlertAt(updated) };
}
