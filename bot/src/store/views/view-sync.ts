/**
 * A view-sync marker: "the views of these documents may be stale". It is written in the batch that
 * changes the documents (same partition, so it commits with the change or not at all) and removed
 * once their views are refreshed. A crash after the commit leaves it there, announced by the agenda,
 * for the next visit to finish (`ViewRefresher.repair`). One marker per batch: one more operation,
 * whatever the number of documents.
 */
import { randomUUID } from 'node:crypto';
import type { Doc } from '../port';

/** `type` of the markers in the `business` container. */
export const VIEW_SYNC_TYPE = 'view-sync';

/** A changed document; `type` is absent for a deleted one (its type went with it). */
export interface ViewSource {
  id: string;
  type?: string;
}

export interface ViewSync extends Doc {
  type: typeof VIEW_SYNC_TYPE;
  /** The changed documents, in the same partition. */
  sources: ViewSource[];
  /** When the change was committed (ISO-8601 UTC, wall clock). */
  at: string;
}

/** The marker of a batch changing `sources` in partition `pk`. */
export function viewSync(pk: string, sources: readonly ViewSource[], at: string): ViewSync {
  return { id: `view-sync:${randomUUID()}`, pk, type: VIEW_SYNC_TYPE, sources: [...sources], at };
}
