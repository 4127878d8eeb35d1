/**
 * Opening a ticket: the policy in force is frozen on it, its first-response deadline (and the
 * restoration one, when the policy sets it) computed in the beneficiary's calendar from the moment
 * the request was received, and its first SLA alert scheduled. Pure: the caller allocates the id and
 * the number, then persists the ticket, its event and its notifications together.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import type { Beneficiary } from '../beneficiaries/beneficiary';
import { BeneficiaryInactiveError, ForbiddenError } from '../errors';
import { firstResponseDue } from '../sla/first-response';
import { CONTRACT_POLICY, type SlaPolicy } from '../sla/policy';
import { freezePolicy } from '../sla/policy-snapshot';
import { restorationDue } from '../sla/restoration';
import type { IncidentForm } from './incident-form';
import { computeNextAlertAt } from './next-alert';
import { openedTexts } from './ticket-messages';
import type { Ticket, TicketChannel } from './ticket';
import { type ActorRole, type TicketActor, isAgentOf, isSupport } from './ticket-actor';
import { ticketCalendar } from './ticket-calendar';
import { type TicketEvent, type TicketNotification, notificationKey, ticketEventId } from './ticket-event';
import { parseTicketNumber } from './ticket-number';
import { checkReceivedAt, checkRecordId, isRecordedAfterTheFact } from '../request-intake';

/** The beneficiary fields a ticket depends on. */
export type TicketBeneficiary = Pick<
  Beneficiary,
  'siret' | 'name' | 'zone' | 'modality' | 'closingDays' | 'active' | 'conventionDate'
>;

/** Everything needed to open a ticket. `channel` defaults to `teams`, `receivedAt` to `now`. */
export interface OpenTicketInput {
  readonly form: IncidentForm;
  readonly beneficiary: TicketBeneficiary;
  readonly declaredBy: TicketActor;
  readonly channel?: TicketChannel;
  readonly receivedAt?: Instant;
  readonly now: Instant;
  /** Chosen by the caller, deterministic from the submit activity so that a replay opens nothing new. */
  readonly id: string;
  readonly number: string;
  readonly policy?: SlaPolicy;
  readonly conversationId?: string;
}

/** A new ticket, its opening event and its notifications. */
export interface OpenedTicket {
  readonly ticket: Ticket;
  readonly event: TicketEvent;
  readonly notify: TicketNotification[];
}

/** Opens a ticket for an active beneficiary; throws `BeneficiaryInactiveError`, `ForbiddenError` or `ValidationError`. */
export function openTicket(input: OpenTicketInput): OpenedTicket {
  const { form, beneficiary: b, declaredBy: actor } = input;
  if (!b.active) throw new BeneficiaryInactiveError(b.name);
  const role = declarantRole(input);
  const now = formatInstant(parseInstant(input.now, 'now'));
  const receivedAt = checkReceivedAt(b, input.receivedAt, now);
  checkRecordId(input.id, 'de ticket');
  const draft: Ticket = {
    id: input.id,
    number: parseTicketNumber(input.number).text,
    beneficiaryId: b.siret,
    beneficiaryName: b.name,
    zone: b.zone,
    modality: b.modality,
    closingDays: [...b.closingDays],
    severity: form.severity,
    category: form.category,
    domain: form.domain,
    title: form.title,
    description: form.description,
    ...(form.phone ? { phone: form.phone } : {}),
    channel: input.channel ?? 'teams',
    receivedAt,
    openedAt: now,
    declaredBy: { tenantId: actor.tenantId, objectId: actor.objectId, name: actor.name },
    ...(input.conversationId ? { originConversationId: input.conversationId } : {}),
    status: 'new',
    ...deadlines(input.policy ?? CONTRACT_POLICY, b, form, receivedAt, now),
    pauses: [],
    reopenedCount: 0,
    seq: 1,
    updatedAt: now,
    nextAlertAt: null,
    alertsSent: [],
  };
  const ticket: Ticket = { ...draft, nextAlertAt: computeNextAlertAt(draft) };
  return { ticket, event: openingEvent(ticket, actor, role), notify: openingNotifications(ticket) };
}

function deadlines(
  policy: SlaPolicy,
  b: TicketBeneficiary,
  form: IncidentForm,
  receivedAt: Instant,
  now: Instant,
): Pick<Ticket, 'policy' | 'firstResponseDueAt' | 'restoration'> {
  const snapshot = freezePolicy(policy, now);
  const calendar = ticketCalendar({ zone: b.zone, closingDays: b.closingDays });
  const opening = { severity: form.severity, modality: b.modality, openedAt: receivedAt };
  return {
    policy: snapshot,
    firstResponseDueAt: firstResponseDue(snapshot, calendar, opening),
    restoration: restorationDue(snapshot, calendar, opening, []),
  };
}

/**
 * An agent declares for its own beneficiary, in Teams, at the present time. Only the support may
 * declare on someone's behalf (phone, e-mail) or give an earlier reception time, since that time
 * moves the contractual deadline.
 */
function declarantRole(input: OpenTicketInput): ActorRole {
  const actor = input.declaredBy;
  if (isSupport(actor)) return actor.roles.includes('Support.Engineer') ? 'Support.Engineer' : 'Admin';
  if (!isAgentOf(actor, input.beneficiary.siret)) {
    throw new ForbiddenError(
      `Seuls les agents de ${input.beneficiary.name} et l'équipe support du Titulaire peuvent déclarer un incident pour ce bénéficiaire.`,
    );
  }
  if (isRecordedAfterTheFact(input)) {
    throw new ForbiddenError(
      "Seule l'équipe support du Titulaire peut saisir une demande reçue par téléphone ou par e-mail.",
    );
  }
  return 'Beneficiary.Agent';
}

function openingEvent(ticket: Ticket, actor: TicketActor, role: ActorRole): TicketEvent {
  return {
    id: ticketEventId(ticket.id, ticket.seq),
    type: 'ticket-event',
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    beneficiaryId: ticket.beneficiaryId,
    seq: ticket.seq,
    at: ticket.openedAt,
    action: 'open',
    actor: {
      tenantId: actor.tenantId,
      objectId: actor.objectId,
      name: actor.name,
      role,
      channel: actor.channel ?? 'teams',
    },
    before: null,
    after: ticket.status,
    details: {
      severity: ticket.severity,
      category: ticket.category,
      domain: ticket.domain,
      channel: ticket.channel,
      receivedAt: ticket.receivedAt,
      firstResponseDueAt: ticket.firstResponseDueAt,
      policyId: ticket.policy.id,
    },
  };
}

function openingNotifications(ticket: Ticket): TicketNotification[] {
  const texts = openedTexts(ticket);
  return [
    {
      audience: 'beneficiary',
      key: notificationKey(ticket.id, ticket.seq, 'beneficiary'),
      ...(ticket.originConversationId ? { conversationId: ticket.originConversationId } : {}),
      text: texts.beneficiary!,
    },
    { audience: 'support', key: notificationKey(ticket.id, ticket.seq, 'support'), text: texts.support! },
  ];
}
