/**
 * Lists of tickets, quotes and orders scoped by the caller: a beneficiary's user only ever queries
 * its own partitions (the partition key is in every query, so a bug in a route guard still cannot
 * read another beneficiary's documents); Titulaire and CANUT staff query across partitions, or read
 * a view's single partition when one holds the whole list (`listFromView`). A groupement's user
 * reads its beneficiaries one partition after the other, the continuation token saying which
 * partition the page stopped in and the store's token within it.
 *
 * A token names where it was made — a partition (`b`), a view (`v`), or neither for a list across
 * partitions — and a list refuses a token made elsewhere, instead of reading from the start.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Container, Doc, Filter, OrderBy, Page, Stored } from '../store/port';
import { canRead, type ReadScope } from './api-caller';

/** What a list asks for, once parsed. */
export interface DocumentFilters {
  /** `type` of the documents: `ticket`, `quote` or `order`. */
  readonly type: string;
  readonly statuses?: readonly string[];
  /** Further conditions of one kind of list (e.g. severities for tickets). */
  readonly filters?: readonly Filter[];
  readonly beneficiaryId?: string;
  readonly orderBy: OrderBy[];
  readonly limit: number;
  readonly continuationToken?: string;
}

/** A view that holds the whole of some staff lists, in one partition of the `views` container. */
export interface StaffListView<T extends Doc> {
  /** Written in the view's continuation tokens, so that a token of another list is refused. */
  readonly name: string;
  /** One page of the view's documents meeting `filters` (the list's own, without `type`). */
  page(query: {
    filters: readonly Filter[];
    orderBy: OrderBy[];
    limit: number;
    continuationToken?: string;
  }): Promise<Page<T>>;
}

interface Cursor {
  /** Partition the previous page stopped in (absent for a cross-partition list). */
  b?: string;
  /** View the previous page was read from (see `listFromView`). */
  v?: string;
  /** The store's token within that partition (absent: start of the partition). */
  t?: string;
}

// Strict: a store's own token, or any other JSON, is refused rather than read as "from the start".
const cursorSchema = z
  .object({ b: z.string().optional(), v: z.string().optional(), t: z.string().optional() })
  .strict();

type QueryBase = { filters: Filter[]; orderBy: OrderBy[] };

/** One page of the documents of `f.type` the scope lets the caller see. */
export async function listVisible<T extends Doc>(
  container: Container<T>,
  scope: ReadScope,
  f: DocumentFilters,
): Promise<Page<Stored<T>>> {
  const filters: Filter[] = [{ field: 'type', op: 'eq', value: f.type }, ...conditionsOf(f)];
  const base: QueryBase = { filters, orderBy: f.orderBy };
  const cursor = f.continuationToken === undefined ? undefined : decodeCursor(f.continuationToken);
  if (cursor?.v !== undefined) throw invalidToken();
  if (scope.kind === 'all' && f.beneficiaryId === undefined) {
    if (cursor?.b !== undefined) throw invalidToken();
    const page = await container.query({
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
  return pageAcross(container, partitionsOf(scope, f.beneficiaryId), base, f.limit, cursor);
}

/**
 * One page of a staff list that `view` holds whole (the caller decides: staff scope, no beneficiary
 * filter, only conditions the view's documents can meet), with tokens that name the view.
 */
export async function listFromView<T extends Doc>(
  view: StaffListView<T>,
  f: Omit<DocumentFilters, 'type'>,
): Promise<Page<T>> {
  const cursor = f.continuationToken === undefined ? undefined : decodeCursor(f.continuationToken);
  if (cursor !== undefined && (cursor.v !== view.name || cursor.b !== undefined)) throw invalidToken();
  const page = await view.page({
    filters: conditionsOf(f),
    orderBy: f.orderBy,
    limit: f.limit,
    ...(cursor?.t ? { continuationToken: cursor.t } : {}),
  });
  return {
    items: page.items,
    ...(page.continuationToken
      ? { continuationToken: encodeCursor({ v: view.name, t: page.continuationToken }) }
      : {}),
  };
}

/** A list's conditions besides the type: its statuses, then its own filters. */
function conditionsOf(f: Omit<DocumentFilters, 'type'>): Filter[] {
  const filters: Filter[] = [];
  if (f.statuses?.length === 1) filters.push({ field: 'status', op: 'eq', value: f.statuses[0]! });
  else if (f.statuses) filters.push({ field: 'status', op: 'in', value: [...f.statuses] });
  return [...filters, ...(f.filters ?? [])];
}

/** The partitions to read; another beneficiary's is "not found", exactly like one that does not exist. */
function partitionsOf(scope: ReadScope, beneficiaryId: string | undefined): readonly string[] {
  if (beneficiaryId !== undefined) {
    if (!canRead(scope, beneficiaryId)) throw new NotFoundError(`Le bénéficiaire ${beneficiaryId}`);
    return [beneficiaryId];
  }
  return scope.kind === 'own' ? scope.beneficiaryIds : [];
}

async function pageAcross<T extends Doc>(
  container: Container<T>,
  partitions: readonly string[],
  base: QueryBase,
  limit: number,
  cursor: Cursor | undefined,
): Promise<Page<Stored<T>>> {
  let index = 0;
  let token: string | undefined;
  if (cursor) {
    index = partitions.indexOf(cursor.b ?? '');
    if (index < 0) throw invalidToken();
    token = cursor.t;
  }
  const items: Stored<T>[] = [];
  for (; index < partitions.length; index++, token = undefined) {
    const pk = partitions[index]!;
    const page = await container.query({
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
