/**
 * Changes to the beneficiary registry and to its approvers, each with its audit event in the
 * beneficiary's partition (so its reversibility export shows who changed its record and who may
 * approve for it). The registry and the partition are two containers, which no batch spans: the
 * event goes into the registry write's own batch as a follow-up (`store/deferred-write.ts`), then
 * into the beneficiary's partition. So an event never describes a change that did not happen, and
 * a change is never left without its event: a crash in between leaves the follow-up to the agenda.
 */
import { randomBytes } from 'node:crypto';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import {
  beneficiaryChangeEvent,
  beneficiaryChanges,
  type BeneficiaryChangeEvent,
} from '../domain/beneficiaries/beneficiary-change-event';
import { ConflictError, PreconditionFailedError } from '../domain/errors';
import { BeneficiaryRepository, beneficiaryOf, type BeneficiaryDoc } from '../store/beneficiary-repository';
import { applyDeferredWrite, deferredWrite, type DeferredWrite } from '../store/deferred-write';
import type { Doc, Store, Stored } from '../store/port';

/** Who changes the registry, as the audit trail names them. */
export type RegistryActor = BeneficiaryChangeEvent['actor'];

/** A beneficiary to create or update, and the version the caller read (`*`: any). */
export interface SaveBeneficiaryInput {
  readonly next: Beneficiary;
  /** Bare ETag from If-Match; absent: create, or overwrite whatever is there. */
  readonly ifMatch?: string;
  readonly actor: RegistryActor;
  readonly now: Date;
}

/**
 * Creates or updates a beneficiary under optimistic concurrency and records what changed. The same
 * content again (a retried call) writes and records nothing.
 */
export async function saveBeneficiary(
  store: Store,
  input: SaveBeneficiaryInput,
): Promise<Stored<BeneficiaryDoc>> {
  const beneficiaries = new BeneficiaryRepository(store);
  const { next, ifMatch } = input;
  const current = await beneficiaries.get(next.siret);
  const changes = beneficiaryChanges(current ? beneficiaryOf(current) : undefined, next);
  if (current && changes.length === 0) return current;
  if (ifMatch !== undefined && (!current || (ifMatch !== '*' && ifMatch !== bareEtag(current._etag))))
    throw new PreconditionFailedError(
      current
        ? 'Cette fiche a été modifiée entre-temps : rechargez-la puis recommencez.'
        : "Ce bénéficiaire n'existe pas : retirez If-Match pour le créer.",
    );
  const audit = registryAudit({
    action: current ? 'update' : 'create',
    beneficiaryId: next.siret,
    at: input.now.toISOString(),
    actor: input.actor,
    changes,
  });
  const saved = await write(beneficiaries, next, current?._etag, [audit.deferred]);
  await audit.apply(store, 'beneficiaries');
  return saved;
}

/** The audit event of a registry change, as the follow-up its write commits with. */
export interface RegistryAudit {
  /** To put in the registry write's batch, in the partition of the record or entry written. */
  readonly deferred: DeferredWrite;
  /** After that batch: records the event now; a failure leaves it to the next agenda visit. */
  apply(store: Store, registry: 'beneficiaries' | 'staff'): Promise<void>;
}

/** The audit event of a registry change (ids are unique), to commit with the change. */
export function registryAudit(fields: Omit<BeneficiaryChangeEvent, 'id' | 'type'>): RegistryAudit {
  const event = beneficiaryChangeEvent(fields, randomBytes(8).toString('hex'));
  const doc = { ...event, pk: event.beneficiaryId } as unknown as Doc;
  // The beneficiary's record and its approvers' entries all live in partition SIRET.
  const deferred = deferredWrite(event.beneficiaryId, 'business', doc, fields.at);
  return {
    deferred,
    apply: async (store, registry) => {
      try {
        await applyDeferredWrite(store, registry, deferred);
      } catch {
        // Committed with the change: the agenda's next visit of the partition records it.
      }
    },
  };
}

/** An ETag without its quotes and weak marker, as If-Match may send it. */
export function bareEtag(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

async function write(
  beneficiaries: BeneficiaryRepository,
  next: Beneficiary,
  etag: string | undefined,
  alongside: readonly Doc[],
) {
  try {
    return await beneficiaries.writeWith(next, etag, alongside);
  } catch (err) {
    if (etag !== undefined) throw err;
    if (err instanceof ConflictError)
      throw new PreconditionFailedError(
        'Ce bénéficiaire a été créé entre-temps : rechargez-le puis recommencez.',
      );
    throw err;
  }
}
