/**
 * Minimal typed builders for Adaptive Cards 1.5 (Teams' maximum). Cards are built from these
 * helpers, never from raw JSON strings, so a typo is a compile error.
 */

export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & {
  type: 'Action.Submit' | 'Action.Execute' | 'Action.OpenUrl' | 'Action.ShowCard';
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

/** A line on top of a card: the outcome of the action just made, or an error. */
export interface CardBanner {
  text: string;
  error?: boolean;
}

/**
 * The top of the card of one ticket, quote or order: the banner when there is one, the title, and
 * the status line right under it.
 */
export function cardHeading(banner: CardBanner | undefined, title: string, status: string): CardElement[] {
  return [
    ...(banner ? [text(banner.text, { color: banner.error ? 'Attention' : 'Good', weight: 'Bolder' })] : []),
    text(title, { size: 'Large', weight: 'Bolder' }),
    text(status, { isSubtle: true, spacing: 'None' }),
  ];
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

export interface InputOptions {
  placeholder?: string;
  value?: string;
  isRequired?: boolean;
  /** The server's French validation message, shown in red under the input. */
  problem?: string;
  /** What the client says when a required input is left empty. */
  requiredMessage?: string;
  isMultiline?: boolean;
  maxLength?: number;
  style?: 'text' | 'tel' | 'email' | 'url';
}

/** A labelled text input; a server-side error, when given, is shown in red under it. */
export function textInput(id: string, label: string, options: InputOptions = {}): CardElement[] {
  const { problem, requiredMessage, ...rest } = options;
  return [
    { type: 'Input.Text', id, label, ...rest, ...requiredError(options.isRequired, requiredMessage, label) },
    ...problemText(problem),
  ];
}

/** Adaptive Cards want a message for every required input: the client shows it when left empty. */
function requiredError(isRequired: boolean | undefined, message: string | undefined, label: string) {
  return isRequired ? { errorMessage: message ?? `${label} : champ obligatoire.` } : {};
}

function problemText(problem: string | undefined): CardElement[] {
  return problem ? [text(problem, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** A labelled choice set (drop-down, or radio buttons when `expanded`). */
export function choiceInput(
  id: string,
  label: string,
  choices: { title: string; value: string }[],
  options: {
    value?: string;
    isRequired?: boolean;
    problem?: string;
    expanded?: boolean;
    placeholder?: string;
  } = {},
): CardElement[] {
  const { problem, expanded, ...rest } = options;
  return [
    {
      type: 'Input.ChoiceSet',
      id,
      label,
      choices,
      style: expanded ? 'expanded' : 'compact',
      ...rest,
      ...requiredError(options.isRequired, undefined, label),
    },
    ...problemText(problem),
  ];
}

/** An Action.Execute: Teams sends an `adaptiveCard/action` invoke with this verb and data. */
export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  style?: 'positive' | 'destructive',
): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...(style ? { style } : {}) };
}

/** An action that unfolds a sub-card (used to collect the inputs of an action in place). */
export function showCard(title: string, body: CardElement[], actions: CardAction[]): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions } };
}

/**
 * Makes a card refresh itself through an Action.Execute `verb` when a user opens it, so every viewer
 * sees the current state and the buttons of their own role. Teams refreshes automatically only for
 * the listed users (at most 60), others on demand.
 */
export function withRefresh(
  content: AdaptiveCard,
  verb: string,
  data: Record<string, unknown>,
  userIds: string[] = [],
): AdaptiveCard {
  return {
    ...content,
    refresh: {
      action: { type: 'Action.Execute', title: 'Actualiser', verb, data },
      ...(userIds.length > 0 ? { userIds: userIds.slice(0, 60) } : {}),
    },
  };
}
