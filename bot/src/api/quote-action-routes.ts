/**
 * The quote actions: prepare or revise the draft (account managers), send it (account managers),
 * accept or decline the version shown (the beneficiary's approvers), and the printable PDF. Each
 * goes through `QuoteService`, so the API and the cards apply the same rules, refuse with the same
 * French errors and change nothing on refusal. Idempotency-Key replays the first outcome.
 */
import type { z } from 'zod';
import { renderQuotePdf } from '../documents/quote-pdf';
import { requireAccountManager } from '../domain/quotes/quote-actor';
import type { QuoteDraftInput } from '../domain/quotes/quote-draft';
import type { Quote, QuoteStatus } from '../domain/quotes/quote';
import type { QuoteRef } from '../services/quote-service';
import type { ApiCaller } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { callerIdempotencyKey, quoteActorOf } from './quote-access';
import { PdfResponse, pdfResponse } from './quote-pdf-response';
import { readQuote, type QuoteRouteServices } from './quote-routes';
import {
  acceptBody,
  declineBody,
  pdfQuery,
  quoteDetail,
  quoteDraftBody,
  quotePath,
  sendBody,
} from './quote-schemas';
import { quoteDetailOf, visibleQuote } from './quote-views';

/** A revision starts from these statuses; a first draft (or re-pricing one) from the others. */
const REVISED_FROM: readonly QuoteStatus[] = ['sent', 'declined', 'expired'];

type Params = { beneficiaryId: string; quoteId: string };

/** PUT …/draft, POST …/send, …/accept, …/decline and GET …/pdf. */
export function quoteActionRoutes(services: QuoteRouteServices): ApiRoute[] {
  return [draftRoute(services), sendRoute(services), ...decisionRoutes(services), pdfRoute(services)];
}

/** The reference of an action: the quote, the caller as a quote actor, its replay key. */
async function refOf(services: QuoteRouteServices, caller: ApiCaller, params: Params, key?: string) {
  const actor = await quoteActorOf(caller, services.deps.directory);
  const ref: QuoteRef = {
    beneficiaryId: params.beneficiaryId,
    quoteId: params.quoteId,
    actor,
    ...(key ? { idempotencyKey: key } : {}),
  };
  return ref;
}

/** What differs between the quote action routes: the URL, the documentation and the body. */
interface ActionSpec<B extends z.ZodType> {
  method: 'put' | 'post';
  path: string;
  operationId: string;
  summary: string;
  body: B;
}

/**
 * A route that changes a quote through `act`: the caller must be able to write it (the quote is
 * "introuvable" otherwise) and gets it back as it then sees it, with its timeline and next actions.
 */
function quoteActionRoute<B extends z.ZodType>(
  services: QuoteRouteServices,
  { method, path, operationId, summary, body }: ActionSpec<B>,
  act: (ref: QuoteRef, body: z.output<B>, current: Quote) => Promise<Quote>,
): ApiRoute {
  return bearerRoute(
    {
      method,
      path,
      operationId,
      summary,
      tag: 'Devis',
      params: quotePath,
      body,
      idempotencyKey: true,
      response: quoteDetail,
      errors: [400, 403, 404, 409, 412],
    },
    async (caller, { params, body, req }) => {
      const current = await readQuote(services, caller, params, true);
      const ref = await refOf(services, caller, params, callerIdempotencyKey(req, caller));
      const quote = await act(ref, body, current);
      return quoteDetailOf(services.deps.quotes.quotes, quote, ref.actor);
    },
  );
}

function draftRoute(services: QuoteRouteServices): ApiRoute {
  const spec = {
    method: 'put',
    path: '/api/v1/quotes/:beneficiaryId/:quoteId/draft',
    operationId: 'putQuoteDraft',
    summary:
      'Prépare (ou chiffre à nouveau) la version en cours, ou en commence une nouvelle après envoi, ' +
      'refus ou expiration : phases, livrables, charges en jours de lignes du BPU, profils anonymisés',
    body: quoteDraftBody,
  } as const;
  return quoteActionRoute(services, spec, async (ref, body, current) => {
    // Before the price schedule is looked up: a non-manager hears "forbidden", not about the BPU.
    requireAccountManager(ref.actor, 'préparer un devis');
    const input = {
      ...ref,
      draft: { phases: body.phases, profiles: body.profiles } as QuoteDraftInput,
      ...(body.scheduleVersion ? { scheduleVersion: body.scheduleVersion } : {}),
    };
    const { quotes } = services.deps;
    return REVISED_FROM.includes(current.status)
      ? await quotes.revise({ ...input, ...(body.reason !== undefined ? { reason: body.reason } : {}) })
      : await quotes.prepare(input);
  });
}

function sendRoute(services: QuoteRouteServices): ApiRoute {
  const spec = {
    method: 'post',
    path: '/api/v1/quotes/:beneficiaryId/:quoteId/send',
    operationId: 'sendQuote',
    summary: 'Envoie la version préparée au demandeur et aux approbateurs du bénéficiaire',
    body: sendBody,
  } as const;
  return quoteActionRoute(services, spec, (ref, body) =>
    services.deps.quotes.send({ ...ref, ...(body.version !== undefined ? { version: body.version } : {}) }),
  );
}

function decisionRoutes(services: QuoteRouteServices): ApiRoute[] {
  const accept = {
    method: 'post',
    path: '/api/v1/quotes/:beneficiaryId/:quoteId/accept',
    operationId: 'acceptQuote',
    summary: 'Accepte la version affichée (approbateurs du bénéficiaire) : le bon de commande est émis',
    body: acceptBody,
  } as const;
  const decline = {
    method: 'post',
    path: '/api/v1/quotes/:beneficiaryId/:quoteId/decline',
    operationId: 'declineQuote',
    summary: 'Refuse la version affichée (approbateurs du bénéficiaire), avec une raison',
    body: declineBody,
  } as const;
  return [
    quoteActionRoute(services, accept, async (ref, body) => {
      const { quote } = await services.deps.quotes.accept({ ...ref, version: body.version });
      return quote;
    }),
    quoteActionRoute(services, decline, (ref, body) =>
      services.deps.quotes.decline({ ...ref, version: body.version, reason: body.reason }),
    ),
  ];
}

function pdfRoute(services: QuoteRouteServices): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/quotes/:beneficiaryId/:quoteId/pdf',
      operationId: 'getQuotePdf',
      summary: 'Le devis imprimable (PDF), pour une version donnée ou la dernière',
      tag: 'Devis',
      params: quotePath,
      query: pdfQuery,
      response: pdfResponse,
      errors: [400, 403, 404],
    },
    async (caller, { params, query }) => {
      const stored = await readQuote(services, caller, params);
      // A beneficiary does not get a version still in preparation: it is not an offer yet.
      const quote = visibleQuote(stored, await quoteActorOf(caller, services.deps.directory));
      const pdf = await renderQuotePdf(quote, query.version, services.parties);
      const version = query.version ?? quote.versions[quote.versions.length - 1]?.version;
      return new PdfResponse(pdf, `${quote.number}-v${version}.pdf`);
    },
  );
}
