/**
 * The SQL of migration 0007: the table of the `views` container (store/views/) and its indexes, so
 * that the agenda and each view's lists walk an index in their order instead of sorting a partition.
 *
 * Frozen with the migrations once released (see list-indexes.ts for how these expressions must
 * match the query builder's). The sort key columns come from list-indexes.ts's `orderColumns`,
 * frozen since migration 0005, so no later change can alter what this migration created.
 * `tests/store/sqlite/list-query-plans.test.ts` checks with EXPLAIN QUERY PLAN that the staff's
 * lists and the due queries use them, and that each one serves a query.
 *
 * Every index is partial on its view's partition (`container = 'views' AND pk = '…'`): the queries
 * bind both, and SQLite proves the condition from the values bound (as list-indexes.ts explains for
 * the type), so `business` documents and the other views cost these indexes nothing. The list
 * indexes also require a status (`json_type(…) = 'text'`), which every status condition of a list
 * implies and tombstones lack: the rows of resolved tickets stay out of them.
 *
 * The due queries (the agenda's entries, the tickets whose next alert has passed, the tombstones
 * old enough to purge) are ranges on an instant rather than walks in order: a walk would go on
 * through every row not due yet looking for a page it cannot fill, whereas the range reads the due
 * rows only and sorts them.
 *
 * What the views now serve, `business` is no longer asked: the SLA watch's due tickets (migration
 * 0003's index) and the staff's open tickets across partitions (six of migrations 0005 and 0006's);
 * those indexes go, so that ticket writes stop paying for them.
 */

import { type Direction, orderColumns } from './list-indexes';

const STATUS = "json_extract(body, '$.status')";
const SEVERITY = "json_extract(body, '$.severity')";
const inView = (view: string): string => `container = 'views' AND pk = '${view}'`;
const LIVE_TICKET = `${inView('open-tickets')} AND json_type(body, '$.status') = 'text'`;

/** The orders of staff's ticket lists (`ticket-listing.ts`) and of the Teams open list. */
const TICKET_ORDERS: readonly [name: string, field: string, direction: Direction][] = [
  ['received', 'receivedAt', 'DESC'],
  ['updated', 'updatedAt', 'DESC'],
  ['first_response_due', 'firstResponseDueAt', 'ASC'],
];

/**
 * For each order, the open tickets' three list shapes: every open one, one status, and (the
 * dashboard's counts) one severity, keyed by it because a rare severity checked while walking
 * would read some twenty rows per match.
 */
function openTicketIndexes(): string[] {
  return TICKET_ORDERS.flatMap(([name, field, direction]) => {
    const order = orderColumns(field, direction);
    return [
      `CREATE INDEX views_open_tickets_by_${name} ON view_documents (container, pk, ${order}) WHERE ${LIVE_TICKET};`,
      `CREATE INDEX views_open_tickets_status_by_${name} ON view_documents ` +
        `(container, pk, ${STATUS}, ${order}) WHERE ${LIVE_TICKET};`,
      `CREATE INDEX views_open_tickets_severity_by_${name} ON view_documents ` +
        `(container, pk, ${SEVERITY}, ${order}) WHERE ${LIVE_TICKET};`,
    ];
  });
}

/**
 * The due queries: the SLA watch's (`nextAlertAt <= ?`), the agenda's (`dueAt <= ?`), and the purge
 * of every view's tombstones (`removedAt < ?`, which only tombstones carry).
 */
const DUE_INDEXES = [
  `CREATE INDEX views_open_tickets_sla_due ON view_documents (container, pk, json_extract(body, '$.nextAlertAt')) ` +
    `WHERE ${inView('open-tickets')} AND json_extract(body, '$.nextAlertAt') IS NOT NULL;`,
  `CREATE INDEX views_agenda_due ON view_documents (container, pk, json_extract(body, '$.dueAt')) ` +
    `WHERE ${inView('agenda')};`,
  `CREATE INDEX views_tombstones ON view_documents (container, pk, json_extract(body, '$.removedAt')) ` +
    `WHERE container = 'views' AND json_extract(body, '$.removedAt') IS NOT NULL;`,
];

/**
 * The views' own table, shaped like `documents`. Every write evaluates the partial-index condition of
 * each index of its table: apart, a business write no longer pays for the views' indexes, nor a view
 * write for the business lists' (measured: with one table, declaring an incident cost a third more).
 */
const VIEWS_TABLE = `
  CREATE TABLE view_documents (
    container TEXT NOT NULL,
    pk        TEXT NOT NULL,
    id        TEXT NOT NULL,
    body      TEXT NOT NULL CHECK (json_valid(body)),
    etag      TEXT NOT NULL,
    ts        TEXT NOT NULL,
    PRIMARY KEY (container, pk, id)
  ) STRICT, WITHOUT ROWID;`;

/** Statements of migration `0007-view-indexes`. */
export const VIEW_INDEX_STATEMENTS: readonly string[] = [
  VIEWS_TABLE,
  ...openTicketIndexes(),
  ...DUE_INDEXES,
  ...[
    'documents_sla_due',
    ...TICKET_ORDERS.flatMap(([name]) => [
      `documents_open_tickets_by_${name}`,
      `documents_open_tickets_severity_by_${name}`,
    ]),
  ].map((index) => `DROP INDEX IF EXISTS ${index};`),
];
