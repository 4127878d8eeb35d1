/**
 * The actions on a ticket, their inputs as cards submit them, and which side may make each:
 * support actions (the Titulaire's engineers) or beneficiary actions (the ticket's own beneficiary).
 */
import { z } from 'zod';
import { choiceField, frenchNumber, parseForm, textField } from './incident-form';
import type { PersonRef } from './ticket';

/** The intervention report as typed; `restoredAt` is ISO-8601 or a local "YYYY-MM-DDTHH:mm" in the ticket's zone. */
export interface ResolutionReport {
  readonly diagnostic: string;
  readonly actions: string;
  readonly cause: string;
  readonly restoredAt: string;
}

export type TicketAction =
  | { readonly type: 'take' }
  | { readonly type: 'reply'; readonly message: string }
  | { readonly type: 'wait'; readonly message?: string }
  | { readonly type: 'resume' }
  | { readonly type: 'resolve'; readonly report: ResolutionReport }
  | { readonly type: 'reassign'; readonly to: PersonRef }
  | { readonly type: 'addInfo'; readonly message: string }
  | { readonly type: 'close' }
  | { readonly type: 'reopen'; readonly reason: string };

export type TicketActionType = TicketAction['type'];

export const TICKET_ACTION_TYPES: readonly TicketActionType[] = Object.freeze([
  'take',
  'reply',
  'wait',
  'resume',
  'resolve',
  'reassign',
  'addInfo',
  'close',
  'reopen',
]);

/** Which side may make an action. */
export const ACTION_SIDE: Readonly<Record<TicketActionType, 'support' | 'beneficiary'>> = Object.freeze({
  take: 'support',
  reply: 'support',
  wait: 'support',
  resume: 'support',
  resolve: 'support',
  reassign: 'support',
  addInfo: 'beneficiary',
  close: 'beneficiary',
  reopen: 'beneficiary',
});

/** French infinitives of the actions, for refusals ("Impossible de clore le ticket…"). */
export const ACTION_VERBS: Readonly<Record<TicketActionType, string>> = Object.freeze({
  take: 'prendre en charge',
  reply: 'répondre sur',
  wait: 'mettre en attente du bénéficiaire',
  resume: 'reprendre',
  resolve: 'résoudre',
  reassign: 'réaffecter',
  addInfo: 'compléter',
  close: 'clore',
  reopen: 'rouvrir',
});

/** French button titles of the actions, as the cards show them. */
export const ACTION_TITLES: Readonly<Record<TicketActionType, string>> = Object.freeze({
  take: 'Prendre en charge',
  reply: 'Répondre',
  wait: 'En attente du bénéficiaire',
  resume: 'Reprendre',
  resolve: 'Résoudre',
  reassign: 'Réaffecter',
  addInfo: 'Compléter',
  close: 'Clore',
  reopen: 'Rouvrir',
});

export const MESSAGE_MAX = 4000;

const message = (missing: string) =>
  textField({
    min: 1,
    max: MESSAGE_MAX,
    missing,
    tooShort: missing,
    tooLong: `Le message ne doit pas dépasser ${frenchNumber(MESSAGE_MAX)} caractères`,
  });

const reportText = (min: number, max: number, missing: string, name: string) =>
  textField({
    min,
    max,
    missing,
    tooShort: `${name} doit compter au moins ${min} caractères.`,
    tooLong: `${name} ne doit pas dépasser ${frenchNumber(max)} caractères`,
  });

const optionalWaitMessage = z.unknown().transform((value, ctx): string | undefined => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if ([...text].length <= 1000) return text;
  ctx.addIssue({
    code: 'custom',
    message: 'La demande au bénéficiaire ne doit pas dépasser 1\u00a0000 caractères.',
  });
  return z.NEVER;
});

const restoredAtText = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  ctx.addIssue({ code: 'custom', message: "Indiquez la date et l'heure du rétablissement du service." });
  return z.NEVER;
});

/** Schemas of each action's card inputs (input ids as keys). */
export const ACTION_INPUT_SCHEMAS = {
  reply: z.object({ message: message('Écrivez votre réponse au bénéficiaire.') }),
  wait: z.object({ message: optionalWaitMessage.optional() }),
  resolve: z.object({
    diagnostic: reportText(3, 4000, 'Décrivez le diagnostic.', 'Le diagnostic'),
    actions: reportText(3, 4000, 'Décrivez les actions menées.', 'La description des actions'),
    cause: reportText(3, 2000, "Indiquez la cause de l'incident.", 'La cause'),
    restoredAt: restoredAtText,
  }),
  reassign: z.object({
    assigneeId: textField({
      min: 1,
      max: 100,
      missing: "Choisissez l'ingénieur à qui confier le ticket.",
      tooShort: "Choisissez l'ingénieur à qui confier le ticket.",
      tooLong: "Identifiant d'ingénieur invalide",
    }),
    assigneeName: textField({
      min: 1,
      max: 200,
      missing: "Nom de l'ingénieur manquant.",
      tooShort: "Nom de l'ingénieur manquant.",
      tooLong: "Nom de l'ingénieur trop long",
    }),
  }),
  addInfo: z.object({ message: message("Écrivez l'information à ajouter.") }),
  reopen: z.object({
    reason: reportText(3, 2000, 'Dites pourquoi vous rouvrez le ticket.', 'La raison'),
  }),
};

const actionType = choiceField(TICKET_ACTION_TYPES, 'Action inconnue sur un ticket.');

/** A typed action from a card's verb and input values; French `ValidationError` per input otherwise. */
export function parseTicketAction(type: unknown, values: unknown): TicketAction {
  const kind = parseForm(z.object({ type: actionType }), { type }).type;
  switch (kind) {
    case 'reply':
    case 'addInfo':
      return { type: kind, message: parseForm(ACTION_INPUT_SCHEMAS[kind], values).message };
    case 'wait': {
      const { message: text } = parseForm(ACTION_INPUT_SCHEMAS.wait, values);
      return text === undefined ? { type: 'wait' } : { type: 'wait', message: text };
    }
    case 'resolve':
      return { type: 'resolve', report: parseForm(ACTION_INPUT_SCHEMAS.resolve, values) };
    case 'reassign': {
      const input = parseForm(ACTION_INPUT_SCHEMAS.reassign, values);
      return { type: 'reassign', to: { objectId: input.assigneeId, name: input.assigneeName } };
    }
    case 'reopen':
      return { type: 'reopen', reason: parseForm(ACTION_INPUT_SCHEMAS.reopen, values).reason };
    default:
      return { type: kind };
  }
}

/** The same action with its texts validated and trimmed, whether it came from a card or from code. */
export function validateTicketAction(action: TicketAction): TicketAction {
  switch (action.type) {
    case 'reply':
    case 'addInfo':
    case 'wait':
    case 'reopen':
      return parseTicketAction(action.type, action);
    case 'resolve':
      return parseTicketAction('resolve', action.report);
    case 'reassign':
      return parseTicketAction('reassign', { assigneeId: action.to.objectId, assigneeName: action.to.name });
    default:
      return parseTicketAction(action.type, {});
  }
}
