/**
 * What the SLA watch's concurrency tests share: tickets spread over several beneficiaries, written
 * as the ticket service stores them, every document of a type read back across partitions, and a
 * race of two instances for the same tickets, interleaved the same way at every run.
 */
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { readAll } from '../../bot/src/reports/report-queries';
import type { BatchOperation, Container, Doc, Store, Stored } from '../../bot/src/store/port';
import { aBeneficiary, aTicket, anAgent, anIncidentForm } from '../domain/tickets/factories';

/** `count` tickets opened at `now`, ids `<prefix>-<n>`, spread over `partitions` beneficiaries. */
export function spreadTickets(
  count: number,
  options: { prefix: string; now: string; partitions?: number; severity?: 1 | 3 },
): Ticket[] {
  const { prefix, now, partitions = 10, severity = 1 } = options;
  return Array.from({ length: count }, (_, i) => {
    const siret = `2169001230${String(i % partitions).padStart(4, '0')}`;
    return aTicket({
      id: `${prefix}-${i}`,
      number: `INC-2026-${String(i + 1).padStart(6, '0')}`,
      form: anIncidentForm({ severity }),
      beneficiary: aBeneficiary({ siret }),
      declaredBy: anAgent({ beneficiaryIds: [siret] }),
      now,
    });
  });
}

/**
 * Writes tickets as the ticket service stores them, in batches as large as a partition's batch
 * takes: 100 operations, one of which the store adds (the batch's view-sync marker).
 */
export async function writeTickets(store: Store, list: Ticket[]): Promise<void> {
  const byPk = new Map<string, Doc[]>();
  for (const t of list)
    byPk.set(t.beneficiaryId, [
      ...(byPk.get(t.beneficiaryId) ?? []),
      { ...t, pk: t.beneficiaryId, type: 'ticket' },
    ]);
  for (const [pk, docs] of byPk) {
    for (let i = 0; i < docs.length; i += 99) {
      await store.container('business').batch(
        pk,
        docs.slice(i, i + 99).map((doc) => ({ op: 'create' as const, doc })),
      );
    }
  }
}

/** Every business document of a type, across partitions. */
export function allOfType<T extends Doc>(store: Store, type: string): Promise<Stored<T>[]> {
  return readAll<T>(store, { crossPartition: true, filters: [{ field: 'type', op: 'eq', value: type }] });
}

/**
 * Makes two instances race for every due ticket, the same way every time: an instance's batch that
 * claims a ticket waits until both instances have read that ticket (so both decide from the same
 * stored state, with the same ETag), and the instance `winner(ticketId)` names writes first, the
 * other once the winner's batch has settled — so the other's batch must fail whole, and each
 * instance wins the tickets it was given. Only while both sweep inside `run`: an instance waits for
 * nothing from one that is not sweeping, and outside `run` its store passes everything through.
 */
export class TicketRace {
  private readonly reads = new Map<string, Set<number>>();
  private readonly settled = new Set<string>();
  private readonly racing = new Set<number>();
  private waiters: (() => void)[] = [];

  constructor(private readonly winner: (ticketId: string) => number) {}

  /** Runs `sweep` as instance `n` (0 or 1) of the race. */
  async run<T>(n: number, sweep: () => Promise<T>): Promise<T> {
    this.racing.add(n);
    try {
      return await sweep();
    } finally {
      this.racing.delete(n);
      this.changed();
    }
  }

  /** Instance `n`'s view of `store`: its `business` reads and claims take part in the race. */
  store(store: Store, n: number): Store {
    const business = store.container('business');
    const raced: Container<Doc> = Object.assign(Object.create(business) as Container<Doc>, {
      read: async (pk: string, id: string) => {
        const doc = await business.read(pk, id);
        if (doc?.type === 'ticket' && this.racing.has(n)) {
          const version = `${id}@${doc._etag}`;
          this.reads.set(version, (this.reads.get(version) ?? new Set()).add(n));
          this.changed();
        }
        return doc;
      },
      batch: (pk: string, operations: BatchOperation<Doc>[]) =>
        this.claim(n, operations, () => business.batch(pk, operations)),
    });
    return {
      kind: store.kind,
      ping: () => store.ping(),
      close: () => store.close(),
      container: <T extends Doc>(name: Parameters<Store['container']>[0]) =>
        (name === 'business' ? raced : store.container(name)) as unknown as Container<T>,
    };
  }

  private async claim(n: number, operations: BatchOperation<Doc>[], write: () => Promise<void>) {
    const claimed = operations.find((op) => op.op === 'replace' && op.doc.type === 'ticket');
    if (!claimed || claimed.op !== 'replace' || !this.racing.has(n)) return write();
    // A race is for one version of the ticket: the one both read, whose ETag the claim names.
    const version = `${claimed.doc.id}@${claimed.ifMatch}`;
    const partnerGone = () => !this.racing.has(1 - n);
    await this.until(() => this.reads.get(version)?.size === 2 || partnerGone());
    const first = this.winner(claimed.doc.id) === n;
    if (!first) await this.until(() => this.settled.has(version) || partnerGone());
    try {
      await write();
    } finally {
      if (first) this.settled.add(version);
      this.changed();
    }
  }

  private async until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private changed(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}

/** The winner of ticket `<prefix>-<n>`: even numbers to instance 0, odd ones to instance 1. */
export const byParity = (ticketId: string): number => Number(ticketId.split('-').pop()) % 2;
