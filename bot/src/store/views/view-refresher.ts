/**
 * Brings the view rows of one document of a source container (`business`, or a registry) up to
 * date with the document as it is stored.
 *
 * No version number is needed, and any number of writers may refresh the same row at once: each one
 * reads the row (its ETag), *then* the source, and writes the row on that ETag. A writer whose read
 * of the source is older than another's write finds the ETag changed, reads both again and retries,
 * so the row that stays is computed from a read made after the last change that was refreshed.
 * A source that leaves a view leaves a tombstone (see `view-row.ts`), so that the "no row yet" state,
 * which has no ETag, only exists before a document's first appearance.
 */
import { isDeepStrictEqual } from 'node:util';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../domain/errors';
import { finishLeftovers } from '../leftovers';
import type { Container, Doc, Stored } from '../port';
import {
  PROJECTIONS,
  projectionsFrom,
  projectionsOf,
  type ProjectedContainer,
  type Projection,
} from './view-projections';
import { tombstoneOf, viewRow, viewRowId, type ViewRow } from './view-row';
import { VIEW_SYNC_TYPE, type ViewSync } from './view-sync';

/** Retries of one row when other writers keep changing it: each retry means one of them succeeded. */
const MAX_ATTEMPTS = 8;

type SourceDoc = Doc & { type: string };

/** Refreshes the view rows fed by one source container. */
export class ViewRefresher {
  private readonly projections: readonly Projection[];

  /** `source` is the container named `sourceName`; only the projections it feeds are refreshed. */
  constructor(
    private readonly source: Container<Doc>,
    private readonly views: Container<ViewRow>,
    projections: readonly Projection[] = PROJECTIONS,
    private readonly wallClock: () => Date = () => new Date(),
    sourceName: ProjectedContainer = 'business',
  ) {
    this.projections = projectionsFrom(sourceName, projections);
  }

  /**
   * Refreshes every view of document `sourceId` of partition `pk`. `sourceType` narrows the views
   * (undefined: all, e.g. after a delete, when the type is gone with the document).
   */
  async refresh(pk: string, sourceId: string, sourceType?: string): Promise<void> {
    const projections =
      sourceType === undefined ? this.projections : projectionsOf(sourceType, this.projections);
    if (projections.length > 0) await this.refreshRows(projections, pk, sourceId);
  }

  /** Refreshes the views of every document a marker names, then removes the marker. */
  async settle(marker: ViewSync): Promise<void> {
    for (const source of marker.sources) await this.refresh(marker.pk, source.id, source.type);
    // The marker only spares a repair: losing its removal to a power cut costs a refresh, no more.
    await this.source.delete(marker.pk, marker.id, { durable: false });
  }

  /**
   * Finishes the refreshes a crash (or a failure after the commit) left in partition `pk`; returns
   * how many markers are left (more than a page, or refreshes that failed again).
   */
  async repair(pk: string): Promise<number> {
    return finishLeftovers<ViewSync>(this.source, pk, VIEW_SYNC_TYPE, (marker) => this.settle(marker));
  }

  /**
   * The compare-and-set loop of a document's rows (see the file comment). Every row is read before
   * the document, which is then read once for all of them; a row lost to another writer goes round
   * again alone.
   */
  private async refreshRows(projections: readonly Projection[], pk: string, sourceId: string) {
    const rowId = viewRowId(pk, sourceId);
    let pending = projections;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const rows = [];
      for (const projection of pending) rows.push(await this.views.read(projection.view, rowId));
      const source = (await this.source.read(pk, sourceId)) as Stored<SourceDoc> | undefined;
      const lost: Projection[] = [];
      for (const [i, projection] of pending.entries()) {
        const fields = source?.type === projection.sourceType ? projection.project(source) : undefined;
        try {
          await this.write(projection, rows[i], source, fields);
        } catch (err) {
          const raced =
            err instanceof PreconditionFailedError ||
            err instanceof ConflictError ||
            err instanceof NotFoundError;
          if (!raced || attempt >= MAX_ATTEMPTS) throw err;
          lost.push(projection);
        }
      }
      pending = lost;
    }
  }

  private async write(
    projection: Projection,
    row: Stored<ViewRow> | undefined,
    source: SourceDoc | undefined,
    fields: Record<string, unknown> | undefined,
  ): Promise<void> {
    if (fields === undefined || source === undefined) {
      if (!row || row.removedAt !== undefined) return;
      await this.views.replace(tombstoneOf(row, this.wallClock().toISOString()), { ifMatch: row._etag });
      return;
    }
    // As stored: fields holding `undefined` are dropped, so the comparison below sees what a read gives.
    const wanted = JSON.parse(JSON.stringify(viewRow(projection.view, source, fields))) as ViewRow;
    if (!row) {
      await this.views.create(wanted);
      return;
    }
    const { _etag, _ts, ...current } = row;
    if (isDeepStrictEqual(current, wanted)) return;
    await this.views.replace(wanted, { ifMatch: _etag });
  }
}
