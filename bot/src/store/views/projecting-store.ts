/**
 * Keeps the `views` container in step with `business` and the registries, whatever adapter and
 * whatever caller writes.
 *
 * Every write that changes a projected document (a ticket, a quote, an order, a beneficiary, a
 * registry entry), queues an outbox message or leaves a follow-up (`deferred-write.ts`) goes
 * through the same three steps:
 * 1. the agenda announces work in the partition (before the commit: see `agenda.ts`);
 * 2. the write commits, with a view-sync marker per projected document in the same atomic batch;
 * 3. the views are refreshed and the markers removed at once. A failure there (or a crash) loses
 *    nothing: the marker and the agenda entry stay, and the next visit of the partition finishes it.
 *
 * Writes of any other document, and every read, go straight to the adapter.
 */
import { NotFoundError } from '../../domain/errors';
import { DEFERRED_WRITE_TYPE } from '../deferred-write';
import type { BatchOperation, Container, Doc, Page, QuerySpec, Store, Stored, WriteOptions } from '../port';
import { Agenda, type AgendaEntry } from './agenda';
import {
  PROJECTIONS,
  projectedTypes,
  projectionsFrom,
  type ProjectedContainer,
  type Projection,
} from './view-projections';
import { ViewRefresher } from './view-refresher';
import type { ViewRow } from './view-row';
import { viewSync, type ViewSource } from './view-sync';

/** What the `business` container of a store with views may be asked besides the port. */
export interface ViewsOptions {
  projections?: readonly Projection[];
  /** Wall clock of touches, tombstones and markers (tests). */
  wallClock?: () => Date;
}

/**
 * A message the sender must find: a new one, or one put back to wait. Recording a delivery or giving
 * a message up leaves nothing to find, and a claim is written by a visit of the partition, which
 * settles the entry on the claim's end itself: neither touches the agenda (a write less for each).
 */
function isPendingMessage(doc: Doc): boolean {
  return doc.type === 'outbox' && doc.status === 'pending' && doc.leasedBy === undefined;
}

class ProjectingContainer implements Container<Doc> {
  private readonly projected: Set<string>;

  constructor(
    private readonly name: ProjectedContainer,
    private readonly inner: Container<Doc>,
    private readonly agenda: Agenda,
    private readonly refresher: ViewRefresher,
    projections: readonly Projection[],
    private readonly wallClock: () => Date,
  ) {
    this.projected = projectedTypes(projectionsFrom(name, projections));
  }

  read(pk: string, id: string): Promise<Stored<Doc> | undefined> {
    return this.inner.read(pk, id);
  }

  query(spec: QuerySpec): Promise<Page<Stored<Doc>>> {
    return this.inner.query(spec);
  }

  async create(doc: Doc): Promise<Stored<Doc>> {
    return this.single(doc, { op: 'create', doc }, () => this.inner.create(doc));
  }

  async replace(doc: Doc, options?: WriteOptions): Promise<Stored<Doc>> {
    const op: BatchOperation<Doc> = {
      op: 'replace',
      doc,
      ...(options?.ifMatch ? { ifMatch: options.ifMatch } : {}),
    };
    return this.single(doc, op, () => this.inner.replace(doc, options));
  }

  async upsert(doc: Doc, options?: WriteOptions): Promise<Stored<Doc>> {
    // A batch upsert takes no ETag: a guarded upsert of a projected document is a guarded replace.
    const op: BatchOperation<Doc> = options?.ifMatch
      ? { op: 'replace', doc, ifMatch: options.ifMatch }
      : { op: 'upsert', doc };
    return this.single(doc, op, () => this.inner.upsert(doc, options));
  }

