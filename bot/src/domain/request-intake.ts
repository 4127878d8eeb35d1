/**
 * What every request received for a beneficiary (an incident, a quote request) is checked for before
 * it is recorded: the id the caller chose for it, who may date it, and its reception time, which
 * starts the contractual deadline.
 */
import type { Beneficiary } from './beneficiaries/beneficiary';
import { type Instant, formatInstant, parseInstant } from './calendar/instant';
import { ValidationError } from './errors';
import { startOfLocalDayMs } from './tickets/wall-clock-input';

/** How a request says where and when it was received; unset, it came through Teams just now. */
export interface RequestReception {
  readonly channel?: string;
  readonly receivedAt?: Instant;
  readonly now: Instant;
}

// Cosmos DB refuses these characters in ids; the event ids derive from the record's id.
const FORBIDDEN_ID_CHARS = /[/\\?#]/;

/** Throws `ValidationError` unless `id` can be stored; `what` names the record ("de devis"). */
export function checkRecordId(id: string, what: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || FORBIDDEN_ID_CHARS.test(id)) {
    throw new ValidationError(`Identifiant ${what} invalide (${String(id).slice(0, 60)}).`, [
      { path: 'id', message: 'identifiant invalide' },
    ]);
  }
}

/**
 * Whether the request was received through another channel than Teams, or earlier than now: only
 * the Titulaire's staff may record such a request, since its reception time moves the deadline.
 */
export function isRecordedAfterTheFact(r: RequestReception): boolean {
  // Parsed first, whatever the channel: an unreadable time is a validation error for everyone.
  const backdated =
    r.receivedAt !== undefined && parseInstant(r.receivedAt, 'receivedAt') !== parseInstant(r.now, 'now');
  return (r.channel ?? 'teams') !== 'teams' || backdated;
}

/**
 * The reception time (`now` when unset), or `ValidationError` when it is in the future or before the
 * first day of the beneficiary's convention.
 */
export function checkReceivedAt(
  beneficiary: Pick<Beneficiary, 'name' | 'zone' | 'conventionDate'>,
  receivedAt: Instant | undefined,
  now: Instant,
): Instant {
  const receivedMs = parseInstant(receivedAt ?? now, 'receivedAt');
  if (receivedMs > parseInstant(now)) {
    throw new ValidationError('La date de réception ne peut pas être dans le futur.', [
      { path: 'receivedAt', message: 'date de réception dans le futur' },
    ]);
  }
  if (receivedMs < startOfLocalDayMs(beneficiary.conventionDate, beneficiary.zone)) {
    throw new ValidationError(
      `La date de réception ne peut pas précéder la convention de ${beneficiary.name} (${beneficiary.conventionDate}).`,
      [{ path: 'receivedAt', message: 'date de réception antérieure à la convention' }],
    );
  }
  return formatInstant(receivedMs);
}
