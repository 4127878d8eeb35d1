import type { ApiClient } from './api-client';
import type { CatalogueContact, QuoteDetail } from './types';

/** The Titulaire's account managers: name and e-mail. */
export async function listCatalogueContacts(
  api: ApiClient,
  signal: AbortSignal,
): Promise<CatalogueContact[]> {
  const answer = await api.get<{ contacts: CatalogueContact[] }>('/api/v1/catalogue/contacts', signal);
  return answer.contacts;
}

/** What a beneficiary's user asks for from the contact form (POST /api/v1/quotes). */
export interface QuoteRequestBody {
  beneficiaryId: string;
  subject: string;
  need: string;
  domain: string;
}

/**
 * Records a quote request as made now by the signed-in user; the key makes a retried submission
 * record one request only.
 */
export function requestQuote(
  api: ApiClient,
  body: QuoteRequestBody,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<QuoteDetail> {
  return api.post<QuoteDetail>('/api/v1/quotes', body, signal, { 'Idempotency-Key': idempotencyKey });
}
