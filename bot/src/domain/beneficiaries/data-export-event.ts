/**
 * The audit event of a reversibility export (DESIGN.md, "Data duties": every access to a
 * beneficiary's whole data is traced, like every state change). Kept in the beneficiary's partition
 * with the other privacy events, so the beneficiary's next export shows who took its data, when,
 * and through which channel. It records the archive's size and SHA-256, which match one file to one
 * record, and nothing of the data itself.
 */
import type { PrivacyActor } from '../reports/contact-anonymisation';
import { ValidationError } from '../errors';

/** One export of a beneficiary's data. */
export interface DataExportedEvent {
  readonly id: string;
  readonly type: 'privacy-event';
  readonly action: 'export-data';
  readonly beneficiaryId: string;
  readonly at: string;
  /** Who asked; `channel` is `api` (the tab or any API client) or `cli` (an operator's command). */
  readonly actor: PrivacyActor;
  /** The archive handed over. */
  readonly archive: { readonly bytes: number; readonly sha256: string };
}

/** The event of an export; `nonce` (8 hexadecimal digits or more, drawn by the caller) keeps ids unique. */
export function dataExportedEvent(
  fields: Omit<DataExportedEvent, 'id' | 'type' | 'action'>,
  nonce: string,
): DataExportedEvent {
  if (!/^[0-9a-f]{8,32}$/i.test(nonce))
    throw new ValidationError("Nonce d'événement invalide : 8 à 32 chiffres hexadécimaux.");
  // Sortable by time inside the partition, then unique by the nonce.
  const stamp = fields.at.replace(/[-:.]/g, '');
  return {
    id: `privacy:export:${stamp}:${nonce.toLowerCase()}`,
    type: 'privacy-event',
    action: 'export-data',
    ...fields,
  };
}
