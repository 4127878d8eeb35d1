/**
 * Changes to the beneficiary registry and to its approvers, each with its audit event in the
 * beneficiary's partition (so its reversibility export shows who changed its record and who may
 * approve for it). The registry and the partition are two containers: the record is written first,
 * then its event, so an event never describes a change that did not happen.
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
  const saved = await write(beneficiaries, next, current?._etag);
  await recordRegistryChange(store, {
    action: current ? 'update' : 'create',
    beneficiaryId: next.siret,
    at: input.now.toISOString(),
    actor: input.actor,
    changes,
  });
  return saved;
}

/** Appends the event of a registry change to the beneficiary's partition (ids are unique). */
export async function recordRegistryChange(
  store: Store,
  fields: Omit<BeneficiaryChangeEvent, 'id' | 'type'>,
): Promise<void> {
  const event = beneficiaryChangeEvent(fields, randomBytes(8).toString('hex'));
  await store.container('business').create({ ...event, pk: event.beneficiaryId } as unknown as Doc);
}

/** An ETag without its quotes and weak marker, as If-Match may send it. */
export function bareEtag(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

async function write(beneficiaries: BeneficiaryRepository, next: Beneficiary, etag: string | undefined) {
  if (etag !== undefined) return beneficiaries.replace(next, etag);
  try {
    return await beneficiaries.create(next);
  } catch (err) {
    if (err instanceof ConflictError)
      throw new PreconditionFailedError(
        'Ce bénéficiaire a été créé entre-temps : rechargez-le puis recommencez.',
      );
    throw err;
  }
}
