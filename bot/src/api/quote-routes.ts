/**
 * The quote resources: list with filters and paging, one quote with its versions and timeline, and
 * a new request — recorded by an account manager for a request received by e-mail, with its real
 * reception time, or made by a beneficiary's agent from the tab. A quote of a beneficiary the
 * caller may not see answers 404 exactly like one that does not exist, and is not even read.
 */
import type { DocumentParties } from '../documents/titulaire-identity';
import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { isAccountManager, type QuoteActor } from '../domain/quotes/quote-actor';
import { parseEmailQuoteRequestForm, parseQuoteRequestForm } from '../domain/quotes/quote-request-form';
import type { BeneficiaryRepository } from '../store/beneficiary-repository';
import type { QuoteDoc } from '../store/quote-repository';
import type { QuoteDependencies } from '../teams/quote-handlers';
import { readScope, type ApiCaller } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { listOpenOrVisible } from './open-view-listing';
import { callerIdempotencyKey, keyDigest, quoteActorOf, readVisible, writeScope } from './quote-access';
import {
  expandQuoteStatuses,
  quoteDetail,
  quoteListQuery,
  quotePage,
  quotePath,
  quoteRequestBody,
} from './quote-schemas';
import { quoteDetailOf, quoteSummaryOf } from './quote-views';

/** What the quote routes read and write through. */
export interface QuoteRouteServices {
  readonly deps: QuoteDependencies;
  readonly beneficiaries: BeneficiaryRepository;
  /** Who the Titulaire is on printed documents (configuration). */
  readonly parties: DocumentParties;
}

const EMAIL_ONLY =
  'Seuls les chargés de compte du Titulaire peuvent saisir une demande de devis reçue par e-mail.';

/** GET /api/v1/quotes, GET /api/v1/quotes/:b/:q and POST /api/v1/quotes. */
export function quoteRoutes(services: QuoteRouteServices): ApiRoute[] {
  return [listRoute(services), getRoute(services), createRoute(services)];
}

/** The quote at `params` if the caller may see it; `NotFoundError` otherwise. */
export function readQuote(
  services: QuoteRouteServices,
  caller: ApiCaller,
  params: { beneficiaryId: string; quoteId: string },
  write = false,
) {
  const scope = write ? writeScope(caller) : readScope(caller);
  const repo = services.deps.quotes.quotes;
  return readVisible<QuoteDoc>(
    scope,
    { beneficiaryId: params.beneficiaryId, id: params.quoteId },
    (b, id) => repo.get(b, id),
    'Ce devis',
  );
}

function listRoute({ deps }: QuoteRouteServices): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/quotes',
      operationId: 'listQuotes',
      summary: 'Devis visibles par l’appelant, filtrés et paginés',
      tag: 'Devis',
      query: quoteListQuery,
      response: quotePage,
      errors: [400, 403, 404],
    },
    async (caller, { query }) => {
      const actor = await quoteActorOf(caller, deps.directory);
      const repo = deps.quotes.quotes;
      const page = await listOpenOrVisible(repo.container, repo.openView, readScope(caller), {
        type: 'quote',
        statuses: expandQuoteStatuses(query.status),
        beneficiaryId: query.beneficiary,
        orderBy:
          query.sort === 'due'
            ? [{ field: 'dueDate', direction: 'asc' }]
            : [{ field: 'createdAt', direction: 'desc' }],
        limit: query.limit,
        continuationToken: query.continuationToken,
      });
      return { ...page, items: page.items.map((q) => quoteSummaryOf(q, actor)) };
    },
  );
}

function getRoute(services: QuoteRouteServices): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/quotes/:beneficiaryId/:quoteId',
      operationId: 'getQuote',
      summary: 'Un devis, ses versions, sa chronologie et les actions permises à l’appelant',
      tag: 'Devis',
      params: quotePath,
      response: quoteDetail,
      errors: [403, 404],
    },
    async (caller, { params }) => {
      const quote = await readQuote(services, caller, params);
      const actor = await quoteActorOf(caller, services.deps.directory);
      return quoteDetailOf(services.deps.quotes.quotes, quote, actor);
    },
  );
}

function createRoute(services: QuoteRouteServices): ApiRoute {
  return bearerRoute(
    {
      method: 'post',
      path: '/api/v1/quotes',
      operationId: 'requestQuote',
      summary:
        'Enregistre une demande de devis : reçue par e-mail (chargé de compte, avec son heure de réception) ' +
        'ou faite depuis l’onglet (agent du bénéficiaire)',
      tag: 'Devis',
      body: quoteRequestBody,
      idempotencyKey: true,
      response: quoteDetail,
      errors: [400, 403, 404],
    },
    async (caller, { body, req }) => {
      writeScope(caller);
      const actor = await quoteActorOf(caller, services.deps.directory);
      if (actor.kind === 'titulaire' && !isAccountManager(actor)) throw new ForbiddenError(EMAIL_ONLY);
      // Another beneficiary is "not found" for a beneficiary's user, as its documents are.
      const beneficiary = await beneficiaryOf(services, caller, body.beneficiaryId);
      const key = callerIdempotencyKey(req, caller);
      // The same key from the same person records one request, however often it is retried.
      const formId = key ? keyDigest(key) : randomUUID();
      const { quote } = await record(services, actor, beneficiary, body, formId);
      return quoteDetailOf(services.deps.quotes.quotes, quote, actor);
    },
  );
}

/** Records the request: as received by e-mail for an account manager, as made now for an agent. */
async function record(
  { deps }: QuoteRouteServices,
  actor: QuoteActor,
  beneficiary: Beneficiary,
  body: Record<string, unknown>,
  formId: string,
) {
  const context = { beneficiary, now: deps.now().toISOString() };
  if (actor.kind !== 'titulaire') {
    if (body.channel === 'email' || (body.receivedAt !== undefined && body.receivedAt !== ''))
      throw new ForbiddenError(EMAIL_ONLY);
    const form = parseQuoteRequestForm(body, context);
    return deps.quotes.request({ form, beneficiary, actor, formId });
  }
  if (body.channel !== undefined && body.channel !== 'email') {
    const message = 'Le Titulaire saisit ici les demandes reçues par e-mail : channel vaut « email ».';
    throw new ValidationError(message, [{ path: 'channel', message }]);
  }
  const form = parseEmailQuoteRequestForm(body, context);
  return deps.quotes.request({
    form,
    beneficiary,
    actor,
    formId,
    channel: 'email',
    receivedAt: form.receivedAt,
    contact: form.contact,
  });
}

/** The beneficiary named by the body: among the caller's own, or any for the Titulaire. */
async function beneficiaryOf(
  { beneficiaries }: QuoteRouteServices,
  caller: ApiCaller,
  siret: string,
): Promise<Beneficiary> {
  const { requester } = caller;
  const found =
    requester.kind === 'beneficiary'
      ? requester.beneficiaries.find((b) => b.siret === siret)
      : await beneficiaries.get(siret);
  if (!found) throw new NotFoundError(`Le bénéficiaire ${siret}`);
  return found;
}
