/**
 * The expected figures of a report, computed a second, deliberately plain way: local dates with
 * `Intl.DateTimeFormat` (not Guichet's zone tables), periods as lists of "YYYY-MM" months, states
 * from raw instants (not the flags the domain recorded), and sums with loops. When the builder and
 * this file agree on a generated data set, neither shares the other's mistakes.
 */
import { ZONES, type ZoneSlug } from '../../../bot/src/domain/calendar/zones';
import type { Order } from '../../../bot/src/domain/orders/order';
import type { Quote } from '../../../bot/src/domain/quotes/quote';
import type { Ticket } from '../../../bot/src/domain/tickets/ticket';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local date "YYYY-MM-DD" of an instant in a zone, by Intl. */
export function localDate(zone: ZoneSlug, at: string): string {
  const tz = ZONES[zone].tz;
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(tz, f);
  }
  return f.format(new Date(at));
}

/** The months "YYYY-MM" a period covers, and its last day. */
export interface PlainPeriod {
  readonly months: readonly string[];
  readonly lastDay: string;
}

/** A quarter as months. */
export function quarter(year: number, q: number): PlainPeriod {
  const months = [1, 2, 3].map((m) => `${year}-${String((q - 1) * 3 + m).padStart(2, '0')}`);
  return { months, lastDay: `${months[2]}-${q === 1 || q === 4 ? 31 : 30}` };
}

/** A year as months. */
export function year(y: number): PlainPeriod {
  return {
    months: Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`),
    lastDay: `${y}-12-31`,
  };
}

const inPeriod = (p: PlainPeriod, date: string) => p.months.includes(date.slice(0, 7));

/** Counted orders (issued in the period, not cancelled by its last local day): HT per "siret|month". */
export function expectedVolume(orders: readonly Order[], p: PlainPeriod): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of counted(orders, p)) {
    const key = `${o.beneficiaryId}|${localDate(o.zone, o.issuedAt).slice(0, 7)}`;
    out.set(key, (out.get(key) ?? 0) + o.totals.htCents);
  }
  return out;
}

/** The orders a period counts. */
export function counted(orders: readonly Order[], p: PlainPeriod): Order[] {
  return orders.filter((o) => {
    if (!inPeriod(p, localDate(o.zone, o.issuedAt))) return false;
    const cancelled = o.cancellation && localDate(o.zone, o.cancellation.at) <= p.lastDay;
    return !cancelled;
  });
}

/** HT per "code|unit price" over the counted orders' lines. */
export function expectedSplit(orders: readonly Order[], p: PlainPeriod): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of counted(orders, p)) {
    for (const l of o.lines) {
      const key = `${l.line.code}|${l.line.unitPriceCents}`;
      out.set(key, (out.get(key) ?? 0) + l.amountHtCents);
    }
  }
  return out;
}

/** Per severity: [on time, late, open and late, pending] of the tickets received in the period. */
export function expectedCompliance(tickets: readonly Ticket[], p: PlainPeriod): Map<number, number[]> {
  const out = new Map<number, number[]>([1, 2, 3, 4].map((s) => [s, [0, 0, 0, 0]]));
  for (const t of tickets) {
    if (!inPeriod(p, localDate(t.zone, t.receivedAt))) continue;
    const answered = t.firstResponse && localDate(t.zone, t.firstResponse.at) <= p.lastDay;
    let state: number;
    if (answered) state = Date.parse(t.firstResponse!.at) <= Date.parse(t.firstResponseDueAt) ? 0 : 1;
    else state = localDate(t.zone, t.firstResponseDueAt) <= p.lastDay ? 2 : 3;
    out.get(t.severity)![state]! += 1;
  }
  return out;
}

/** Quote requests received in the period: counts per state and total calendar days late. */
export function expectedTimeliness(quotes: readonly Quote[], p: PlainPeriod) {
  const result = { onTime: 0, late: 0, overdue: 0, pending: 0, daysLate: 0 };
  for (const q of quotes) {
    if (!inPeriod(p, localDate(q.zone, q.request.receivedAt))) continue;
    const sent = q.timeliness && localDate(q.zone, q.timeliness.sentAt) <= p.lastDay;
    if (sent) {
      const sentDay = localDate(q.zone, q.timeliness!.sentAt);
      const late = Math.round((Date.parse(sentDay) - Date.parse(q.dueDate)) / 86_400_000);
      if (late > 0) {
        result.late += 1;
        result.daysLate += late;
      } else result.onTime += 1;
    } else if (q.dueDate <= p.lastDay) result.overdue += 1;
    else result.pending += 1;
  }
  return result;
}

/** Penalties of late first answers sent in the period. */
export function expectedPenalties(quotes: readonly Quote[], p: PlainPeriod): number {
  let total = 0;
  for (const q of quotes) {
    const t = q.timeliness;
    if (t && !t.onTime && inPeriod(p, localDate(q.zone, t.sentAt))) total += t.penalty.amountCents;
  }
  return total;
}
