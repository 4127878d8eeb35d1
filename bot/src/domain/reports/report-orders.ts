/**
 * The order side of a report: the complete list of orders issued in the period (local date of issue
 * in the beneficiary's zone), the business volume HT they make overall and per SIRET for each month,
 * quarter and year of the period, and their split over the price-schedule lines. An order cancelled
 * by the end of the period stays in the list but counts in no volume: nothing will be invoiced.
 */
import { parseInstant } from '../calendar/instant';
import type { Order, OrderStatus } from '../orders/order';
import type { PeriodScope } from './period-scope';
import { breakdownKinds, periodContains, subPeriods, type ReportPeriod } from './report-period';
import { byText, groupBy, ratioBp, totalCents, traceOf } from './report-math';
import type { Bucket, OrderRow, PriceLineRow, VolumeRow } from './report-types';

/** The orders issued in the period, oldest first, each with its status at the cut-off. */
export function orderRows(orders: readonly Order[], scope: PeriodScope): OrderRow[] {
  const rows = orders.flatMap((o): OrderRow[] => {
    const issuedOn = scope.dateInPeriod(o.zone, o.issuedAt);
    if (!issuedOn) return [];
    const status = statusAt(o, scope.cutoffMs(o.zone));
    return [
      {
        id: o.id,
        number: o.number,
        siret: o.beneficiaryId,
        beneficiaryName: o.beneficiaryName,
        quoteNumber: o.quote.number,
        quoteVersion: o.quote.version,
        subject: o.quote.subject,
        issuedOn,
        status,
        counted: status !== 'cancelled',
        scheduleVersion: o.scheduleVersion,
        htCents: o.totals.htCents,
        vatCents: o.totals.vatCents,
        ttcCents: o.totals.ttcCents,
      },
    ];
  });
  return rows.sort((a, b) => byText(a.issuedOn, b.issuedOn) || byText(a.number, b.number));
}

/** The status an order had at an instant: the last step taken by then. */
export function statusAt(order: Pick<Order, 'steps' | 'status'>, atMs: number): OrderStatus {
  let status: OrderStatus | undefined;
  for (const step of order.steps) if (parseInstant(step.at) <= atMs) status = step.status;
  return status ?? order.steps[0]?.status ?? order.status;
}

/** The bucket a period stands for in a breakdown. */
export function bucketOf(p: ReportPeriod): Bucket {
  return { kind: p.kind, key: p.key, label: p.label };
}

/**
 * Volume rows: the period itself, then its quarters and months as far as it reaches; for each, one
 * overall row (even when empty, so that charts show the gaps), then one row per SIRET that ordered.
 * The first row is therefore the period's total.
 */
export function volumeRows(period: ReportPeriod, rows: readonly OrderRow[]): VolumeRow[] {
  const counted = rows.filter((r) => r.counted);
  const out: VolumeRow[] = [];
  for (const kind of breakdownKinds(period)) {
    for (const sub of subPeriods(period, kind)) {
      const inBucket = counted.filter((r) => periodContains(sub, r.issuedOn));
      out.push(volumeRow(bucketOf(sub), null, inBucket));
      const bySiret = [...groupBy(inBucket, (r) => r.siret).entries()].sort(([a], [b]) => byText(a, b));
      for (const [siret, group] of bySiret) out.push(volumeRow(bucketOf(sub), siret, group));
    }
  }
  return out;
}

/** The volume of a set of order rows. */
export function volumeRow(bucket: Bucket, siret: string | null, rows: readonly OrderRow[]): VolumeRow {
  return {
    bucket,
    siret,
    // The latest name: a beneficiary may have been renamed during the period.
    beneficiaryName: siret === null ? null : (rows[rows.length - 1]?.beneficiaryName ?? null),
    orderCount: rows.length,
    htCents: totalCents(rows.map((r) => r.htCents)),
    vatCents: totalCents(rows.map((r) => r.vatCents)),
    ttcCents: totalCents(rows.map((r) => r.ttcCents)),
    trace: traceOf(rows),
  };
}

interface LineTotals {
  readonly first: Order['lines'][number]['line'];
  quantity: number;
  lineCount: number;
  amounts: number[];
  orders: { id: string; number: string }[];
}

/**
 * The split of the counted orders over the price lines, largest first. A line is keyed by its code
 * and its unit price, so that two versions of the schedule with different prices are never merged.
 */
export function priceLineRows(orders: readonly Order[], rows: readonly OrderRow[]): PriceLineRow[] {
  const byId = new Map(orders.map((o) => [o.id, o]));
  const totals = new Map<string, LineTotals>();
  for (const row of rows.filter((r) => r.counted)) {
    for (const l of byId.get(row.id)?.lines ?? []) {
      const key = `${l.line.code}|${l.line.unitPriceCents}`;
      let t = totals.get(key);
      if (!t) totals.set(key, (t = { first: l.line, quantity: 0, lineCount: 0, amounts: [], orders: [] }));
      t.quantity += l.quantity;
      t.lineCount += 1;
      t.amounts.push(l.amountHtCents);
      if (t.orders[t.orders.length - 1]?.id !== row.id) t.orders.push({ id: row.id, number: row.number });
    }
  }
  const all = [...totals.values()].map((t) => ({ t, htCents: totalCents(t.amounts) }));
  const volume = totalCents(all.map((a) => a.htCents));
  return all
    .map(({ t, htCents }) => ({
      code: t.first.code,
      label: t.first.label,
      level: t.first.level,
      unit: t.first.unit,
      unitPriceCents: t.first.unitPriceCents,
      quantity: t.quantity,
      lineCount: t.lineCount,
      htCents,
      shareBp: ratioBp(htCents, volume) ?? 0,
      trace: traceOf(t.orders),
    }))
    .sort((a, b) => b.htCents - a.htCents || byText(a.code, b.code) || a.unitPriceCents - b.unitPriceCents);
}
