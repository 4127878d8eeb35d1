/**
 * The agenda: which `business` partitions have background work pending (outbox messages to send,
 * view rows to refresh) and from when, in one partition of the `views` container. Background jobs
 * read it instead of querying every beneficiary's partition.
 *
 * Why nothing is ever missed although the agenda and the work live in different partitions (no
 * atomic write spans both): a writer touches the entry *before* it commits the work. A crash in
 * between leaves an entry with nothing behind it, which a visit removes; the reverse (work nobody
 * knows of) cannot happen. A visitor removes an entry only on the ETag it read, and only when its
 * last touch is older than `AGENDA_GRACE_MS`: a writer that touched it later changed the ETag, and a
 * writer that touched it earlier has committed (or failed) long before, so the visitor's scan saw it.
 */
import { NotFoundError, PreconditionFailedError } from '../../domain/errors';
import type { Container, Doc, Page, Stored } from '../port';
import { allOf } from '../query-pages';

/** Partition of the agenda in the `views` container. */
export const AGENDA_VIEW = 'agenda';

/**
 * How long after its last touch an entry is kept although its partition shows nothing pending: far
 * longer than any write can take (a batch times out in seconds), plus clock skew between instances.
 */
export const AGENDA_GRACE_MS = 10 * 60_000;

/** `dueAt` of an entry just touched: before any instant, so due whatever clock a job runs on. */
export const DUE_AT_ONCE = '1970-01-01T00:00:00.000Z';

/** A registry container whose writes feed views (its entries only ever hold view refreshes). */
export type RegistryContainer = 'beneficiaries' | 'staff';

/** One partition with work pending. */
export interface AgendaEntry extends Doc {
  /**
   * The `business` partition (a SIRET, or SYSTEM_PARTITION); for a registry's partition,
   * `<container>:<partition>`.
   */
  id: string;
  /** Set for a registry's partition. */
  container?: RegistryContainer;
  /** The registry's partition (set with `container`). */
  partition?: string;
  pk: typeof AGENDA_VIEW;
  type: 'agenda';
  /** Visit the partition from this instant on (ISO-8601 UTC, `Date#toISOString`), in the jobs' clock. */
  dueAt: string;
  /** Last time a writer announced work there, on the wall clock. */
  touchedAt: string;
}

export type StoredAgendaEntry = Stored<AgendaEntry>;

/** Reads and writes the agenda. */
export class Agenda {
  /**
   * `wallClock` dates touches and measures the grace. It is not the jobs' `now`, which tests move
   * freely: the grace protects writes in flight, which happen in real time.
   */
  constructor(
    private readonly views: Container<AgendaEntry>,
    private readonly wallClock: () => Date = () => new Date(),
  ) {}

  /**
   * Announces work in partition `pk` of `container` (default `business`), due at once. Call it
   * before committing the work.
   */
  async touch(pk: string, container: RegistryContainer | 'business' = 'business'): Promise<void> {
    const touchedAt = this.wallClock().toISOString();
    const where =
      container === 'business' ? { id: pk } : { id: `${container}:${pk}`, container, partition: pk };
    await this.views.upsert({ ...where, pk: AGENDA_VIEW, type: 'agenda', dueAt: DUE_AT_ONCE, touchedAt });
  }

  /** Entries due at `now`, the longest-waiting first. */
  async due(now: Date, limit: number, continuationToken?: string): Promise<Page<StoredAgendaEntry>> {
    return this.views.query({
      pk: AGENDA_VIEW,
      filters: [{ field: 'dueAt', op: 'lte', value: now.toISOString() }],
      orderBy: [{ field: 'dueAt', direction: 'asc' }],
      limit,
      ...(continuationToken ? { continuationToken } : {}),
    });
  }

  /** Every entry, due or not (metrics, tests). */
  async all(): Promise<StoredAgendaEntry[]> {
    return allOf(this.views, { pk: AGENDA_VIEW, limit: 1000 });
  }

  /**
   * Records what a visit found in the entry's partition: `nextDueAt`, the earliest instant work is
   * due there, or undefined when nothing is pending. The entry goes once nothing is pending and the
   * grace has passed; otherwise it waits for the next due work, but never beyond the end of the grace:
   * a writer that touched the entry before the visitor read it may still commit work due at once.
   * A lost race (a writer touched the entry meanwhile) leaves the entry as that writer made it.
   */
  async settle(entry: StoredAgendaEntry, nextDueAt: string | undefined): Promise<void> {
    const graceEnd = new Date(Date.parse(entry.touchedAt) + AGENDA_GRACE_MS).toISOString();
    const graceOver = graceEnd <= this.wallClock().toISOString();
    try {
      if (nextDueAt === undefined && graceOver) {
        await this.views.delete(entry.pk, entry.id, { ifMatch: entry._etag });
        return;
      }
      const dueAt = nextDueAt === undefined || (!graceOver && graceEnd < nextDueAt) ? graceEnd : nextDueAt;
      if (dueAt === entry.dueAt) return;
      const { _etag, _ts, ...fields } = entry;
      await this.views.replace({ ...fields, dueAt }, { ifMatch: _etag });
    } catch (err) {
      if (err instanceof PreconditionFailedError || err instanceof NotFoundError) return;
      throw err;
    }
  }
}
