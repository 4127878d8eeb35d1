import type { ApiClient } from './api-client';
import { ApiError, ServiceError } from './http-client';
import type { PriceSchedule, QuoteDetail, QuoteDraft, QuotePage } from './types';

/** What a quote list asks for; empty fields are not sent. */
export interface QuoteQuery {
  /** Statuses, or "open" for requested, in preparation and sent. */
  status?: string;
  beneficiary?: string;
  sort?: 'recent' | 'due';
  limit?: number;
  continuationToken?: string;
}

/** `?a=1&b=2` of the non-empty fields of a query. */
export function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function listQuotes(api: ApiClient, query: QuoteQuery, signal: AbortSignal): Promise<QuotePage> {
  return api.get<QuotePage>(`/api/v1/quotes${searchOf(query)}`, signal);
}

/** Path of one quote (ids are opaque: always encoded). */
export function quotePath(beneficiaryId: string, quoteId: string): string {
  return `/api/v1/quotes/${encodeURIComponent(beneficiaryId)}/${encodeURIComponent(quoteId)}`;
}

export interface QuoteIds {
  beneficiaryId: string;
  quoteId: string;
}

export function getQuote(api: ApiClient, ids: QuoteIds, signal: AbortSignal): Promise<QuoteDetail> {
  return api.get<QuoteDetail>(quotePath(ids.beneficiaryId, ids.quoteId), signal);
}

export function getPriceSchedule(api: ApiClient, signal: AbortSignal): Promise<PriceSchedule> {
  return api.get<PriceSchedule>('/api/v1/catalogue/price-schedule', signal);
}

/** The quote calls that change it; each carries its Idempotency-Key. */
export type QuoteCall =
  | { type: 'draft'; draft: QuoteDraft }
  | { type: 'send'; version?: number }
  | { type: 'accept'; version: number }
  | { type: 'decline'; version: number; reason: string };

export function callQuote(
  api: ApiClient,
  ids: QuoteIds,
  call: QuoteCall,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<QuoteDetail> {
  const path = quotePath(ids.beneficiaryId, ids.quoteId);
  const headers = { 'Idempotency-Key': idempotencyKey };
  switch (call.type) {
    case 'draft':
      return api.put<QuoteDetail>(`${path}/draft`, call.draft, signal, headers);
    case 'send':
      return api.post<QuoteDetail>(`${path}/send`, { version: call.version }, signal, headers);
    case 'accept':
      return api.post<QuoteDetail>(`${path}/accept`, { version: call.version }, signal, headers);
    case 'decline':
      return api.post<QuoteDetail>(
        `${path}/decline`,
        { version: call.version, reason: call.reason },
        signal,
        headers,
      );
  }
}

/**
 * Downloads a PDF of the API (quote or order) and hands it to the browser as a file: a plain link
 * cannot carry the bearer token.
 */
export async function downloadPdf(api: ApiClient, path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await api.fetchFile(path, 'application/pdf');
  } catch {
    throw new ServiceError('Le service est injoignable. Vérifiez votre connexion réseau puis réessayez.');
  }
  if (!response.ok) {
    throw new ApiError(`Le PDF est indisponible (erreur ${response.status}).`, response.status, 'PDF');
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
