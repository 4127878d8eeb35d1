/**
 * A row of a view: a copy of the fields of one `business` document that a cross-beneficiary reader
 * needs, stored in the view's own partition of the `views` container, so that staff lists and
 * background jobs read one partition instead of every beneficiary's.
 *
 * A row keeps the fields of its source as they are (same names, same values), so a reader gets the
 * source document back with `sourceOf`. A source that leaves the view (a ticket resolved) leaves a
 * tombstone, not nothing: the tombstone's ETag is what keeps a slower writer, who read the source
 * before it changed, from bringing the row back (see `view-refresher.ts`).
 */
import type { Doc, Stored } from '../port';

/** `type` of every view row. */
export const VIEW_ROW_TYPE = 'view-row';

/** Fields a row adds to the copied source fields. */
export interface ViewRowMeta {
  /** `${sourcePk}:${sourceId}`: one row per source document and view. */
  id: string;
  /** The view's partition, e.g. `open-tickets`. */
  pk: string;
  type: typeof VIEW_ROW_TYPE;
  sourcePk: string;
  sourceId: string;
  sourceType: string;
  /** Set on a tombstone: the source left the view at this instant. */
  removedAt?: string;
}

export type ViewRow = ViewRowMeta & Record<string, unknown>;

/** The id of the row of source `sourceId` of partition `sourcePk` (ids are unique per partition only). */
export function viewRowId(sourcePk: string, sourceId: string): string {
  return `${sourcePk}:${sourceId}`;
}

/** The row of `view` for `source`, carrying the fields the projection kept. */
export function viewRow(
  view: string,
  source: Doc & { type: string },
  fields: Record<string, unknown>,
): ViewRow {
  return {
    ...fields,
    id: viewRowId(source.pk, source.id),
    pk: view,
    type: VIEW_ROW_TYPE,
    sourcePk: source.pk,
    sourceId: source.id,
    sourceType: source.type,
  };
}

/** The tombstone that replaces `row` once its source left the view. */
export function tombstoneOf(row: ViewRow, at: string): ViewRow {
  const { id, pk, type, sourcePk, sourceId, sourceType } = row;
  return { id, pk, type, sourcePk, sourceId, sourceType, removedAt: at };
}

/** The source document a row was copied from (without the source's ETag, which the row does not keep). */
export function sourceOf<T extends Doc>(row: Stored<ViewRow> | ViewRow): T {
  const { id: _id, pk: _pk, type: _type, sourcePk, sourceId, sourceType, removedAt: _r, ...fields } = row;
  const { _etag: _e, _ts: _t, ...rest } = fields as Record<string, unknown>;
  return { ...rest, id: sourceId, pk: sourcePk, type: sourceType } as unknown as T;
}
