/**
 * What a ticket notification looks like in Teams: its French text, with the ticket card as the
 * audience sees it (support buttons in the support channel, beneficiary buttons in the beneficiary's
 * conversation). The card refreshes itself per viewer, so these buttons are only the first render.
 */
import type { Ticket } from '../domain/tickets/ticket';
import type { TicketActor } from '../domain/tickets/ticket-actor';
import type { TicketNotification } from '../domain/tickets/ticket-event';
import type { OutboxActivity } from '../store/outbox-message';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards/adaptive-card';
import { ticketCard } from './cards/ticket-card';

/** A stand-in viewer for the first render of a card posted to a whole audience. */
function audienceViewer(ticket: Ticket, audience: TicketNotification['audience']): TicketActor {
  return audience === 'support'
    ? {
        kind: 'titulaire',
        tenantId: '',
        objectId: '',
        name: '',
        roles: ['Support.Engineer'],
        beneficiaryIds: [],
      }
    : {
        kind: 'beneficiary',
        tenantId: '',
        objectId: '',
        name: '',
        roles: [],
        beneficiaryIds: [ticket.beneficiaryId],
      };
}

/** The activity of a notification. */
export function renderTicketNotification(ticket: Ticket, notification: TicketNotification): OutboxActivity {
  return {
    text: notification.text,
    summary: `${ticket.number} — ${ticket.title}`,
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: ticketCard(ticket, audienceViewer(ticket, notification.audience)),
      },
    ],
  };
}
