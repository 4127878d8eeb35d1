/**
 * The declare-incident form as a support engineer fills it for a beneficiary who called or wrote:
 * the same inputs plus the reception channel and the real reception time, since the contractual
 * deadline runs from the moment the request reached the Titulaire, not from when it was typed in.
 */
import { z } from 'zod';
import type { Instant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import type { Issue } from '../errors';
import {
  type IncidentForm,
  choiceField,
  formError,
  incidentFormSchema,
  withoutEmptyPhone,
} from './incident-form';
import { TICKET_CHANNELS, type TicketChannel } from './ticket';
import { parseReceptionTime } from './wall-clock-input';

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
  const received = parseReceptionTime(
    (input as { receivedAt?: unknown }).receivedAt,
    context,
    'de la demande',
  );
  if ('problem' in received) issues.push({ path: 'receivedAt', message: received.problem });
  if (!parsed.success || 'problem' in received) throw formError(sortByInput(issues));
  return withoutEmptyPhone({ ...parsed.data, receivedAt: received.at });
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
