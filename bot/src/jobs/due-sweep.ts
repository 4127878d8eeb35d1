/**
 * The skeleton shared by the watches that act on documents once they fall due (SLA alerts, quote
 * reminders and expiries): periodic sweeps that page through an index-served query — of a view's
 * single partition (`store/views/`), or across partitions — and claim each document with one batch
 * of its partition that replaces it on its ETag together with the outbox messages of the claim.
 *
 * Exactly once rests on that batch: the claim is recorded in the document, so a restart finds it
 * there; two instances race on the ETag and the loser's batch fails whole (412, or 409 on a message
 * id derived from the document and the claim), so it sends nothing and leaves the document to the
 * winner. What the claim is and how message ids are derived stays with each watch.
 */
import type { Logger } from 'pino';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { newOutboxMessage, type OutboxMessage } from '../store/outbox-message';
import type { BatchOperation, Container, Doc, QuerySpec, Store, Stored } from '../store/port';
import { ViewRefresher } from '../store/views/view-refresher';
import type { ViewRow } from '../store/views/view-row';
import { JobRunner } from './job-runner';

/** The counts every due sweep keeps, whatever else it counts. */
export interface DueSweepCounts {
  /** Documents the queries returned. */
  read: number;
  /** Outbox messages queued. */
  messages: number;
  /** Documents another writer changed first (another instance, a user): left to it. */
  lost: number;
  /** Documents with work due held back because nobody can be reached yet. */
  waiting: number;
  /** Documents that could not be handled (store failure): retried next sweep. */
  failed: number;
}

/** The options every due watch takes. */
export interface DueSweepOptions {
  store: Store;
  logger: Logger;
  /** Called after messages were queued, so the outbox sender runs at once. */
  wake?: () => void;
  now?: () => Date;
  /** Documents read per page (default 100, at most 1000). */
  batchSize?: number;
  intervalMs?: number;
}

/** How one watch names itself and what it says in its logs. */
export interface DueSweepLabels {
  /** The job's name in the logs, e.g. `sla-watch`. */
  name: string;
  /** The class, for configuration errors. */
  className: string;
  /** What a sweep is called in the logs, e.g. `SLA` for "SLA sweep". */
  label: string;
  /** The warning of a sweep that held work back for want of a conversation. */
  waitingWarning: string;
  /** Pause between sweeps when the options name none. */
  defaultIntervalMs: number;
}

/** Where a sweep's pages come from: `business`, or the `views` container (see `DueSweep.views`). */
export type PageSource = Pick<Container<Doc>, 'query'>;

/** An outbox message of a claim, before its bookkeeping fields. */
export type ClaimMessage = Pick<OutboxMessage, 'id' | 'target' | 'activity'>;

const DEFAULT_BATCH_SIZE = 100;

/** Replaces `doc` with `changes` on the ETag it was read with: a writer in between fails the batch. */
export function replaceOnEtag<D extends Doc>(doc: Stored<D>, changes: Partial<D>): BatchOperation<Doc> {
  const { _etag, _ts, ...fields }: Stored<Doc> = doc;
  return { op: 'replace', doc: { ...fields, ...changes }, ifMatch: _etag };
}

/** The claim of `doc` with its messages, due at once: one atomic batch of its partition. */
export function claimOps<D extends Doc>(
  doc: Stored<D>,
  changes: Partial<D>,
  messages: readonly ClaimMessage[],
  now: Date,
): BatchOperation<Doc>[] {
  // The outbox sender compares `nextAttemptAt` with `Date#toISOString`: write it the same way.
  const at = now.toISOString();
  return [
    replaceOnEtag(doc, changes),
    ...messages.map((m): BatchOperation<Doc> => ({
      op: 'create',
      doc: newOutboxMessage({ ...m, pk: doc.pk }, at),
    })),
  ];
}

/** A periodic sweep over due documents; each watch says what a sweep does (`sweepAt`). */
export abstract class DueSweep<R extends DueSweepCounts> {
  protected readonly business: Container<Doc>;
  /** The views (`store/views/`): a watch reads its due rows there, then each source in `business`. */
  protected readonly views: Container<Doc>;
  protected readonly log: Logger;
  protected readonly now: () => Date;
  protected readonly batchSize: number;
  private readonly runner: JobRunner;
  private readonly refresher: ViewRefresher;
  private stopping = false;

