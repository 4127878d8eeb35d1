/**
 * The SQL of migration 0009: indexes of the lookup views of the `views` container (store/views/):
 * a ticket, quote or order by its number (staff), a person's registry entries by person (every
 * request and turn). Each is an equality on one field of one partition that can hold a row per
 * document ever written, so it must seek, not scan the partition.
 *
 * The lookups are sorted on the field they look up, and each index carries that sort key after the
 * field: without statistics SQLite otherwise prefers the primary key, which serves the partition in
 * the store's tie-break order (id) and spares it a sort, and then reads the whole partition.
 * `tests/store/sqlite/lookup-view-query-plans.test.ts` checks the plans.
 *
 * Frozen with the migrations once released (its sort key columns come from list-indexes.ts's
 * `orderColumns`, frozen since migration 0005, so no later change can alter what this migration
 * created). Partial on the view's partition, which the queries bind (see view-indexes.ts). The
 * beneficiary directory needs none: it holds a row per beneficiary, a few hundred, read whole by its
 * tenant condition (an array membership, which no index serves).
 */

import { orderColumns } from './list-indexes';

/** An index of view `view` looked up by `field`. */
function lookupIndex(name: string, view: string, field: string): string {
  return (
    `CREATE INDEX ${name} ON view_documents (container, pk, json_extract(body, '$.${field}'), ` +
    `${orderColumns(field, 'ASC')}) WHERE container = 'views' AND pk = '${view}';`
  );
}

/** Statements of migration `0009-lookup-view-indexes`. */
export const LOOKUP_VIEW_INDEX_STATEMENTS: readonly string[] = [
  lookupIndex('views_numbers', 'numbers', 'number'),
  lookupIndex('views_people', 'people', 'personId'),
];