  async delete(pk: string, id: string, options?: WriteOptions): Promise<boolean> {
    const current = await this.inner.read(pk, id);
    if (!current || !this.watched(current)) return this.inner.delete(pk, id, options);
    try {
      await this.batch(pk, [{ op: 'delete', id, ...(options?.ifMatch ? { ifMatch: options.ifMatch } : {}) }]);
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  async batch(pk: string, operations: BatchOperation<Doc>[]): Promise<void> {
    const { sources, outbox } = await this.sourcesOf(pk, operations);
    if (sources.length === 0 && !outbox) return this.inner.batch(pk, operations);
    await this.agenda.touch(pk, this.name);
    if (sources.length === 0) return this.inner.batch(pk, operations);
    const marker = viewSync(pk, sources, this.wallClock().toISOString());
    await this.inner.batch(pk, [...operations, { op: 'create', doc: marker }]);
    try {
      await this.refresher.settle(marker);
    } catch {
      // Committed: the marker and the agenda entry stay, and the next visit refreshes the views.
    }
  }

  /** A single write of a watched document goes through `batch`, then reads the result back. */
  private async single(doc: Doc, op: BatchOperation<Doc>, direct: () => Promise<Stored<Doc>>) {
    if (!this.watched(doc)) return direct();
    await this.batch(doc.pk, [op]);
    const stored = await this.inner.read(doc.pk, doc.id);
    if (!stored) throw new NotFoundError('Ce document');
    return stored;
  }

  private watched(doc: Doc): boolean {
    return this.isMessage(doc) || this.projected.has(doc.type as string);
  }

  /** Work a visit of the partition must find: a pending message (in `business`), a follow-up. */
  private isMessage(doc: Doc): boolean {
    return (this.name === 'business' && isPendingMessage(doc)) || doc.type === DEFERRED_WRITE_TYPE;
  }

  private async sourcesOf(pk: string, operations: readonly BatchOperation<Doc>[]) {
    const sources: ViewSource[] = [];
    let outbox = false;
    for (const op of operations) {
      if (op.op === 'delete') {
        const gone = await this.inner.read(pk, op.id);
        if (gone && this.projected.has(gone.type as string)) sources.push({ id: op.id });
        continue;
      }
      if (this.isMessage(op.doc)) outbox = true;
      else if (this.projected.has(op.doc.type as string))
        sources.push({ id: op.doc.id, type: op.doc.type as string });
    }
    return { sources, outbox };
  }
}

/** The adapter behind each store `withViews` returned. */
const adapters = new WeakMap<Store, Store>();

/**
 * The adapter under a store with views: its writes reach `business` without touching the views or
 * the agenda. For tests that play a crash or an older Guichet; the service never writes through it.
 */
export function adapterOf(store: Store): Store {
  return adapters.get(store) ?? store;
}

/** The containers whose writes feed views or the agenda. */
const PROJECTED_CONTAINERS: readonly ProjectedContainer[] = ['business', 'beneficiaries', 'staff'];

/**
 * The store with its views kept: writes to `business` and the registries feed the views and the
 * agenda. Other containers, and everything else about the store (its kind, its file, ping, close),
 * are the adapter's own.
 */
export function withViews<S extends Store>(inner: S, options: ViewsOptions = {}): S {
  const projections = options.projections ?? PROJECTIONS;
  const wallClock = options.wallClock ?? (() => new Date());
  const views = inner.container<ViewRow>('views');
  const agenda = new Agenda(inner.container<AgendaEntry>('views'), wallClock);
  const projecting = new Map<string, ProjectingContainer>();
  for (const name of PROJECTED_CONTAINERS) {
    const source = inner.container(name);
    const refresher = new ViewRefresher(source, views, projections, wallClock, name);
    projecting.set(name, new ProjectingContainer(name, source, agenda, refresher, projections, wallClock));
  }
  const container = (<T extends Doc>(name: Parameters<Store['container']>[0]) =>
    projecting.get(name) ?? inner.container<T>(name)) as Store['container'];
  // Everything but `container` is the adapter's, run on the adapter itself (so `close` closes it).
  const store = new Proxy(inner, {
    get(target, property) {
      if (property === 'container') return container;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  adapters.set(store, inner);
  return store;
}
