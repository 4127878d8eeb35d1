/**
 * A support ticket as stored: plain JSON (every instant UTC ISO-8601), immutable, changed only by
 * `openTicket` and `applyTicketAction`, which also produce its append-only audit events. Everything
 * its deadlines depend on (policy, zone, modality, closing days) is frozen on it at opening, so a later
 * change of the contract's table or of the beneficiary never rewrites the deadline of an open ticket.
 */
import type { LocalDate } from '../calendar/civil-date';
import type { Instant } from '../calendar/instant';
import type { ZoneSlug } from '../calendar/zones';
import type { IncidentOpening } from '../sla/first-response';
import type { Pause } from '../sla/pauses';
import type { PolicySnapshot } from '../sla/policy-snapshot';
import type { RestorationStatus } from '../sla/restoration';
import type { Modality, Severity } from '../sla/severity';
import type { IncidentCategory, IncidentDomain } from './incident-form';

export const TICKET_STATUSES = [
  'new',
  'taken',
  'in-progress',
  'waiting-beneficiary',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** French labels of the statuses, as cards and lists show them. */
export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = Object.freeze({
  new: 'Nouveau',
  taken: 'Pris en charge',
  'in-progress': 'En cours',
  'waiting-beneficiary': 'En attente du bénéficiaire',
  resolved: 'Résolu',
  closed: 'Clos',
});

/** How the request reached the Titulaire: declared in Teams, or taken by phone or e-mail by the support. */
export type TicketChannel = 'teams' | 'phone' | 'email';
export const TICKET_CHANNELS: readonly TicketChannel[] = Object.freeze(['teams', 'phone', 'email']);

/** French labels of the reception channels. */
export const CHANNEL_LABELS: Readonly<Record<TicketChannel, string>> = Object.freeze({
  teams: 'Teams',
  phone: 'téléphone',
  email: 'e-mail',
});

/** Someone named on a ticket (an engineer, whoever resolved it), by Entra object id. */
export interface PersonRef {
  readonly objectId: string;
  readonly name: string;
}

/** Who entered the ticket: the beneficiary's agent, or the engineer who took the call or the e-mail. */
export interface Declarant {
  readonly tenantId: string;
  readonly objectId?: string;
  readonly name: string;
}

/** The first response (CCTP 5.6.6.1): recorded once, by the first "take"; `onTime` is the compliance. */
export interface FirstResponse {
  readonly by: PersonRef;
  readonly at: Instant;
  readonly onTime: boolean;
}

/** The intervention report; `onTime` compares `restoredAt` to the restoration target, when there is one. */
export interface Resolution {
  readonly diagnostic: string;
  readonly actions: string;
  readonly cause: string;
  readonly restoredAt: Instant;
  readonly by: PersonRef;
  readonly at: Instant;
  readonly onTime?: boolean;
}

/**
 * A stop of the restoration clock: while the ticket waits on the beneficiary, or while it stays
 * resolved (a reopened ticket resumes its clock where it stopped instead of counting the days it
 * spent resolved).
 */
export interface TicketPause extends Pause {
  readonly from: Instant;
  readonly to?: Instant | null;
  readonly reason: 'waiting-beneficiary' | 'resolved';
}

/** A ticket document. `seq` counts the events applied (1 after opening) and keys idempotent writes. */
export interface Ticket {
  readonly id: string;
  readonly number: string;
  /** SIRET of the beneficiary; also the ticket's partition in the store. */
  readonly beneficiaryId: string;
  readonly beneficiaryName: string;
  readonly zone: ZoneSlug;
  readonly modality: Modality;
  /** The beneficiary's own closing days at opening, on top of its zone's holidays. */
  readonly closingDays: readonly LocalDate[];
  readonly severity: Severity;
  readonly category: IncidentCategory;
  readonly domain: IncidentDomain;
  readonly title: string;
  readonly description: string;
  /** E.164. */
  readonly phone?: string;
  readonly channel: TicketChannel;
  /** When the request reached the Titulaire; the SLA clocks start here. */
  readonly receivedAt: Instant;
  /** When the ticket was entered in Guichet (later than `receivedAt` for phone and e-mail). */
  readonly openedAt: Instant;
  readonly declaredBy: Declarant;
  /** Conversation where the ticket was declared, which hears about every change. */
  readonly originConversationId?: string;
  readonly status: TicketStatus;
  readonly policy: PolicySnapshot;
  readonly firstResponseDueAt: Instant;
  readonly firstResponse?: FirstResponse;
  readonly assignee?: PersonRef;
  readonly pauses: readonly TicketPause[];
  readonly restoration: RestorationStatus;
  readonly resolution?: Resolution;
  readonly closedAt?: Instant;
  readonly reopenedCount: number;
  readonly seq: number;
  readonly updatedAt: Instant;
  /** Earliest SLA alert not sent yet (the SLA watch's index), or null when none is scheduled. */
  readonly nextAlertAt: Instant | null;
  /** Alerts already sent, as `firstResponse:50`, `restoration:100`… */
  readonly alertsSent: readonly string[];
}

/** True while the support still has work to do on the ticket. */
export function isOpenStatus(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

/** The statuses in which the support has work to do, in lifecycle order. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(isOpenStatus);

/** The others: "open" is also "none of these", the form the stores' open-ticket indexes match. */
export const CLOSED_TICKET_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(
  (s) => !isOpenStatus(s),
);

/** What the ticket's deadlines depend on: its SLA clocks start at reception. */
export function ticketOpening(ticket: Ticket): IncidentOpening {
  return { severity: ticket.severity, modality: ticket.modality, openedAt: ticket.receivedAt };
}
