/**
 * What a quote or order notification looks like in Teams: its French text, with the card as the
 * audience first sees it (Accepter / Refuser in an approver's chat, no button in the requester's
 * chat, the Titulaire's view for the account managers). The cards refresh themselves per viewer, and
 * list the approvers Guichet can name so that their Teams clients refresh them automatically.
 */
import type { Order } from '../../domain/orders/order';
import type { OrderNotification } from '../../domain/orders/order-event';
import type { QuoteActor } from '../../domain/quotes/quote-actor';
import type { QuoteAudience, QuoteNotification } from '../../domain/quotes/quote-event';
import type { Quote } from '../../domain/quotes/quote';
import type { ApproverReach, QuoteRenderers, RenderContext } from '../../services/quote-service';
import type { OutboxActivity } from '../../store/outbox-message';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './adaptive-card';
import { orderCard } from './order-card';
import { quoteCard } from './quote-card';

/** A stand-in viewer for the first render of a card posted to a whole audience. */
export function audienceViewer(beneficiaryId: string, audience: QuoteAudience): QuoteActor {
  const nobody = { tenantId: '', objectId: '', name: '' };
  if (audience === 'account-managers')
    return { ...nobody, kind: 'titulaire', roles: ['Account.Manager'], beneficiaryIds: [] };
  if (audience === 'approvers')
    return {
      ...nobody,
      kind: 'beneficiary',
      roles: ['Beneficiary.Approver'],
      beneficiaryIds: [beneficiaryId],
      approverOf: [beneficiaryId],
    };
  return { ...nobody, kind: 'beneficiary', roles: [], beneficiaryIds: [beneficiaryId] };
}

/** The Teams user ids (MRIs) of the approvers Guichet has heard from. */
export function approverUserIds(reach: ApproverReach): string[] {
  return reach.conversations.flatMap((c) => (c.userId ? [c.userId] : []));
}

/**
 * What the requester's side must know when the quote is sent and some approvers cannot be written
 * to: Teams lets a bot write first only to people who have installed it, so the requester passes
 * the word on, and an approver opens the quote by typing its number to the bot.
 */
export function approverReachNote(quote: Quote, reach: ApproverReach): string {
  const show = `« devis ${quote.number} »`;
  if (reach.objectIds.length === 0)
    return (
      `\n\nAucun approbateur n'est encore désigné pour ${quote.beneficiaryName} dans Guichet : ` +
      'demandez à un administrateur de Guichet d’en désigner un pour que ce devis puisse être accepté.'
    );
  if (reach.conversations.length === 0)
    return (
      `\n\nVos approbateurs n'ont pas encore ouvert Guichet dans Teams : prévenez-les, ils afficheront ` +
      `ce devis et pourront le valider en écrivant ${show} au bot Guichet.`
    );
  if (reach.conversations.length < reach.objectIds.length)
    return `\n\nCertains approbateurs n'ont pas encore ouvert Guichet dans Teams : ils afficheront ce devis en écrivant ${show} au bot Guichet.`;
  return '';
}

/** The activity of a quote notification. */
export function renderQuoteNotification(
  quote: Quote,
  notification: QuoteNotification,
  context: RenderContext,
): OutboxActivity {
  const note =
    context.audience === 'beneficiary' && quote.status === 'sent'
      ? approverReachNote(quote, context.approvers)
      : '';
  return {
    text: `${notification.text}${note}`,
    summary: `${quote.number} — ${quote.request.subject}`,
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: quoteCard(quote, audienceViewer(quote.beneficiaryId, context.audience), {
          refreshUserIds: approverUserIds(context.approvers),
        }),
      },
    ],
  };
}

/** The activity of an order notification. */
export function renderOrderNotification(
  order: Order,
  notification: OrderNotification,
  context: RenderContext,
): OutboxActivity {
  return {
    text: notification.text,
    summary: `${order.number} — ${order.quote.subject}`,
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: orderCard(order, audienceViewer(order.beneficiaryId, context.audience), {
          refreshUserIds: approverUserIds(context.approvers),
        }),
      },
    ],
  };
}

/** Both renderers, as the quote and order services take them. */
export const QUOTE_RENDERERS: QuoteRenderers = {
  quote: renderQuoteNotification,
  order: renderOrderNotification,
};
