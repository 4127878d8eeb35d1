/**
 * Builds the views a store lacks: a store written before a view existed (an older Guichet, or a view
 * added since) has documents the view never heard of. Run at start-up, before the jobs.
 *
 * A record in the `views` container names the views already built; only the missing ones are
 * built, by one pass over their source documents. That pass reads across partitions on purpose: it
 * runs once per view in the life of a store, not per request. It writes through the same
 * compare-and-set refresh as every writer, so instances serving users meanwhile, or a second
 * instance starting at the same time, change nothing it does. The record is written last: a pass
 * cut short (crash, shutdown) starts again at the next start.
 */
import type { Doc, QuerySpec, Store, Stored } from '../port';
import { Agenda, type AgendaEntry } from './agenda';
import { PROJECTIONS, sourceContainerOf, type ProjectedContainer, type Projection } from './view-projections';
import { ViewRefresher } from './view-refresher';
import type { ViewRow } from './view-row';
import { VIEW_SYNC_TYPE } from './view-sync';
import { pagesOf } from '../query-pages';

/** Partition and id of the record of built views. */
export const VIEWS_RECORD = { pk: 'meta', id: 'views-built' } as const;

/** Documents read per page of the pass. */
const PAGE = 500;

interface ViewsRecord extends Doc {
  /** Views built so far. */
  views: string[];
  /** The agenda has been filled from the pending work found then. */
  agenda: boolean;
  builtAt: string;
}

/** What a backfill did. */
export interface ViewsBackfill {
  /** Views built now (empty when the store had them all). */
  built: string[];
  /** Source documents read. */
  read: number;
  /** Partitions put on the agenda for work found pending. */
  partitions: number;
}

/** Every document of one query of `container`, page by page, handed to `each`; returns how many were read. */
async function forEach(
  store: Store,
  container: ProjectedContainer,
  spec: QuerySpec,
  each: (doc: Stored<Doc>) => Promise<void>,
): Promise<number> {
  let read = 0;
  for await (const items of pagesOf(store.container(container), {
    ...spec,
    crossPartition: true,
    limit: PAGE,
  })) {
    for (const doc of items) await each(doc);
    read += items.length;
  }
  return read;
}

/** Refreshes every source document that belongs to one of `missing`; returns how many were read. */
async function buildViews(
  store: Store,
  missing: readonly Projection[],
  all: readonly Projection[],
  wallClock: () => Date,
): Promise<number> {
  let read = 0;
  const views = store.container<ViewRow>('views');
  for (const container of new Set(missing.map(sourceContainerOf))) {
    const refresher = new ViewRefresher(store.container(container), views, all, wallClock, container);
    const fed = missing.filter((p) => sourceContainerOf(p) === container);
    for (const type of new Set(fed.map((p) => p.sourceType))) {
      const feeds = fed.filter((p) => p.sourceType === type);
      const spec: QuerySpec = { filters: [{ field: 'type', op: 'eq', value: type }] };
      read += await forEach(store, container, spec, async (doc) => {
        // A document outside every missing view has no row to write: a fresh view has no stale row.
        const typed = doc as Stored<Doc> & { type: string };
        if (feeds.some((p) => p.project(typed) !== undefined)) await refresher.refresh(doc.pk, doc.id, type);
      });
    }
  }
  return read;
}

/** Puts on the agenda every partition holding pending messages or unfinished refreshes. */
async function fillAgenda(store: Store, agenda: Agenda): Promise<number> {
  const pending = [
    { field: 'type', op: 'eq' as const, value: 'outbox' },
    { field: 'status', op: 'eq' as const, value: 'pending' },
  ];
  const markers: QuerySpec = { filters: [{ field: 'type', op: 'eq', value: VIEW_SYNC_TYPE }] };
  let partitions = 0;
  for (const container of ['business', 'beneficiaries', 'staff'] as const) {
    const found = new Set<string>();
    const note = async (doc: Stored<Doc>) => void found.add(doc.pk);
    if (container === 'business') await forEach(store, container, { filters: pending }, note);
    await forEach(store, container, markers, note);
    for (const pk of found) await agenda.touch(pk, container);
    partitions += found.size;
  }
  return partitions;
}

/** Builds the views and the agenda `store` lacks; cheap (one read) when it has them all. */
export async function ensureViewsBuilt(
  store: Store,
  projections: readonly Projection[] = PROJECTIONS,
  wallClock: () => Date = () => new Date(),
): Promise<ViewsBackfill> {
  const views = store.container<ViewsRecord>('views');
  const record = await views.read(VIEWS_RECORD.pk, VIEWS_RECORD.id);
  const have = new Set(record?.views ?? []);
  const missing = projections.filter((p) => !have.has(p.view));
  if (missing.length === 0 && record?.agenda) return { built: [], read: 0, partitions: 0 };
  const read = await buildViews(store, missing, projections, wallClock);
  const partitions = record?.agenda
    ? 0
    : await fillAgenda(store, new Agenda(store.container<AgendaEntry>('views'), wallClock));
  await views.upsert({
    ...VIEWS_RECORD,
    views: [...new Set([...have, ...projections.map((p) => p.view)])],
    agenda: true,
    builtAt: wallClock().toISOString(),
  });
  return { built: [...new Set(missing.map((p) => p.view))], read, partitions };
}
