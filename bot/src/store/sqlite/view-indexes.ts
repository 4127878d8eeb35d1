/**
 * The SQL of migration 0007: indexes of the `views` container (store/views/), so that the agenda and
 * each view's lists walk an index in their order instead of sorting a partition.
 *
 * Frozen with the migrations once released (see list-indexes.ts for how these expressions must
 * match the query builder's).
 */

/** Statements of migration `0007-view-indexes`. */
export const VIEW_INDEX_STATEMENTS: readonly string[] = [];
