/**
 * A beneficiary's reversibility export, built and recorded in one step (DESIGN.md, "Data duties").
 * `GET /api/v1/export` and `guichet export` both go through here, so neither can hand over the data
 * without leaving its audit event in the beneficiary's partition. The event is written after the
 * archive is built and before it is handed over: an export whose trace cannot be written is not
 * delivered. The archive does not list its own event; the next one does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { type DataExportedEvent, dataExportedEvent } from '../domain/beneficiaries/data-export-event';
import type { PrivacyActor } from '../domain/reports/contact-anonymisation';
import { buildExportArchive, type ExportArchive } from '../reports/export/export-zip';
import type { Doc, Store } from '../store/port';

/** Whose data, for whom, and when. */
export interface ExportRequest {
  readonly siret: string;
  readonly actor: PrivacyActor;
  readonly now?: Date;
}

/** The archive and the audit event recorded for it. */
export interface RecordedExport extends ExportArchive {
  readonly event: DataExportedEvent;
}

/** Builds the beneficiary's export and records who took it; `NotFoundError` for an unknown SIRET. */
export async function exportBeneficiaryData(store: Store, request: ExportRequest): Promise<RecordedExport> {
  const now = request.now ?? new Date();
  const archive = await buildExportArchive(store, request.siret, now);
  const event = dataExportedEvent(
    {
      beneficiaryId: request.siret,
      at: now.toISOString(),
      actor: request.actor,
      archive: {
        bytes: archive.zip.length,
        sha256: createHash('sha256').update(archive.zip).digest('hex'),
      },
    },
    randomBytes(8).toString('hex'),
  );
  await store.container('business').create({ ...event, pk: request.siret } as unknown as Doc);
  return { ...archive, event };
}

/**
 * The operator running `guichet export`, as the audit trail names them: the system account that
 * ran the command, in the Titulaire's tenant (the CLI has no Entra sign-in).
 */
export function operatorActor(titulaireTenantId: string, name = systemUser()): PrivacyActor {
  return { tenantId: titulaireTenantId, name, role: 'Admin', channel: 'cli' };
}

function systemUser(): string {
  try {
    return `opérateur ${userInfo().username}`;
  } catch {
    // A container without a passwd entry for the uid: the command still runs, and says so.
    return 'opérateur (compte système inconnu)';
  }
}
