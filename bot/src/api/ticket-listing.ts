/**
 * Ticket lists scoped by the caller: a beneficiary's user only ever queries its own partitions (the
 * partition key is in every query, so a bug in a route guard still cannot read another
 * beneficiary's tickets); the Titulaire and the CANUT query across partitions.
 *
 * A user whose tenant maps to several beneficiaries (a groupement) reads them one partition after
 * the other: the page's continuation token says which partition it stopped in and the store's own
 * token within it. Results are ordered within each partition.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { TicketStatus } from '../domain/tickets/ticket';
import type { Filter, OrderBy, Page, Stored } from '../store/port';
import type { TicketDoc, TicketRepository } from '../store/ticket-repository';
import { canRead, type ReadScope } from './api-caller';

/** What a ticket list asks for, once parsed. */
export interface TicketFilters {
  readonly statuses?: readonly TicketStatus[];
  readonly severities?: readonly number[];
  readonly beneficiaryId?: string;
  readonly sort: 'recent' | 'urgent';
  readonly limit: number;
  readonly continuationToken?: string;
}

interface Cursor {
  /** Partition the previous page stopped in (absent for a cross-partition list). */
  b?: string;
  /** The store's token within that partition (absent: start of the partition). */
  t?: string;
}

const cursorSchema = z.object({ b: z.string().optional(), t: z.string().optional() });

const ORDER: Record<TicketFilters['sort'], OrderBy[]> = {
  recent: [{ field: 'receivedAt', direction: 'desc' }],
  urgent: [{ field: 'firstResponseDueAt', direction: 'asc' }],
};

type QueryBase = { filters: Filter[]; orderBy: OrderBy[] };

/** One page of the tickets the scope lets the caller see. */
export async function listVisibleTickets(
  repo: TicketRepository,
  scope: ReadScope,
  f: TicketFilters,
): Promise<Page<Stored<TicketDoc>>> {
  const base: QueryBase = { filters: filtersOf(f), orderBy: ORDER[f.sort] };
  const cursor = f.continuationToken === undefined ? undefined : decodeCursor(f.continuationToken);
  if (scope.kind === 'all' && f.beneficiaryId === undefined) {
    if (cursor?.b !== undefined) throw invalidToken();
    const page = await repo.container.query({
      ...base,
      crossPartition: true,
      limit: f.limit,
      continuationToken: cursor?.t,
    });
    return {
      items: page.items,
      ...(page.continuationToken ? { continuationToken: encodeCursor({ t: page.continuationToken }) } : {}),
    };
  }
  return pageAcross(repo, partitionsOf(scope, f.beneficiaryId), base, f.limit, cursor);
}

/** The partitions to read; another beneficiary's is "not found", exactly like one that does not exist. */
function partitionsOf(scope: ReadScope, beneficiaryId: string | undefined): readonly string[] {
  if (beneficiaryId !== undefined) {
    if (!canRead(scope, beneficiaryId)) throw new NotFoundError(`Le bénéficiaire ${beneficiaryId}`);
    return [beneficiaryId];
  }
  return scope.kind === 'own' ? scope.beneficiaryIds : [];
}

async function pageAcross(
  repo: TicketRepository,
  partitions: readonly string[],
  base: QueryBase,
  limit: number,
  cursor: Cursor | undefined,
): Promise<Page<Stored<TicketDoc>>> {
  let index = 0;
  let token: string | undefined;
  if (cursor) {
    index = partitions.indexOf(cursor.b ?? '');
    if (index < 0) throw invalidToken();
    token = cursor.t;
  }
  const items: Stored<TicketDoc>[] = [];
  for (; index < partitions.length; index++, token = undefined) {
    const pk = partitions[index]!;
    const page = await repo.container.query({
      ...base,
      pk,
      limit: limit - items.length,
      continuationToken: token,
    });
    items.push(...page.items);
    if (page.continuationToken)
      return { items, continuationToken: encodeCursor({ b: pk, t: page.continuationToken }) };
    if (items.length === limit) {
      const next = partitions[index + 1];
      return next === undefined ? { items } : { items, continuationToken: encodeCursor({ b: next }) };
    }
  }
  return { items };
}

function filtersOf(f: TicketFilters): Filter[] {
  const filters: Filter[] = [{ field: 'type', op: 'eq', value: 'ticket' }];
  if (f.statuses) filters.push({ field: 'status', op: 'in', value: [...f.statuses] });
  if (f.severities) filters.push({ field: 'severity', op: 'in', value: [...f.severities] });
  return filters;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw invalidToken();
  }
}

function invalidToken(): ValidationError {
  const message = 'Jeton de continuation invalide : relancez la recherche depuis la première page.';
  return new ValidationError(message, [{ path: 'continuationToken', message }]);
}
