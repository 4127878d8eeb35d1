/**
 * French labels of the API's codes, worded as the bot's cards word them (bot/src/domain/tickets) so
 * a ticket reads the same in the chat and in the tab.
 */
import type { Severity, TicketActionType, TicketStatus } from '../api/types';

export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: 'Nouveau',
  taken: 'Pris en charge',
  'in-progress': 'En cours',
  'waiting-beneficiary': 'En attente du bénéficiaire',
  resolved: 'Résolu',
  closed: 'Clos',
};

export const SEVERITIES: readonly Severity[] = [1, 2, 3, 4];

/** Short meaning of each severity (CCTP 5.6.6.1). */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  1: 'Système critique arrêté',
  2: 'Système critique dégradé',
  3: 'Impact modéré',
  4: 'Impact minime',
};

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  incident: 'Incident',
  demande: 'Demande de service',
  'maintenance-corrective': 'Maintenance corrective',
  'maintenance-evolutive': 'Maintenance évolutive',
};

export const DOMAIN_LABELS: Readonly<Record<string, string>> = {
  'modern-workplace': 'Modern Workplace (Microsoft 365, postes de travail)',
  infrastructure: 'Infrastructure (Azure, serveurs, réseau)',
  'protection-donnees': 'Protection des données (sécurité, conformité)',
  'business-apps': 'Applications métier (Power Platform, Dynamics 365)',
};

export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  teams: 'Teams',
  tab: "l'onglet Guichet",
  phone: 'téléphone',
  email: 'e-mail',
};

export const ACTOR_ROLE_LABELS: Readonly<Record<string, string>> = {
  'Support.Engineer': 'ingénieur support',
  Admin: 'administrateur',
  'Beneficiary.Agent': 'agent du bénéficiaire',
};

/** Button titles of the actions, as on the cards. */
export const ACTION_TITLES: Readonly<Record<TicketActionType, string>> = {
  take: 'Prendre en charge',
  reply: 'Répondre',
  wait: 'En attente du bénéficiaire',
  resume: 'Reprendre',
  resolve: 'Résoudre',
  reassign: 'Réaffecter',
  addInfo: 'Compléter',
  close: 'Clore',
  reopen: 'Rouvrir',
};

/** What each event of the timeline says the actor did. */
export const EVENT_VERBS: Readonly<Record<TicketActionType | 'open', string>> = {
  open: 'a déclaré le ticket',
  take: 'a pris en charge le ticket',
  reply: 'a répondu',
  wait: 'a mis le ticket en attente du bénéficiaire',
  resume: 'a repris le ticket',
  resolve: 'a résolu le ticket',
  reassign: 'a réaffecté le ticket',
  addInfo: 'a complété le ticket',
  close: 'a clos le ticket',
  reopen: 'a rouvert le ticket',
};

/** Label of a code, or the code itself when the API grew a value the tab does not know yet. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

/** The signed-in user's roles, as the header shows them. */
export const USER_ROLE_LABELS: Readonly<Record<string, string>> = {
  'Support.Engineer': 'Ingénieur support',
  'Account.Manager': 'Chargé de compte',
  Admin: 'Administrateur',
  'Canut.Staff': 'Agent du CANUT',
  'Beneficiary.Approver': 'Approbateur',
};
