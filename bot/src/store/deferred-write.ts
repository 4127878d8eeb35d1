/**
 * A write that must follow a change made in another container (e.g. the audit event, in the
 * beneficiary's `business` partition, of a change to the registry). No batch spans two containers,
 * so the follow-up is recorded in the change's own batch, as a document of the change's partition,
 * then applied at once. A crash (or a failure) in between loses nothing: the partition is on the
 * agenda (every batch holding one touches it first, see `views/projecting-store.ts`) and the next
 * visit applies what is left. Applying twice writes once: the target is created under its own id.
 */
import { ConflictError, NotFoundError } from '../domain/errors';
import { finishLeftovers } from './leftovers';
import type { ContainerName, Doc, Store } from './port';

/** `type` of a follow-up waiting in its partition. */
export const DEFERRED_WRITE_TYPE = 'deferred-write';

export interface DeferredWrite extends Doc {
  type: typeof DEFERRED_WRITE_TYPE;
  /** Where the follow-up goes, and the document it creates there. */
  target: { container: ContainerName; doc: Doc };
  /** When the change was committed (ISO-8601 UTC). */
  at: string;
}

/** The follow-up, kept in partition `pk`, that creates `doc` in `container`. */
export function deferredWrite(pk: string, container: ContainerName, doc: Doc, at: string): DeferredWrite {
  return {
    id: `deferred:${container}:${doc.pk}:${doc.id}`,
    pk,
    type: DEFERRED_WRITE_TYPE,
    target: { container, doc },
    at,
  };
}

/** Applies one follow-up kept in `source`, then removes it. */
export async function applyDeferredWrite(
  store: Store,
  source: ContainerName,
  deferred: DeferredWrite,
): Promise<void> {
  const { container, doc } = deferred.target;
  try {
    await store.container(container).create(doc);
  } catch (err) {
    // Already there: an earlier attempt got that far.
    if (!(err instanceof ConflictError)) throw err;
  }
  try {
    // Only spares a second attempt, which would change nothing: no need to wait for the disk.
    await store.container(source).delete(deferred.pk, deferred.id, { durable: false });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
}

/** Applies the follow-ups left in partition `pk` of `source`; returns how many are still left. */
export function applyDeferredWrites(store: Store, source: ContainerName, pk: string): Promise<number> {
  return finishLeftovers<DeferredWrite>(store.container(source), pk, DEFERRED_WRITE_TYPE, (deferred) =>
    applyDeferredWrite(store, source, deferred),
  );
}
