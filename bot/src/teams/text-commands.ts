/**
 * Maps what a user types (or the action a card button sends) to a bot request.
 */

export type BotCommand =
  | 'welcome'
  | 'help'
  | 'incident.start'
  | 'incident.onBehalf'
  | 'incident.create'
  | 'incident.createOnBehalf'
  | 'ticket.show'
  | 'tickets.list'
  | 'quote.start'
  | 'quote.create'
  | 'quote.show'
  | 'quotes.list'
  | 'order.show'
  | 'orders.list'
  | 'report.show';

/** A command and its argument (a ticket, quote or order number, a SIRET, a report period). */
export interface BotRequest {
  command: BotCommand;
  arg?: string;
}

const BY_TEXT: Record<string, BotCommand> = {
  aide: 'help',
  help: 'help',
  incident: 'incident.start',
  'declarer un incident': 'incident.start',
  devis: 'quote.start',
  'demander un devis': 'quote.start',
  'mes tickets': 'tickets.list',
  tickets: 'tickets.list',
  'mes devis': 'quotes.list',
  'mes commandes': 'orders.list',
  commandes: 'orders.list',
};

/** Commands a card button may send in its `action` field. */
const CARD_ACTIONS = new Set<string>([
  'help',
  'incident.start',
  'incident.create',
  'incident.createOnBehalf',
  'ticket.show',
  'tickets.list',
  'quote.start',
  'quote.create',
  'quote.show',
  'quotes.list',
  'order.show',
  'orders.list',
]);

/** Lower case, no accents, no punctuation at the ends, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/^[\s!.?,;:]+|[\s!.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The request behind a typed text; anything unknown shows the welcome card. */
export function requestOfText(input: string): BotRequest {
  const text = normaliseText(input);
  const ticket = /^ticket\s+(inc[\s-]*\d{4}[\s-]*\d{1,6})$/.exec(text);
  if (ticket?.[1]) return { command: 'ticket.show', arg: ticket[1] };
  // "devis DEV-2026-0007", or the number alone as a card or an e-mail quotes it.
  const quote = /^(?:devis\s+)?(dev[\s._-]*\d{4}[\s._-]*\d{1,4})$/.exec(text);
  if (quote?.[1]) return { command: 'quote.show', arg: quote[1] };
  const order = /^(?:(?:bon de )?commande\s+)?(bc[\s._-]*\d{4}[\s._-]*\d{1,4})$/.exec(text);
  if (order?.[1]) return { command: 'order.show', arg: order[1] };
  const report = /^rapport\s+(.+)$/.exec(text);
  if (report?.[1]) return { command: 'report.show', arg: report[1] };
  const onBehalf = /^incident pour\s+([\d\s]{14,20})$/.exec(text);
  if (onBehalf?.[1]) return { command: 'incident.onBehalf', arg: onBehalf[1].replace(/\s/g, '') };
  return { command: BY_TEXT[text] ?? 'welcome' };
}

/** The request behind a card's Action.Submit payload. */
export function requestOfSubmit(value: unknown): BotRequest {
  const v = (value ?? {}) as { action?: unknown; number?: unknown };
  const action = typeof v.action === 'string' ? v.action : '';
  if (!CARD_ACTIONS.has(action)) return { command: 'welcome' };
  return { command: action as BotCommand, ...(typeof v.number === 'string' ? { arg: v.number } : {}) };
}
