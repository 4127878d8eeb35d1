/**
 * Gathers the documents of a period's report from the store. A beneficiary's own report reads its
 * partition only; the CANUT's report over every beneficiary is the one cross-partition read, made by
 * the scheduler, the CLI or a CANUT request — never on an agent's path. Each query asks for a UTC
 * window a day wider than the period on each side (zones run from UTC−10 to UTC+12); the builder
 * then keeps the documents whose local date, in their own zone, falls in the period.
 */
import type { Order } from '../domain/orders/order';
import type { Quote } from '../domain/quotes/quote';
import type { ReportData } from '../domain/reports/build-report';
import { type ReportPeriod, periodSearchWindow } from '../domain/reports/report-period';
import type { Ticket } from '../domain/tickets/ticket';
import type { ContainerName, Doc, Filter, QuerySpec, Store, Stored } from '../store/port';
import { allOf } from '../store/query-pages';

/** Whose documents: one beneficiary's partition, or all of them. */
export type ReportReach = { readonly siret: string } | { readonly allBeneficiaries: true };

const PAGE = 1000;

/** The orders, tickets and quotes a report of `period` needs. */
export async function loadReportData(
  store: Store,
  period: ReportPeriod,
  reach: ReportReach,
): Promise<ReportData> {
  const { from, to } = periodSearchWindow(period);
  const where = 'siret' in reach ? { pk: reach.siret } : { crossPartition: true };
  const inWindow = (field: string): Filter[] => [
    { field, op: 'gte', value: from },
    { field, op: 'lt', value: to },
  ];
  const read = <T>(type: string, field: string) =>
    readAll<T & Doc>(store, {
      ...where,
      filters: [{ field: 'type', op: 'eq', value: type }, ...inWindow(field)],
    });
  const [orders, tickets, received, sent] = await Promise.all([
    read<Order>('order', 'issuedAt'),
    read<Ticket>('ticket', 'receivedAt'),
    // Requests received in the period (timeliness) and first answers sent in it (penalties).
    read<Quote>('quote', 'request.receivedAt'),
    read<Quote>('quote', 'timeliness.sentAt'),
  ]);
  const quotes = new Map<string, Quote>();
  for (const q of [...received, ...sent]) quotes.set(`${q.beneficiaryId}|${q.id}`, q);
  return { orders, tickets, quotes: [...quotes.values()] };
}

/** Every document a query matches, page after page. */
export async function readAll<T extends Doc>(
  store: Store,
  spec: QuerySpec,
  name: ContainerName = 'business',
): Promise<Stored<T>[]> {
  return allOf(store.container<T>(name), { ...spec, limit: PAGE });
}
