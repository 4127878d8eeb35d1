/**
 * What the dashboard's quote and order tiles read: one small page of the existing list endpoints
 * each, filtered by the API, so the cost follows the tile and not the table.
 */
import type { ApiClient } from '../api/api-client';
import { listOrders } from '../api/orders';
import { listQuotes } from '../api/quotes';
import type { OrderStatus, OrderSummary, QuoteStatus, QuoteSummary } from '../api/types';

/** How many documents a tile lists before its "see all" link. */
export const TILE_SIZE = 6;

/** Requests and drafts: what the Titulaire still has to send. */
export const QUOTES_TO_SEND: readonly QuoteStatus[] = ['requested', 'in-preparation'];

/** Orders still being carried out: before the service is attested done, and not cancelled. */
export const ORDERS_UNDER_WAY: readonly OrderStatus[] = [
  'issued',
  'acknowledged',
  'in-progress',
  'delivered',
];

/** Quotes not sent yet, the closest due date first. */
export async function loadQuotesToSend(api: ApiClient, signal: AbortSignal): Promise<QuoteSummary[]> {
  const status = QUOTES_TO_SEND.join(',');
  const page = await listQuotes(api, { status, sort: 'due', limit: TILE_SIZE }, signal);
  return page.items;
}

/** Orders under way, as the API lists them (the latest issued first). */
export async function loadOrdersUnderWay(api: ApiClient, signal: AbortSignal): Promise<OrderSummary[]> {
  const status = ORDERS_UNDER_WAY.join(',');
  const page = await listOrders(api, { status, limit: TILE_SIZE }, signal);
  return page.items;
}
