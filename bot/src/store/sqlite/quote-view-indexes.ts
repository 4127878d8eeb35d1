/**
 * The SQL of migration 0008: indexes of the quote and order views of the `views` container, one per
 * query sent to them, so that each walks an index in its ORDER BY order and stops after its page.
 *
 * Frozen with the migrations once released (see list-indexes.ts for how these expressions must
 * match the query builder's). The sort key columns come from list-indexes.ts's `orderColumns`,
 * frozen since migration 0005, so no later change can alter what this migration created.
 * `tests/store/sqlite/quote-view-query-plans.test.ts` checks with EXPLAIN QUERY PLAN that every
 * query of these views walks one of them, and that each one serves one.
 *
 * Every index is partial on its view's partition and on a `status`: the queries bind the partition
 * (SQLite proves `pk = 'open-quotes'` from the value bound) and always name the statuses they want,
 * which proves `status IS NOT NULL`. So business documents never enter these indexes, nor do the
 * tombstones rows leave behind (they keep no status) while they wait for their purge.
 *
 * The migration also drops migration 0004's indexes: the quote watch no longer queries `business`,
 * and the rows of the open-quote view (which carry a `dueDate` too) would have doubled their cost.
 */

import { type Direction, orderColumns } from './list-indexes';

const STATUS = "json_extract(body, '$.status')";

/** One index of `view`: keyed by status first when `byStatus`, then in the order of `field`. */
function viewIndex(
  name: string,
  view: string,
  field: string,
  direction: Direction,
  byStatus = false,
): string {
  const keys = `container, pk, ${byStatus ? `${STATUS}, ` : ''}${orderColumns(field, direction)}`;
  return `CREATE INDEX ${name} ON view_documents (${keys}) WHERE pk = '${view}' AND ${STATUS} IS NOT NULL;`;
}

/** Statements of migration `0008-quote-view-indexes`. */
export const QUOTE_VIEW_INDEX_STATEMENTS: readonly string[] = [
  // The quote watch: unanswered quotes of one status by due date, sent ones by their sending.
  viewIndex('views_open_quotes_status_by_due', 'open-quotes', 'dueDate', 'ASC', true),
  viewIndex('views_open_quotes_status_by_updated', 'open-quotes', 'updatedAt', 'ASC', true),
  // Staff lists of open quotes (API, Teams): newest first, nearest due date first.
  viewIndex('views_open_quotes_by_created', 'open-quotes', 'createdAt', 'DESC'),
  viewIndex('views_open_quotes_by_due', 'open-quotes', 'dueDate', 'ASC'),
  // Staff lists of orders under way: newest first (API), oldest first (Teams).
  viewIndex('views_open_orders_by_issued_desc', 'open-orders', 'issuedAt', 'DESC'),
  viewIndex('views_open_orders_by_issued', 'open-orders', 'issuedAt', 'ASC'),
  'DROP INDEX IF EXISTS documents_quote_due;',
  'DROP INDEX IF EXISTS documents_quote_sent;',
];
