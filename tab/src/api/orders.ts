import type { ApiClient } from './api-client';
import { searchOf } from './quotes';
import type { OrderActionType, OrderDetail, OrderPage } from './types';

export interface OrderQuery {
  /** Statuses, or "open" for all but paid and cancelled. */
  status?: string;
  beneficiary?: string;
  limit?: number;
  continuationToken?: string;
}

export function listOrders(api: ApiClient, query: OrderQuery, signal: AbortSignal): Promise<OrderPage> {
  return api.get<OrderPage>(`/api/v1/orders${searchOf(query)}`, signal);
}

export interface OrderIds {
  beneficiaryId: string;
  orderId: string;
}

/** Path of one order (ids are opaque: always encoded). */
export function orderPath(ids: OrderIds): string {
  return `/api/v1/orders/${encodeURIComponent(ids.beneficiaryId)}/${encodeURIComponent(ids.orderId)}`;
}

export function getOrder(api: ApiClient, ids: OrderIds, signal: AbortSignal): Promise<OrderDetail> {
  return api.get<OrderDetail>(orderPath(ids), signal);
}

/** An order action and its texts (reason, note, reference), as the API names them. */
export interface OrderActionRequest {
  type: OrderActionType;
  [input: string]: string;
}

export function actOnOrder(
  api: ApiClient,
  ids: OrderIds,
  action: OrderActionRequest,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<OrderDetail> {
  return api.post<OrderDetail>(`${orderPath(ids)}/actions`, action, signal, {
    'Idempotency-Key': idempotencyKey,
  });
}
