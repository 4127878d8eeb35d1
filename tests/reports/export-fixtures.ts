/**
 * Two beneficiaries with data, made through the real services on the demo data: Bellerive (tickets,
 * quotes from Teams and by e-mail, an order moved along, chats, its approver) and Lamentin (the
 * same, smaller). Exports and anonymisations are checked against this store.
 */
import { DEMO_TENANTS } from '../../bot/src/config/config';
import type { QuoteActor } from '../../bot/src/domain/quotes/quote-actor';
import type { TicketActor } from '../../bot/src/domain/tickets/ticket-actor';
import { TicketService } from '../../bot/src/services/ticket-service';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import { SYSTEM_PARTITION } from '../../bot/src/store/port';
import { StaffRepository } from '../../bot/src/store/staff-repository';
import { renderTicketNotification } from '../../bot/src/teams/notification-renderer';
import {
  BELLERIVE,
  JOEL,
  JULIEN,
  LAMENTIN,
  LEA,
  LEA_CHAT,
  MARC,
  MARC_CHAT,
  aDraft,
  quoteRig,
  type QuoteRig,
} from '../services/quote-fixtures';

export { BELLERIVE, LAMENTIN, LEA, MARC, JOEL };

export const ENGINEER: TicketActor = {
  kind: 'titulaire',
  tenantId: DEMO_TENANTS.titulaire,
  objectId: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Camille Martin',
  roles: ['Support.Engineer'],
  beneficiaryIds: [],
};

/** Lamentin's approver, designated in the registry. */
export const MAELLE: QuoteActor = {
  ...JOEL,
  objectId: 'a1b2c3d4-0000-4000-8000-000000000012',
  name: 'Maëlle Rivière',
  roles: ['Beneficiary.Approver'],
  approverOf: [LAMENTIN],
};
export const JOEL_CHAT = 'a:joel-personal';
export const SUPPORT_CHANNEL = '19:support@thread.tacv2';
export const LEA_PHONE = '+33612345678';
export const LEA_EMAIL = 'lea.dubois@bellerive.example';

const form = (title: string, phone?: string, follower = 'Léa Dubois') => ({
  severity: 2 as const,
  category: 'incident' as const,
  domain: 'modern-workplace' as const,
  title,
  description: `${title} : signalé par l'équipe, ${follower} suit le sujet.`,
  ...(phone ? { phone } : {}),
});

/** The rig with both beneficiaries' data. */
export async function twoBeneficiaries(): Promise<QuoteRig & { tickets: TicketService }> {
  const rig = await quoteRig();
  let now = new Date('2026-04-30T09:00:00Z');
  const clock = (iso: string) => {
    now = new Date(iso);
    rig.at(iso);
  };
  const conversations = new ConversationRepository(rig.store);
  await conversations.save({
    pk: SYSTEM_PARTITION,
    conversationId: SUPPORT_CHANNEL,
    scope: 'channel',
    tenantId: DEMO_TENANTS.titulaire,
    serviceUrl: 'http://127.0.0.1:9/',
    reference: { conversation: { id: SUPPORT_CHANNEL } },
    updatedAt: now.toISOString(),
  });
  const tickets = new TicketService(rig.store, {
    supportChannel: async () => ({ pk: SYSTEM_PARTITION, conversationId: SUPPORT_CHANNEL }),
    render: renderTicketNotification,
    now: () => now,
  });
  await rig.chat(LEA, LEA_CHAT);
  await rig.chat(MARC, MARC_CHAT);
  await rig.chat(JOEL, JOEL_CHAT);
  await new StaffRepository(rig.store).save({
    tenantId: MAELLE.tenantId,
    objectId: MAELLE.objectId,
    displayName: MAELLE.name,
    email: 'maelle.riviere@lamentin.example',
    roles: ['Beneficiary.Approver'],
    beneficiaryId: LAMENTIN,
  });
  await belleriveData(rig, tickets, clock);
  await lamentinData(rig, tickets, clock);
  return Object.assign(rig, { tickets });
}

type Clock = (iso: string) => void;

async function belleriveData(rig: QuoteRig, tickets: TicketService, clock: Clock): Promise<void> {
  const bellerive = await rig.beneficiary(BELLERIVE);
  const declared = await tickets.declare({
    form: form('Messagerie inaccessible', LEA_PHONE),
    beneficiary: bellerive,
    actor: LEA as TicketActor,
    formId: 'b-1',
    conversationId: LEA_CHAT,
  });
  clock('2026-04-30T09:20:00Z');
  const ref = { beneficiaryId: BELLERIVE, ticketId: declared.ticket.id, actor: ENGINEER };
  await tickets.act({ ...ref, action: { type: 'take' } });
  await tickets.act({ ...ref, action: { type: 'reply', message: 'Bonjour Léa Dubois, nous regardons.' } });
  await tickets.declare({
    form: form('Imprimante hors service'),
    beneficiary: bellerive,
    actor: LEA as TicketActor,
    formId: 'b-2',
    conversationId: LEA_CHAT,
  });
  const quote = await rig.sent('b-q1');
  clock('2026-05-21T08:00:00Z');
  const { order } = await rig.deps.quotes.accept({
    beneficiaryId: BELLERIVE,
    quoteId: quote.id,
    actor: MARC,
    version: 1,
  });
  clock('2026-05-22T08:00:00Z');
  await rig.deps.orders.act({
    beneficiaryId: BELLERIVE,
    orderId: order.id,
    action: { type: 'acknowledge' },
    actor: JULIEN,
  });
  await rig.deps.quotes.request({
    form: {
      subject: 'Audit de sécurité',
      need: 'Demande reçue par courriel de Léa Dubois.',
      domain: 'protection-donnees',
    },
    beneficiary: bellerive,
    actor: JULIEN,
    formId: 'b-q2',
    channel: 'email',
    receivedAt: '2026-05-22T07:00:00Z',
    contact: { name: 'Léa Dubois', email: LEA_EMAIL },
  });
}

async function lamentinData(rig: QuoteRig, tickets: TicketService, clock: Clock): Promise<void> {
  const lamentin = await rig.beneficiary(LAMENTIN);
  await tickets.declare({
    form: form('Réseau coupé à la mairie annexe', undefined, 'Joël Célestine'),
    beneficiary: lamentin,
    actor: JOEL as TicketActor,
    formId: 'l-1',
    conversationId: JOEL_CHAT,
  });
  const { quote } = await rig.deps.quotes.request({
    form: { subject: 'Déploiement Intune', need: 'Équiper 80 postes.', domain: 'modern-workplace' },
    beneficiary: lamentin,
    actor: JOEL,
    formId: 'l-q1',
    conversation: { pk: LAMENTIN, conversationId: JOEL_CHAT },
  });
  const ref = { beneficiaryId: LAMENTIN, quoteId: quote.id, actor: JULIEN };
  clock('2026-06-01T08:00:00Z');
  await rig.deps.quotes.prepare({ ...ref, draft: aDraft() });
  await rig.deps.quotes.send(ref);
  clock('2026-06-03T08:00:00Z');
  await rig.deps.quotes.accept({ beneficiaryId: LAMENTIN, quoteId: quote.id, actor: MAELLE, version: 1 });
}
