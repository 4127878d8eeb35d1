/**
 * Shared factories for ticket tests (domain, store, bot, jobs): beneficiaries, actors, forms, and
 * tickets brought to any status through the real lifecycle, so that a factory never builds a state
 * the domain could not reach.
 */
import type { Instant } from '../../../bot/src/domain/calendar/instant';
import type { IncidentForm } from '../../../bot/src/domain/tickets/incident-form';
import { type AppliedAction, applyTicketAction } from '../../../bot/src/domain/tickets/lifecycle';
import {
  type OpenTicketInput,
  type OpenedTicket,
  type TicketBeneficiary,
  openTicket,
} from '../../../bot/src/domain/tickets/open-ticket';
import type { Ticket, TicketStatus } from '../../../bot/src/domain/tickets/ticket';
import type { TicketAction } from '../../../bot/src/domain/tickets/ticket-action';
import type { TicketActor } from '../../../bot/src/domain/tickets/ticket-actor';

export const PARIS_SIRET = '21690012300029';
export const MARTINIQUE_SIRET = '21972234500028';
export const OTHER_SIRET = '22010045600015';

export const TITULAIRE_TENANT = 'c0ffee00-0000-4000-8000-000000000001';
export const BENEFICIARY_TENANT = 'b0a1c2d3-0000-4000-8000-000000000001';
export const CANUT_TENANT = 'ca1107a0-0000-4000-8000-000000000001';

/** Monday 8 June 2026, 09:00 in Paris: a plain working morning. */
export const MONDAY_9H_PARIS = '2026-06-08T07:00:00Z';

/** A beneficiary in metropolitan France, modality 1, active. */
export function aBeneficiary(overrides: Partial<TicketBeneficiary> = {}): TicketBeneficiary {
  return {
    siret: PARIS_SIRET,
    name: 'Ville de Bellerive-sur-Rhône',
    zone: 'metropole',
    modality: 1,
    closingDays: [],
    active: true,
    conventionDate: '2024-09-02',
    ...overrides,
  };
}

/** A beneficiary in Martinique, modality 1. */
export function aMartiniqueBeneficiary(overrides: Partial<TicketBeneficiary> = {}): TicketBeneficiary {
  return aBeneficiary({
    siret: MARTINIQUE_SIRET,
    name: 'Ville du Lamentin-Caraïbes',
    zone: 'martinique',
    ...overrides,
  });
}

/** A valid, parsed declaration (severity 3 incident unless overridden). */
export function anIncidentForm(overrides: Partial<IncidentForm> = {}): IncidentForm {
  return {
    severity: 3,
    category: 'incident',
    domain: 'modern-workplace',
    title: 'Messagerie inaccessible',
    description: 'Outlook ne se connecte plus depuis 8 h pour tout le service état civil.',
    ...overrides,
  };
}

/** The values of the declare-incident card as Teams posts them (strings, plus the submit's data). */
export function formValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'incident.create',
    severity: '3',
    category: 'incident',
    domain: 'modern-workplace',
    title: 'Messagerie inaccessible',
    description: 'Outlook ne se connecte plus depuis 8 h pour tout le service état civil.',
    phone: '',
    ...overrides,
  };
}

/** A Titulaire support engineer. */
export function anEngineer(overrides: Partial<TicketActor> = {}): TicketActor {
  return {
    kind: 'titulaire',
    tenantId: TITULAIRE_TENANT,
    objectId: 'e0000000-0000-4000-8000-000000000001',
    name: 'Marc Lefèvre',
    roles: ['Support.Engineer'],
    beneficiaryIds: [],
    ...overrides,
  };
}

/** Another support engineer, to reassign to. */
export function anotherEngineer(overrides: Partial<TicketActor> = {}): TicketActor {
  return anEngineer({ objectId: 'e0000000-0000-4000-8000-000000000002', name: 'Nadia Benali', ...overrides });
}

/** A Titulaire admin (without the engineer role). */
export function anAdmin(overrides: Partial<TicketActor> = {}): TicketActor {
  return anEngineer({
    objectId: 'ad000000-0000-4000-8000-000000000001',
    name: 'Admin Titulaire',
    roles: ['Admin'],
    ...overrides,
  });
}

/** A Titulaire account manager: staff, but not support. */
export function anAccountManager(overrides: Partial<TicketActor> = {}): TicketActor {
  return anEngineer({
    objectId: 'ac000000-0000-4000-8000-000000000001',
    name: 'Paul Garnier',
    roles: ['Account.Manager'],
    ...overrides,
  });
}

