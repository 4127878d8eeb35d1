/**
 * The actions on a quote, which side may make each, and which statuses they start from. Decisions
 * (accept, decline) name the version the approver saw, so that a card showing version 1 can never
 * accept it once version 2 exists.
 */
import type { PriceSchedule } from '../catalogue/price-schedule';
import { ValidationError } from '../errors';
import type { QuoteDraftInput } from './quote-draft';
import type { QuoteStatus } from './quote';

/** An action on a quote, with its inputs. */
export type QuoteAction =
  /** Prices (or re-prices) the version being prepared; the first one creates version 1. */
  | { readonly type: 'prepare'; readonly draft: QuoteDraftInput; readonly schedule: PriceSchedule }
  /** Sends the version being prepared; `version`, when given, must be it. */
  | { readonly type: 'send'; readonly version?: number }
  /** Starts a new version from a sent, declined or expired one; a sent one is superseded. */
  | {
      readonly type: 'revise';
      readonly draft: QuoteDraftInput;
      readonly schedule: PriceSchedule;
      readonly reason?: string;
    }
  | { readonly type: 'accept'; readonly version: number }
  | { readonly type: 'decline'; readonly version: number; readonly reason?: string }
  /** Records that the validity of the sent version is over. */
  | { readonly type: 'expire' };

/** The name of an action on a quote. */
export type QuoteActionType = QuoteAction['type'];

/** Every action on a quote, in the order cards show them. */
export const QUOTE_ACTION_TYPES: readonly QuoteActionType[] = Object.freeze([
  'prepare',
  'send',
  'revise',
  'accept',
  'decline',
  'expire',
]);

/** Which side may make an action: the Titulaire's account managers, or the beneficiary's approvers. */
export const QUOTE_ACTION_SIDE: Readonly<Record<QuoteActionType, 'titulaire' | 'approver'>> = Object.freeze({
  prepare: 'titulaire',
  send: 'titulaire',
  revise: 'titulaire',
  accept: 'approver',
  decline: 'approver',
  expire: 'titulaire',
});

/**
 * The statuses each action may start from. A declined or expired quote can still be revised: the
 * beneficiary often asks for an adjusted offer, which stays on the same request and number.
 */
export const QUOTE_ALLOWED_FROM: Readonly<Record<QuoteActionType, readonly QuoteStatus[]>> = Object.freeze({
  prepare: ['requested', 'in-preparation'],
  send: ['in-preparation'],
  revise: ['sent', 'declined', 'expired'],
  accept: ['sent'],
  decline: ['sent'],
  expire: ['sent'],
});

/** French infinitives of the actions, for refusals ("Impossible d'envoyer le devis…"). */
export const QUOTE_ACTION_VERBS: Readonly<Record<QuoteActionType, string>> = Object.freeze({
  prepare: 'préparer',
  send: 'envoyer',
  revise: 'réviser',
  accept: 'accepter',
  decline: 'refuser',
  expire: 'déclarer expiré',
});

/** "de facturer", "d'accepter": the French preposition before an infinitive, elided before a vowel. */
export function withDe(phrase: string): string {
  return /^[aeiouyàâéèêëîïôû]/i.test(phrase) ? `d'${phrase}` : `de ${phrase}`;
}

/** French button titles, as cards show them. */
export const QUOTE_ACTION_TITLES: Readonly<Record<QuoteActionType, string>> = Object.freeze({
  prepare: 'Préparer',
  send: 'Envoyer',
  revise: 'Nouvelle version',
  accept: 'Accepter',
  decline: 'Refuser',
  expire: 'Expiré',
});

/** Longest reason accepted for a decline, a revision or a cancellation. */
export const REASON_MAX = 2000;

/** An accept or decline from a card's verb and values (`version`, optional `reason`); French errors otherwise. */
export function parseQuoteDecision(type: unknown, values: unknown): QuoteAction {
  const input = values !== null && typeof values === 'object' ? (values as Record<string, unknown>) : {};
  const version = Number(input.version);
  if (type !== 'accept' && type !== 'decline') {
    throw new ValidationError('Action inconnue sur un devis.', [
      { path: 'type', message: 'action inconnue' },
    ]);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new ValidationError('Version du devis manquante : rechargez la carte puis recommencez.', [
      { path: 'version', message: 'version invalide' },
    ]);
  }
  if (type === 'accept') return { type, version };
  const reason = optionalReason(input.reason);
  return reason === undefined ? { type, version } : { type, version, reason };
}

/** A trimmed optional reason, `undefined` when blank; French `ValidationError` when too long. */
export function optionalReason(value: unknown, path = 'reason'): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if ([...text].length <= REASON_MAX) return text;
  throw new ValidationError('La raison ne doit pas dépasser 2\u00a0000 caractères.', [
    { path, message: 'raison trop longue' },
  ]);
}
