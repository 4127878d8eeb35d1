/**
 * Removes the tombstones of the views once they have served. A tombstone exists only to make a
 * refresher that read the row before the source left the view lose its write (see `view-refresher.ts`);
 * a refresh takes seconds, so after an hour nobody holds such a read any more, and the row can go.
 * A refresher that finds it gone later starts from "no row", which is right for a source out of the view.
 */
import { NotFoundError, PreconditionFailedError } from '../../domain/errors';
import type { Container } from '../port';
import { PROJECTIONS, type Projection } from './view-projections';
import { VIEW_ROW_TYPE, type ViewRow } from './view-row';

/** How long a tombstone stays, on the wall clock. */
export const TOMBSTONE_TTL_MS = 60 * 60_000;

/** Tombstones removed per call at most: the purge rides on frequent sweeps, it needs no more. */
export const TOMBSTONE_PURGE_MAX = 100;

export interface TombstonePurgeOptions {
  projections?: readonly Projection[];
  /** The clock tombstones were dated with (`withViews`' wall clock). */
  wallClock?: () => Date;
  max?: number;
}

/**
 * Deletes tombstones older than `TOMBSTONE_TTL_MS`, view by view, each on the ETag it was read with
 * (one a refresher brought back meanwhile stays); returns how many went.
 */
export async function purgeTombstones(
  views: Container<ViewRow>,
  options: TombstonePurgeOptions = {},
): Promise<number> {
  const max = options.max ?? TOMBSTONE_PURGE_MAX;
  const now = (options.wallClock ?? (() => new Date()))();
  const before = new Date(now.getTime() - TOMBSTONE_TTL_MS).toISOString();
  let purged = 0;
  for (const view of new Set((options.projections ?? PROJECTIONS).map((p) => p.view))) {
    if (purged >= max) break;
    const page = await views.query({
      pk: view,
      filters: [
        { field: 'type', op: 'eq', value: VIEW_ROW_TYPE },
        { field: 'removedAt', op: 'lt', value: before },
      ],
      limit: max - purged,
    });
    for (const row of page.items) {
      try {
        if (await views.delete(row.pk, row.id, { ifMatch: row._etag })) purged++;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError || err instanceof NotFoundError)) throw err;
      }
    }
  }
  return purged;
}
