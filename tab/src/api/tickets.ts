import type { ApiClient } from './api-client';
import type { Me, Severity, TicketActionType, TicketDetail, TicketPage } from './types';

/** What a ticket list asks for; empty fields are not sent. */
export interface TicketQuery {
  /** Statuses, or "open" for every open status. */
  status?: string;
  severity?: Severity | string;
  beneficiary?: string;
  sort?: 'recent' | 'urgent' | 'updated';
  limit?: number;
  continuationToken?: string;
}

/** One page of the tickets the caller may see. */
export function listTickets(api: ApiClient, query: TicketQuery, signal: AbortSignal): Promise<TicketPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return api.get<TicketPage>(`/api/v1/tickets${search ? `?${search}` : ''}`, signal);
}

/** Path of one ticket (ids are opaque: always encoded). */
export function ticketPath(beneficiaryId: string, ticketId: string): string {
  return `/api/v1/tickets/${encodeURIComponent(beneficiaryId)}/${encodeURIComponent(ticketId)}`;
}

export function getTicket(
  api: ApiClient,
  beneficiaryId: string,
  ticketId: string,
  signal: AbortSignal,
): Promise<TicketDetail> {
  return api.get<TicketDetail>(ticketPath(beneficiaryId, ticketId), signal);
}

/** An action and its inputs, with the input names the API (and the bot's cards) use. */
export interface TicketActionRequest {
  type: TicketActionType;
  [input: string]: string;
}

/**
 * Applies an action. `idempotencyKey` stays the same when the user retries the same submission, so
 * a request whose answer was lost is not applied twice.
 */
export function actOnTicket(
  api: ApiClient,
  ids: { beneficiaryId: string; ticketId: string },
  action: TicketActionRequest,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<TicketDetail> {
  return api.post<TicketDetail>(`${ticketPath(ids.beneficiaryId, ids.ticketId)}/actions`, action, signal, {
    'Idempotency-Key': idempotencyKey,
  });
}

/** Who the caller is for Guichet. */
export function fetchMe(api: ApiClient, signal: AbortSignal): Promise<Me> {
  return api.get<Me>('/api/v1/me', signal);
}