/** CANUT staff: sees everything, changes nothing. */
export function aCanutStaff(overrides: Partial<TicketActor> = {}): TicketActor {
  return {
    kind: 'canut',
    tenantId: CANUT_TENANT,
    objectId: 'ca000000-0000-4000-8000-000000000001',
    name: 'Claire Martin',
    roles: ['Canut.Staff'],
    beneficiaryIds: [],
    ...overrides,
  };
}

/** An agent of a beneficiary (of the metropolitan one by default). */
export function anAgent(overrides: Partial<TicketActor> = {}): TicketActor {
  return {
    kind: 'beneficiary',
    tenantId: BENEFICIARY_TENANT,
    objectId: 'a1b2c3d4-0000-4000-8000-000000000005',
    name: 'Léa Dubois',
    roles: [],
    beneficiaryIds: [PARIS_SIRET],
    ...overrides,
  };
}

/** An agent of the Martinique beneficiary. */
export function aMartiniqueAgent(overrides: Partial<TicketActor> = {}): TicketActor {
  return anAgent({ name: 'Josée Célestine', beneficiaryIds: [MARTINIQUE_SIRET], ...overrides });
}

/** An agent of some other beneficiary. */
export function aStrangerAgent(overrides: Partial<TicketActor> = {}): TicketActor {
  return anAgent({
    name: 'Hugo Perrin',
    objectId: 'f0000000-0000-4000-8000-000000000009',
    beneficiaryIds: [OTHER_SIRET],
    ...overrides,
  });
}

/** Opens a ticket with sensible defaults: a metropolitan agent declares at Monday 09:00. */
export function anOpenedTicket(overrides: Partial<OpenTicketInput> = {}): OpenedTicket {
  return openTicket({
    form: anIncidentForm(),
    beneficiary: aBeneficiary(),
    declaredBy: anAgent(),
    now: MONDAY_9H_PARIS,
    id: 'tkt-0001',
    number: 'INC-2026-000001',
    conversationId: 'a:conversation-lea',
    ...overrides,
  });
}

/** A fresh ticket in status `new`. */
export function aTicket(overrides: Partial<OpenTicketInput> = {}): Ticket {
  return anOpenedTicket(overrides).ticket;
}

/** Adds minutes to an instant (UTC ISO in, UTC ISO out). */
export function plusMinutes(at: Instant, minutes: number): Instant {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** A resolution report; `restoredAt` as typed in the card (local time of the ticket's zone, or ISO). */
export function aResolveAction(restoredAt: string): TicketAction {
  return {
    type: 'resolve',
    report: {
      diagnostic: 'Certificat du connecteur Exchange expiré.',
      actions: 'Certificat renouvelé, connecteur redémarré, tests avec deux agents.',
      cause: 'Renouvellement automatique désactivé.',
      restoredAt,
    },
  };
}

type Step = readonly ['support' | 'beneficiary', (now: Instant) => TicketAction];
const take: Step = ['support', () => ({ type: 'take' })];
// The service came back five minutes before the engineer resolved the ticket.
const resolve: Step = ['support', (now) => aResolveAction(plusMinutes(now, -5))];

// The shortest path from `new` to each status, with who acts.
const PATHS: Readonly<Record<TicketStatus, readonly Step[]>> = {
  new: [],
  taken: [take],
  'in-progress': [take, ['support', () => ({ type: 'reply', message: 'Nous regardons.' })]],
  'waiting-beneficiary': [
    take,
    ['support', () => ({ type: 'wait', message: 'Pouvez-vous envoyer une capture ?' })],
  ],
  resolved: [take, resolve],
  closed: [take, resolve, ['beneficiary', () => ({ type: 'close' })]],
};

/** A ticket brought to `status` through the lifecycle, one action every 10 minutes after opening. */
export function aTicketIn(
  status: TicketStatus,
  overrides: Partial<OpenTicketInput> = {},
): { ticket: Ticket; last?: AppliedAction; now: Instant } {
  let ticket = aTicket(overrides);
  let now = ticket.openedAt;
  let last: AppliedAction | undefined;
  const agent = anAgent({ beneficiaryIds: [ticket.beneficiaryId] });
  for (const [side, action] of PATHS[status]) {
    now = plusMinutes(now, 10);
    last = applyTicketAction(ticket, action(now), side === 'support' ? anEngineer() : agent, now);
    ticket = last.ticket;
  }
  return { ticket, last, now };
}
