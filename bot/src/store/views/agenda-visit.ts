/**
 * The background jobs' way into the `business` partitions: walk the agenda's due entries, oldest
 * first, and visit each partition — take its due work, finish the view refreshes a crash left, then
 * settle its entry from what the partition holds afterwards. Every query names its partition.
 *
 * Why the entry is read again before its partition is examined: taking work writes there (a claim is
 * an outbox write) and every such write touches the entry, so the ETag read with the page is stale
 * by then and a settle on it would always lose. The settle is conditioned on a read made *before*
 * the examination instead: a writer that touches the entry after that read changes its ETag, so the
 * settle loses and the entry stays due at once; a writer that touched it before has committed (the
 * examination sees its work) or is still in flight, which the grace covers (see `agenda.ts`).
 */
import { applyDeferredWrites } from '../deferred-write';
import type { Container, Store } from '../port';
import {
  Agenda,
  AGENDA_VIEW,
  type AgendaEntry,
  type RegistryContainer,
  type StoredAgendaEntry,
} from './agenda';
import type { ViewsOptions } from './projecting-store';
import { PROJECTIONS } from './view-projections';
import { ViewRefresher } from './view-refresher';
import type { ViewRow } from './view-row';

/** Agenda entries read per page of the walk. */
const AGENDA_PAGE = 100;

/** What a job does in each due partition. */
export interface PartitionWork<T> {
  /** Takes up to `room` items of the work due in partition `pk` (e.g. claims messages). */
  take(pk: string, room: number): Promise<T[]>;
  /** The earliest instant work is pending in `pk`, read from the store; undefined when none is. */
  nextDueAt(pk: string): Promise<string | undefined>;
}

/** Walks the agenda for a background job. */
export class AgendaVisitor {
  private readonly entries: Container<AgendaEntry>;
  private readonly agenda: Agenda;
  private readonly refreshers: Record<'business' | RegistryContainer, ViewRefresher>;

  /** `options.wallClock` measures the agenda's grace (tests move it; see `Agenda`). */
  constructor(
    private readonly store: Store,
    options: ViewsOptions = {},
  ) {
    const wallClock = options.wallClock ?? (() => new Date());
    this.entries = store.container<AgendaEntry>('views');
    this.agenda = new Agenda(this.entries, wallClock);
    const views = store.container<ViewRow>('views');
    const refresher = (name: 'business' | RegistryContainer) =>
      new ViewRefresher(store.container(name), views, options.projections ?? PROJECTIONS, wallClock, name);
    this.refreshers = {
      business: refresher('business'),
      beneficiaries: refresher('beneficiaries'),
      staff: refresher('staff'),
    };
  }

  /**
   * Visits the partitions due at `now`, oldest first, until `limit` items are taken. The entries
   * left unvisited stay due, and so does a visited one whose partition still has due work.
   */
  async walk<T>(now: Date, limit: number, work: PartitionWork<T>): Promise<T[]> {
    const taken: T[] = [];
    // A settled entry may still be due and come back later in the same walk: one visit is enough.
    const visited = new Set<string>();
    let continuationToken: string | undefined;
    do {
      const page = await this.agenda.due(now, AGENDA_PAGE, continuationToken);
      for (const entry of page.items) {
        if (taken.length >= limit) return taken;
        if (visited.has(entry.id)) continue;
        visited.add(entry.id);
        taken.push(...(await this.visit(entry, now, limit - taken.length, work)));
      }
      continuationToken = page.continuationToken;
    } while (continuationToken && taken.length < limit);
    return taken;
  }

  /** One partition: take, read the entry again, repair, settle (the order matters: file comment). */
  private async visit<T>(
    entry: StoredAgendaEntry,
    now: Date,
    room: number,
    work: PartitionWork<T>,
  ): Promise<T[]> {
    if (entry.container !== undefined) {
      // A registry's partition: view refreshes and follow-ups only, no job's work.
      const partition = entry.partition ?? '';
      const left =
        (await this.refreshers[entry.container].repair(partition)) +
        (await applyDeferredWrites(this.store, entry.container, partition));
      await this.agenda.settle(entry, left > 0 ? now.toISOString() : undefined);
      return [];
    }
    const pk = entry.id;
    const taken = await work.take(pk, room);
    const fresh = await this.entries.read(AGENDA_VIEW, pk);
    // Gone: another visitor found the partition idle past the grace meanwhile; a write brings it back.
    if (!fresh) return taken;
    const left =
      (await this.refreshers.business.repair(pk)) + (await applyDeferredWrites(this.store, 'business', pk));
    const pending = await work.nextDueAt(pk);
    await this.agenda.settle(fresh, earliest(left > 0 ? now.toISOString() : undefined, pending));
    return taken;
  }
}

/** The earlier of two optional ISO instants. */
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
