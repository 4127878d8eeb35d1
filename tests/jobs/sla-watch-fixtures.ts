/**
 * What the SLA watch's concurrency tests share: tickets spread over several beneficiaries, written
 * as the ticket service stores them, and every document of a type read back across partitions.
 */
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { readAll } from '../../bot/src/reports/report-queries';
import type { Doc, Store, Stored } from '../../bot/src/store/port';
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
