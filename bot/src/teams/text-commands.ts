/**
 * Maps what a user types (or the action a card button sends) to a bot command.
 */

export type BotCommand =
  'welcome' | 'help' | 'incident.start' | 'quote.start' | 'tickets.list' | 'quotes.list' | 'orders.list';

const BY_TEXT: Record<string, BotCommand> = {
  aide: 'help',
  help: 'help',
  incident: 'incident.start',
  'declarer un incident': 'incident.start',
  devis: 'quote.start',
  'demander un devis': 'quote.start',
  'mes tickets': 'tickets.list',
  'mes devis': 'quotes.list',
  'mes commandes': 'orders.list',
};

const ACTIONS = new Set<string>([
  'help',
  'incident.start',
  'quote.start',
  'tickets.list',
  'quotes.list',
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

/** The command for a typed text or a card action; anything unknown shows the welcome card. */
export function commandOf(input: string): BotCommand {
  if (ACTIONS.has(input)) return input as BotCommand;
  return BY_TEXT[normaliseText(input)] ?? 'welcome';
}
