/**
 * The SQL of migrations 0005 and 0006: indexes in the orders the API lists tickets, quotes and
 * orders in, so that a list walks one index in its ORDER BY order and stops after the page instead
 * of sorting every matching document (issue 6: the cost follows the page, not the table).
 *
 * Frozen with the migrations: what they create must never change once released, even if the query
 * builder does. Its expressions are copies of what `sqlite-query.ts` writes for a sort key (the JSON type
 * rank, then the value, then `id` ascending) because SQLite only uses an expression index whose
 * expressions match the query's; `tests/store/sqlite/list-query-plans.test.ts` checks with EXPLAIN
 * QUERY PLAN that every list still walks one of them.
 *
 * Every index is partial on the document type (`type = 'ticket'`…): the lists bind the type as a
 * parameter and SQLite, which re-prepares a statement for the values bound, proves the index's
 * condition from it, so events, outbox messages and the other types cost these indexes nothing.
 * Open tickets are written as "neither resolved nor closed" (two `<>` terms) for the same reason: a
 * list of bound statuses (`IN (?, ?, ?, ?)`) never proves a partial index's condition.
 */

/** The direction of one sort key. */
export type Direction = 'ASC' | 'DESC';

/**
 * The sort key columns of one order, as the query builder writes them. Migrations 0005 to 0009 all
 * create their indexes from it, so it is frozen with them: changing it would change what a released
 * migration creates. If the query builder ever writes a sort key differently, a new migration needs
 * its own function, this one stays.
 */
export function orderColumns(field: string, direction: Direction): string {
  const path = `'$.${field}'`;
  const rank =
    `CASE json_type(body, ${path}) WHEN 'null' THEN 1 WHEN 'false' THEN 2 WHEN 'true' THEN 3 ` +
    `WHEN 'integer' THEN 4 WHEN 'real' THEN 4 WHEN 'text' THEN 5 WHEN 'array' THEN 6 ` +
    `WHEN 'object' THEN 7 ELSE 0 END`;
  const value =
    `CASE WHEN json_type(body, ${path}) IN ('integer', 'real', 'text', 'array', 'object') ` +
    `THEN json_extract(body, ${path}) ELSE 0 END`;
  return `${rank} ${direction}, ${value} ${direction}, id`;
}

const STATUS = "json_extract(body, '$.status')";
const ofType = (type: string): string => `json_extract(body, '$.type') = '${type}'`;
const OPEN_TICKET = `${ofType('ticket')} AND ${STATUS} <> 'resolved' AND ${STATUS} <> 'closed'`;

/** The ticket list's orders (`ticket-listing.ts`): recent, updated, urgent. */
const TICKET_ORDERS: readonly [name: string, field: string, direction: Direction][] = [
  ['received', 'receivedAt', 'DESC'],
  ['updated', 'updatedAt', 'DESC'],
  ['first_response_due', 'firstResponseDueAt', 'ASC'],
];

/**
 * For each order, the three status shapes of a ticket list (any status, one status, the open ones),
 * across partitions (Titulaire, CANUT) and within one (a beneficiary's users). Severity is not a key
 * here: it is checked while walking, every severity being common enough among all tickets for a
 * page to come quickly (open tickets of one severity have their own indexes, migration 0006).
 */
function ticketIndexes(): string[] {
  const out: string[] = [];
  for (const [name, field, direction] of TICKET_ORDERS) {
    const order = orderColumns(field, direction);
    for (const [scope, partition] of [
      ['tickets', ''],
      ['partition_tickets', 'pk, '],
    ] as const) {
      out.push(
        `CREATE INDEX documents_${scope}_by_${name} ON documents (container, ${partition}${order}) ` +
          `WHERE ${ofType('ticket')};`,
        `CREATE INDEX documents_${scope}_status_by_${name} ON documents ` +
          `(container, ${partition}${STATUS}, ${order}) WHERE ${ofType('ticket')};`,
        `CREATE INDEX documents_open_${scope}_by_${name} ON documents (container, ${partition}${order}) ` +
          `WHERE ${OPEN_TICKET};`,
      );
    }
  }
  return out;
}

/**
 * Staff lists of quotes (recent, due) and orders (recent) across partitions. A beneficiary holds few
 * of them, so its own lists sort its partition; their status filters are checked while walking.
 */
const QUOTE_AND_ORDER_INDEXES = [
  `CREATE INDEX documents_quotes_by_created ON documents (container, ${orderColumns('createdAt', 'DESC')}) ` +
    `WHERE ${ofType('quote')};`,
  `CREATE INDEX documents_quotes_by_due ON documents (container, ${orderColumns('dueDate', 'ASC')}) ` +
    `WHERE ${ofType('quote')};`,
  `CREATE INDEX documents_orders_by_issued ON documents (container, ${orderColumns('issuedAt', 'DESC')}) ` +
    `WHERE ${ofType('order')};`,
];

/**
 * Migration 0006: open tickets of one severity, in each order, across partitions and within one —
 * the dashboard's counts (`status=open&severity=s`). Walking the open tickets and checking the
 * severity on the way reads about twenty rows per match for severity 1; keyed by severity, the walk
 * reads the page. Cheap in production: only open tickets are in them.
 */
function openSeverityIndexes(): string[] {
  const severity = "json_extract(body, '$.severity')";
  return TICKET_ORDERS.flatMap(([name, field, direction]) =>
    [
      ['tickets', ''],
      ['partition_tickets', 'pk, '],
    ].map(
      ([scope, partition]) =>
        `CREATE INDEX documents_open_${scope}_severity_by_${name} ON documents ` +
        `(container, ${partition}${severity}, ${orderColumns(field, direction)}) WHERE ${OPEN_TICKET};`,
    ),
  );
}

/** Migration 0006's statements. */
export const OPEN_SEVERITY_INDEX_STATEMENTS: readonly string[] = openSeverityIndexes();

/** Migration 0005's statements, one `CREATE INDEX` each. */
export const LIST_INDEX_STATEMENTS: readonly string[] = [...ticketIndexes(), ...QUOTE_AND_ORDER_INDEXES];
