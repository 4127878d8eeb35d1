/**
 * The order (bon de commande) resources: list with filters and paging, one order with its steps and
 * timeline, its lifecycle actions (the same rules as the order card's buttons, through
 * `OrderService`) and its printable PDF. Another beneficiary's order answers 404, unread.
 */
import { renderOrderPdf } from '../documents/order-pdf';
import type { DocumentParties } from '../documents/titulaire-identity';
import type { OrderAction } from '../domain/orders/order-action';
import { availableOrderActions } from '../domain/orders/order-lifecycle';
import type { Order, OrderStatus } from '../domain/orders/order';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import { OPEN_ORDER_STATUSES, type OrderDoc } from '../store/order-repository';
import type { QuoteDependencies } from '../teams/quote-handlers';
import { readScope, type ApiCaller } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { listOpenOrVisible } from './open-view-listing';
import { callerIdempotencyKey, quoteActorOf, readVisible, writeScope } from './quote-access';
import { PdfResponse, pdfResponse } from './quote-pdf-response';
import { orderActionBody, orderDetail, orderListQuery, orderPage, orderPath } from './order-schemas';

type Params = { beneficiaryId: string; orderId: string };

/** The /api/v1/orders routes. */
export function orderRoutes(deps: QuoteDependencies, parties: DocumentParties): ApiRoute[] {
  return [listRoute(deps), getRoute(deps), actRoute(deps), pdfRoute(deps, parties)];
}

function readOrder(deps: QuoteDependencies, caller: ApiCaller, params: Params, write = false) {
  const repo = deps.orders.orders;
  return readVisible<OrderDoc>(
    write ? writeScope(caller) : readScope(caller),
    { beneficiaryId: params.beneficiaryId, id: params.orderId },
    (b, id) => repo.get(b, id),
    'Ce bon de commande',
  );
}

async function detailOf(deps: QuoteDependencies, order: Order, actor: QuoteActor) {
  return {
    order,
    timeline: await deps.orders.orders.events(order.beneficiaryId, order.id),
    availableActions: availableOrderActions(order, actor),
  };
}

function expand(values: readonly string[] | undefined): OrderStatus[] | undefined {
  if (!values) return undefined;
  return [...new Set(values.flatMap((v) => (v === 'open' ? OPEN_ORDER_STATUSES : [v as OrderStatus])))];
}

function listRoute(deps: QuoteDependencies): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/orders',
      operationId: 'listOrders',
      summary: 'Bons de commande visibles par l’appelant, filtrés et paginés, les plus récents d’abord',
      tag: 'Commandes',
      query: orderListQuery,
      response: orderPage,
      errors: [400, 403, 404],
    },
    async (caller, { query }) =>
      listOpenOrVisible(deps.orders.orders.container, deps.orders.orders.openView, readScope(caller), {
        type: 'order',
        statuses: expand(query.status),
        beneficiaryId: query.beneficiary,
        orderBy: [{ field: 'issuedAt', direction: 'desc' }],
        limit: query.limit,
        continuationToken: query.continuationToken,
      }),
  );
}

function getRoute(deps: QuoteDependencies): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:beneficiaryId/:orderId',
      operationId: 'getOrder',
      summary: 'Un bon de commande, ses lignes, ses étapes et les actions permises à l’appelant',
      tag: 'Commandes',
      params: orderPath,
      response: orderDetail,
      errors: [403, 404],
    },
    async (caller, { params }) => {
      const order = await readOrder(deps, caller, params);
      return detailOf(deps, order, await quoteActorOf(caller, deps.directory));
    },
  );
}

function actRoute(deps: QuoteDependencies): ApiRoute {
  return bearerRoute(
    {
      method: 'post',
      path: '/api/v1/orders/:beneficiaryId/:orderId/actions',
      operationId: 'actOnOrder',
      summary:
        'Fait avancer le bon de commande : accusé de réception, démarrage, livraison, service fait, ' +
        'refus de livraison, facturation, paiement, annulation',
      tag: 'Commandes',
      params: orderPath,
      body: orderActionBody,
      idempotencyKey: true,
      response: orderDetail,
      errors: [400, 403, 404, 409, 412],
    },
    async (caller, { params, body, req }) => {
      await readOrder(deps, caller, params, true);
      const actor = await quoteActorOf(caller, deps.directory);
      const key = callerIdempotencyKey(req, caller);
      const order = await deps.orders.act({
        beneficiaryId: params.beneficiaryId,
        orderId: params.orderId,
        action: body as OrderAction,
        actor,
        ...(key ? { idempotencyKey: key } : {}),
      });
      return detailOf(deps, order, actor);
    },
  );
}

function pdfRoute(deps: QuoteDependencies, parties: DocumentParties): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/orders/:beneficiaryId/:orderId/pdf',
      operationId: 'getOrderPdf',
      summary: 'Le bon de commande imprimable (PDF)',
      tag: 'Commandes',
      params: orderPath,
      response: pdfResponse,
      errors: [403, 404],
    },
    async (caller, { params }) => {
      const order = await readOrder(deps, caller, params);
      return new PdfResponse(await renderOrderPdf(order, parties), `${order.number}.pdf`);
    },
  );
}
