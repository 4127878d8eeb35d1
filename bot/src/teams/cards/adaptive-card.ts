/**
 * Minimal typed builders for Adaptive Cards 1.5 (Teams' maximum). Cards are built from these
 * helpers, never from raw JSON strings, so a typo is a compile error.
 */

export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & {
  type: 'Action.Submit' | 'Action.Execute' | 'Action.OpenUrl';
  title: string;
};

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width: 'Full' };
  refresh?: Record<string, unknown>;
}

/** The attachment content type Teams expects for an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A card with the 1.5 schema header. */
export function card(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** A text block; `options` pass through (size, weight, color, isSubtle…). */
export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A fact set from label/value pairs; empty values are left out. */
export function facts(pairs: [string, string | undefined][]): CardElement {
  return {
    type: 'FactSet',
    facts: pairs.filter(([, v]) => v !== undefined && v !== '').map(([title, value]) => ({ title, value })),
  };
}

/** An Action.Submit whose payload names the action the bot routes on. */
export function submit(title: string, action: string, extra: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Submit', title, data: { action, ...extra } };
}

/** A row of actions inside the card body. */
export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** Wraps a card as a message attachment. */
export function attachment(content: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