  protected constructor(
    private readonly sweepOptions: DueSweepOptions,
    private readonly labels: DueSweepLabels,
  ) {
    this.business = sweepOptions.store.container('business');
    this.views = sweepOptions.store.container('views');
    this.refresher = new ViewRefresher(this.business, sweepOptions.store.container<ViewRow>('views'));
    this.log = sweepOptions.logger.child({ job: labels.name });
    this.now = sweepOptions.now ?? (() => new Date());
    this.batchSize = sweepOptions.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 1000) {
      throw new RangeError(`${labels.className}: batchSize must be an integer from 1 to 1000`);
    }
    this.runner = new JobRunner({
      name: labels.name,
      intervalMs: sweepOptions.intervalMs ?? labels.defaultIntervalMs,
      logger: this.log,
      // A sweep goes through every due document itself: nothing is left for an immediate rerun.
      run: async () => {
        await this.sweep();
      },
    });
  }

  /** Starts the periodic sweeps (the first one at once). */
  start(): void {
    this.stopping = false;
    this.runner.start();
  }

  /** Stops sweeping; resolves when the sweep in progress has finished its current page. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.runner.stop();
  }

  /** Asks for a sweep soon. */
  wake(): void {
    this.runner.wake();
  }

  /** One pass at `now` (see `sweepAt`). Never throws. */
  async sweep(now: Date = this.now()): Promise<R> {
    const result = this.emptyResult();
    try {
      await this.sweepAt(now, result);
    } catch (err) {
      this.log.error({ err }, `${this.labels.label} sweep failed`);
    }
    if (result.waiting > 0) this.log.warn({ waiting: result.waiting }, this.labels.waitingWarning);
    if (result.read > 0) this.log.info(result as DueSweepCounts, `${this.labels.label} sweep`);
    return result;
  }

  /** A result with every count at zero. */
  protected abstract emptyResult(): R;

  /** The sweep's work at `now`, counted in `result`; may throw (the sweep logs it). */
  protected abstract sweepAt(now: Date, result: R): Promise<void>;

  /**
   * Hands every document of `first`'s pages to `handle`, waking the sender after a page that queued.
   * `source` is `business` unless told (`this.views` for a view's rows).
   */
  protected async eachPage<T extends Stored<Doc>>(
    first: QuerySpec,
    result: R,
    handle: (doc: T) => Promise<void>,
    source: PageSource = this.business,
  ): Promise<void> {
    let token: string | undefined;
    do {
      const page = await source.query({ ...first, ...(token ? { continuationToken: token } : {}) });
      const queued = result.messages;
      for (const doc of page.items as T[]) {
        result.read++;
        await handle(doc);
      }
      if (result.messages > queued) this.sweepOptions.wake?.();
      token = page.continuationToken;
      // The cursor is a position in the sort keys, so handled documents leaving the range do not make
      // it skip any; a graceful stop ends the sweep between pages.
    } while (token && !this.stopping);
  }

  /** The document a view row was copied from, as stored now: a row may lag behind it, or outlive it. */
  protected async sourceOfRow<D extends Doc>(row: ViewRow): Promise<Stored<D> | undefined> {
    return (await this.business.read(row.sourcePk, row.sourceId)) as Stored<D> | undefined;
  }

  /**
   * Brings a row that led to nothing due back in step with its source (or to a tombstone), so that
   * it stops coming back at every sweep; a row already right is left as it is.
   */
  protected async refreshRow(row: ViewRow): Promise<void> {
    await this.refresher.refresh(row.sourcePk, row.sourceId, row.sourceType);
  }

  /**
   * Runs one document's write; another writer first is "lost", anything else "failed". Never throws.
   * `what` names the write in the logs, `ids` the document.
   */
  protected async guard(
    ids: Record<string, string>,
    result: R,
    what: string,
    write: () => Promise<void>,
  ): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (this.isLostRace(err)) {
        // The batch applied nothing, and the next sweep sees the document as it is now.
        result.lost++;
        this.log.debug({ ...ids, err: (err as Error).name }, `${what} left to another writer`);
        return;
      }
      result.failed++;
      this.log.error({ ...ids, err }, `${what} failed`);
    }
  }

  /** True of a write refused because another writer changed (or removed) the document first. */
  protected isLostRace(err: unknown): boolean {
    return (
      err instanceof PreconditionFailedError || err instanceof ConflictError || err instanceof NotFoundError
    );
  }
}
