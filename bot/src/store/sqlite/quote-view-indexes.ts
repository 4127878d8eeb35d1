/**
 * The SQL of migration 0008: indexes of the quote and order views of the `views` container.
 *
 * Frozen with the migrations once released (see list-indexes.ts for how these expressions must
 * match the query builder's).
 */

/** Statements of migration `0008-quote-view-indexes`. */
export const QUOTE_VIEW_INDEX_STATEMENTS: readonly string[] = [];
