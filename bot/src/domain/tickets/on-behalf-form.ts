/**
 * The declare-incident form as a support engineer fills it for a beneficiary who called or wrote:
 * the same inputs plus the reception channel and the real reception time, since the contractual
 * deadline runs from the moment the request reached the Titulaire, not from when it was typed in.
 */
import { z } from 'zod';
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import type { Issue } from '../errors';
import { formatLocalDateTime } from './format-local-time';
import {
  type IncidentForm,
  choiceField,
  formError,
  incidentFormSchema,
  withoutEmptyPhone,
} from './incident-form';
import { TICKET_CHANNELS, type TicketChannel } from './ticket';
import { parseWallClockInput, startOfLocalDayMs } from './wall-clock-input';

/** What the reception time is checked against: the beneficiary's zone and convention date, and now. */
export interface OnBehalfContext {
  readonly beneficiary: { readonly zone: ZoneSlug; readonly conventionDate: string };
  readonly now: Instant;
}

/** A declaration taken on a beneficiary's behalf, `receivedAt` in UTC. */
export type OnBehalfIncidentForm = IncidentForm & {
  readonly channel: TicketChannel;
  readonly receivedAt: Instant;
};

/** Schema of the on-behalf card's values; `receivedAt` is checked against its context by `parseOnBehalfIncidentForm`. */
export const onBehalfFormSchema = incidentFormSchema.extend({
  channel: choiceField(
    TICKET_CHANNELS,
    'Indiquez par quel canal la demande est arrivée : Teams, téléphone ou e-mail.',
  ),
  receivedAt: z.unknown(),
});

/** Validates an on-behalf declaration; one French issue per input, the reception time included. */
export function parseOnBehalfIncidentForm(values: unknown, context: OnBehalfContext): OnBehalfIncidentForm {
  const input = values !== null && typeof values === 'object' && !Array.isArray(values) ? values : {};
  const parsed = onBehalfFormSchema.safeParse(input);
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const received = receptionTime((input as { receivedAt?: unknown }).receivedAt, context);
  if ('problem' in received) issues.push({ path: 'receivedAt', message: received.problem });
  if (!parsed.success || 'problem' in received) throw formError(sortByInput(issues));
  return withoutEmptyPhone({ ...parsed.data, receivedAt: received.at });
}

/** The reception time in UTC, or the French problem with it. */
function receptionTime(
  value: unknown,
  { beneficiary, now }: OnBehalfContext,
): { at: Instant } | { problem: string } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return {
      problem: "Indiquez la date et l'heure de réception de la demande (heure locale du bénéficiaire).",
    };
  }
  const ms = parseWallClockInput(value, beneficiary.zone);
  if (ms === undefined) {
    return {
      problem:
        'Date de réception invalide : saisissez-la comme 2026-03-03T09:30 (heure locale du bénéficiaire) ' +
        'ou avec son décalage, comme 2026-03-03T09:30:00-04:00.',
    };
  }
  const nowMs = parseInstant(now, 'now');
  if (ms > nowMs) {
    const clock = formatLocalDateTime(formatInstant(nowMs), beneficiary.zone);
    return { problem: `La date de réception ne peut pas être dans le futur (il est ${clock}).` };
  }
  if (ms < startOfLocalDayMs(beneficiary.conventionDate, beneficiary.zone)) {
    const [y, m, d] = beneficiary.conventionDate.split('-');
    return {
      problem: `La date de réception ne peut pas précéder la convention du bénéficiaire, du ${d}/${m}/${y}.`,
    };
  }
  return { at: formatInstant(ms) };
}

const INPUT_ORDER = [
  'severity',
  'category',
  'domain',
  'title',
  'description',
  'phone',
  'channel',
  'receivedAt',
];

function sortByInput(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => INPUT_ORDER.indexOf(a.path ?? '') - INPUT_ORDER.indexOf(b.path ?? ''));
}
