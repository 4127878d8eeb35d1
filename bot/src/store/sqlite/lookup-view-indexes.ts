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
 * Frozen with the migrations once released (`orderColumns` is a copy of list-indexes.ts's, so that
 * a later change there cannot change what this migration created). Partial on the view's partition,
 * which the queries bind (see view-indexes.ts). The beneficiary directory needs none: it holds a
 * row per beneficiary, a few hundred, read whole by its tenant condition (an array membership,
 * which no index serves).
 */

/** The sort key columns of one ascending order, as the query builder writes them. */
function orderColumns(field: string): string {
  const path = `'$.${field}'`;
  const rank =
    `CASE json_type(body, ${path}) WHEN 'null' THEN 1 WHEN 'false' THEN 2 WHEN 'true' THEN 3 ` +
    `WHEN 'integer' THEN 4 WHEN 'real' THEN 4 WHEN 'text' THEN 5 WHEN 'array' THEN 6 ` +
    `WHEN 'object' THEN 7 ELSE 0 END`;
  const value =
    `CASE WHEN json_type(body, ${path}) IN ('integer', 'real', 'text', 'array', 'object') ` +
    `THEN json_extract(body, ${path}) ELSE 0 END`;
  return `${rank} ASC, ${value} ASC, id`;
}

/** An index of view `view` looked up by `field`. */
function lookupIndex(name: string, view: string, field: string): string {
  return (
    `CREATE INDEX ${name} ON documents (container, pk, json_extract(body, '$.${field}'), ` +
    `${orderColumns(field)}) WHERE container = 'views' AND pk = '${view}';`
  );
}

/** Statements of migration `0009-lookup-view-indexes`. */
export const LOOKUP_VIEW_INDEX_STATEMENTS: readonly string[] = [
  lookupIndex('views_numbers', 'numbers', 'number'),
  lookupIndex('views_people', 'people', 'personId'),
];
