/**
 * The ticket resources: list with filters and paging, one ticket with its timeline, actions. A
 * ticket of a beneficiary the caller may not see answers 404 exactly like a ticket that does not
 * exist, and is not even read: its existence never leaks.
 */
import type { Request } from 'restify';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { availableActions } from '../domain/tickets/lifecycle';
import type { Ticket } from '../domain/tickets/ticket';
import type { TicketService } from '../services/ticket-service';
import type { TicketRepository } from '../store/ticket-repository';
import { canRead, readScope, type ApiCaller, type ReadScope } from './api-caller';
import { bearerRoute, type ApiRoute } from './api-route';
import { listVisibleTickets } from './ticket-listing';
import {
  expandStatuses,
  ticketActionBody,
  ticketDetail,
  ticketListQuery,
  ticketPage,
  ticketPath,
} from './ticket-schemas';

/** What the ticket routes read and write through. */
export interface TicketRouteServices {
  readonly tickets: TicketService;
  readonly ticketRepository: TicketRepository;
}

const SANE_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** The /api/v1/tickets routes. */
export function ticketRoutes(services: TicketRouteServices): ApiRoute[] {
  return [listRoute(services.ticketRepository), getRoute(services.ticketRepository), actRoute(services)];
}

function listRoute(ticketRepository: TicketRepository): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/tickets',
      operationId: 'listTickets',
      summary: 'Tickets visibles par l’appelant, filtrés et paginés',
      tag: 'Tickets',
      query: ticketListQuery,
      response: ticketPage,
      errors: [400, 403, 404],
    },
    async (caller, { query }) =>
      listVisibleTickets(ticketRepository, readScope(caller), {
        statuses: expandStatuses(query.status),
        severities: query.severity,
        beneficiaryId: query.beneficiary,
        sort: query.sort,
        limit: query.limit,
        continuationToken: query.continuationToken,
      }),
  );
}

function getRoute(ticketRepository: TicketRepository): ApiRoute {
  return bearerRoute(
    {
      method: 'get',
      path: '/api/v1/tickets/:beneficiaryId/:ticketId',
      operationId: 'getTicket',
      summary: 'Un ticket, sa chronologie et les actions permises à l’appelant',
      tag: 'Tickets',
      params: ticketPath,
      response: ticketDetail,
      errors: [403, 404],
    },
    async (caller, { params }) => {
      const ticket = await readTicket(ticketRepository, readScope(caller), params);
      return detailOf(ticketRepository, ticket, caller);
    },
  );
}

function actRoute({ tickets, ticketRepository }: TicketRouteServices): ApiRoute {
  return bearerRoute(
    {
      method: 'post',
      path: '/api/v1/tickets/:beneficiaryId/:ticketId/actions',
      operationId: 'actOnTicket',
      summary: 'Applique une action au ticket (prise en charge, réponse, résolution, clôture…)',
      tag: 'Tickets',
      params: ticketPath,
      body: ticketActionBody,
      idempotencyKey: true,
      response: ticketDetail,
      errors: [400, 403, 404, 409, 412],
    },
    async (caller, { params, body, req }) => {
      const scope = readScope(caller);
      if (scope.kind === 'all' && scope.readOnly)
        throw new ForbiddenError(
          'Le CANUT consulte Guichet en lecture seule : aucune action ne lui est ouverte.',
        );
      await readTicket(ticketRepository, scope, params);
      const key = idempotencyKey(req);
      const ticket = await tickets.act({
        ...params,
        action: body,
        actor: caller.actor,
        // Scoped to the caller: someone else's key can never replay into this person's action.
        ...(key ? { idempotencyKey: `api:${caller.actor.objectId}:${key}` } : {}),
      });
      return detailOf(ticketRepository, ticket, caller);
    },
  );
}

async function readTicket(
  repo: TicketRepository,
  scope: ReadScope,
  { beneficiaryId, ticketId }: { beneficiaryId: string; ticketId: string },
): Promise<Ticket> {
  const ticket = canRead(scope, beneficiaryId) ? await repo.get(beneficiaryId, ticketId) : undefined;
  if (!ticket) throw new NotFoundError('Ce ticket');
  return ticket;
}

async function detailOf(repo: TicketRepository, ticket: Ticket, caller: ApiCaller) {
  return {
    ticket,
    timeline: await repo.events(ticket.beneficiaryId, ticket.id),
    availableActions: availableActions(ticket, caller.actor),
  };
}

function idempotencyKey(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined || key === '') return undefined;
  if (!SANE_KEY.test(key)) {
    const message = 'Idempotency-Key : 1 à 128 caractères parmi lettres, chiffres, « . _ : - ».';
    throw new ValidationError(message, [{ path: 'Idempotency-Key', message }]);
  }
  return key;
}
