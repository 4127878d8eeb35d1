import type { TicketActionType } from '../api/types';

/** One input of an action form; `name` is the API's (and the bot card's) input id. */
export interface ActionField {
  name: string;
  label: string;
  kind: 'text' | 'datetime';
  required: boolean;
  hint?: string;
}

const text = (name: string, label: string, hint?: string): ActionField => ({
  name,
  label,
  kind: 'text',
  required: true,
  ...(hint ? { hint } : {}),
});

/**
 * Inputs of the actions that take some; the others (take, resume, close) apply on a click. The
 * rules (lengths, dates) are the API's: it answers in French per input, shown under each field.
 */
export const ACTION_FIELDS: Readonly<Partial<Record<TicketActionType, readonly ActionField[]>>> = {
  reply: [text('message', 'Votre réponse au bénéficiaire')],
  wait: [
    {
      name: 'message',
      label: 'Ce que vous attendez du bénéficiaire',
      kind: 'text',
      required: false,
      hint: 'Facultatif ; le délai de rétablissement est suspendu pendant l’attente.',
    },
  ],
  resolve: [
    text('diagnostic', 'Diagnostic'),
    text('actions', 'Actions menées'),
    text('cause', "Cause de l'incident"),
    { name: 'restoredAt', label: 'Service rétabli le', kind: 'datetime', required: true },
  ],
  addInfo: [text('message', 'Information à ajouter')],
  reopen: [text('reason', 'Pourquoi rouvrir le ticket ?')],
};

/**
 * Actions the tab offers. Reassigning needs the list of engineers, which the API does not publish
 * yet: it stays in the support channel's cards for now.
 */
export const TAB_ACTIONS: readonly TicketActionType[] = [
  'take',
  'reply',
  'wait',
  'resume',
  'resolve',
  'addInfo',
  'close',
  'reopen',
];

/** What the status region says once an action went through. */
export const ACTION_DONE: Readonly<Record<TicketActionType, string>> = {
  take: 'Ticket pris en charge.',
  reply: 'Réponse envoyée au bénéficiaire.',
  wait: 'Ticket mis en attente du bénéficiaire.',
  resume: 'Ticket repris.',
  resolve: "Ticket résolu : le rapport d'intervention est enregistré.",
  reassign: 'Ticket réaffecté.',
  addInfo: 'Information ajoutée au ticket.',
  close: 'Ticket clos.',
  reopen: 'Ticket rouvert.',
};
