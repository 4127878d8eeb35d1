/**
 * The French texts of a ticket's notifications and SLA alerts. Times are shown in the beneficiary's
 * zone, named; the support channel also gets Paris time when the zone differs, since the Titulaire's
 * engineers work on it.
 */
import type { Instant } from '../calendar/instant';
import { ZONES, type ZoneSlug } from '../calendar/zones';
import { severityTitle } from './incident-form';
import { formatLocalDateTime, formatShortLocalDateTime } from './format-local-time';
import type { TicketAlert } from './next-alert';
import { CHANNEL_LABELS, type Ticket } from './ticket';
import type { TicketAction } from './ticket-action';
import type { TicketActor } from './ticket-actor';
import type { NotificationAudience } from './ticket-event';

/** Texts to send per audience; an audience that must not hear about a change is absent. */
export type NotificationTexts = Partial<Record<NotificationAudience, string>>;

const SUMMARY_MAX = 300;

/** A date for the beneficiary: its own wall-clock time, named. */
export function beneficiaryTime(instant: Instant, zone: ZoneSlug): string {
  return formatLocalDateTime(instant, zone);
}

/** A date for the support: the beneficiary's time, and Paris time when the zone is elsewhere. */
export function supportTime(instant: Instant, zone: ZoneSlug): string {
  const local = formatLocalDateTime(instant, zone);
  if (ZONES[zone].tz === 'Europe/Paris') return local;
  return `${local} (soit le ${formatShortLocalDateTime(instant, 'metropole')} heure de Paris)`;
}

/** Texts announcing a new ticket: the beneficiary's confirmation and the support channel's alert. */
export function openedTexts(ticket: Ticket): NotificationTexts {
  const severity = severityTitle(ticket.severity);
  const onBehalf =
    ticket.channel === 'teams'
      ? ''
      : ` Reçu par ${CHANNEL_LABELS[ticket.channel]}, saisi par ${ticket.declaredBy.name}.`;
  return {
    beneficiary:
      `Votre demande est enregistrée sous le numéro ${ticket.number} (${severity.toLowerCase()}). ` +
      `Première réponse du support au plus tard le ${beneficiaryTime(ticket.firstResponseDueAt, ticket.zone)}.`,
    support:
      `Nouveau ticket ${ticket.number} — ${ticket.beneficiaryName} (${ZONES[ticket.zone].label}, ` +
      `modalité ${ticket.modality}) — ${severity} : ${quote(ticket.title)}. ` +
      `Première réponse due le ${supportTime(ticket.firstResponseDueAt, ticket.zone)}.${onBehalf}`,
  };
}

/** Texts announcing an action, given the ticket before and after it. */
export function actionTexts(
  before: Ticket,
  after: Ticket,
  action: TicketAction,
  actor: TicketActor,
): NotificationTexts {
  const n = after.number;
  switch (action.type) {
    case 'take':
      return {
        beneficiary: `Votre ticket ${n} est pris en charge par ${actor.name}, du support du Titulaire.`,
        support: `${n} pris en charge par ${actor.name}, ${after.firstResponse?.onTime ? 'dans le délai' : 'hors délai'}. Échéance : ${supportTime(after.firstResponseDueAt, after.zone)}.`,
      };
    case 'reply':
      return {
        beneficiary: `Réponse du support sur votre ticket ${n} (${actor.name}) :\n\n${action.message}`,
      };
    case 'wait':
      return {
        beneficiary:
          `Le support attend une information de votre part sur le ticket ${n}` +
          `${action.message ? ` : ${action.message}` : '.'}\n\nRépondez avec « Compléter » sur la fiche du ticket.`,
      };
    case 'resume':
      return { beneficiary: `Le support reprend le traitement de votre ticket ${n}.` };
    case 'resolve':
      return { beneficiary: resolvedText(after) };
    case 'reassign':
      return {
        beneficiary: `Votre ticket ${n} est désormais suivi par ${action.to.name}.`,
        support: `${n} réaffecté à ${action.to.name} par ${actor.name}${before.assignee ? ` (suivi jusqu'ici par ${before.assignee.name})` : ''}.`,
      };
    case 'addInfo':
      return {
        support:
          `${actor.name} (${after.beneficiaryName}) a complété ${n} : ${quote(action.message)}.` +
          (before.status === 'waiting-beneficiary' ? " Fin de l'attente : le ticket reprend." : ''),
      };
    case 'close':
      return { support: `${n} clos par ${actor.name} (${after.beneficiaryName}) : résolution confirmée.` };
    case 'reopen':
      return {
        beneficiary: `Votre ticket ${n} est rouvert ; le support reprend son traitement.`,
        support: `${n} rouvert par ${actor.name} (${after.beneficiaryName}) : ${quote(action.reason)}.`,
      };
  }
}

function resolvedText(ticket: Ticket): string {
  const r = ticket.resolution!;
  return [
    `Votre ticket ${ticket.number} est résolu.`,
    `Diagnostic : ${r.diagnostic}`,
    `Actions menées : ${r.actions}`,
    `Cause : ${r.cause}`,
    `Service rétabli le ${beneficiaryTime(r.restoredAt, ticket.zone)}.`,
    'Confirmez la résolution avec « Clore », ou rouvrez le ticket si le problème persiste.',
  ].join('\n\n');
}

/** The support channel's text of an SLA alert. */
export function alertText(ticket: Ticket, alert: TicketAlert): string {
  const target = alert.kind === 'firstResponse' ? 'première réponse' : 'rétablissement';
  const due =
    alert.kind === 'firstResponse'
      ? ticket.firstResponseDueAt
      : ticket.restoration.status === 'running'
        ? ticket.restoration.dueAt
        : alert.at;
  const who = ticket.assignee
    ? ` Suivi par ${ticket.assignee.name}.`
    : " Personne ne l'a encore pris en charge.";
  const head = `${ticket.number} — ${ticket.beneficiaryName}, gravité ${ticket.severity} : ${quote(ticket.title)}.`;
  return alert.breach
    ? `Délai de ${target} dépassé — ${head} Échéance : ${supportTime(due, ticket.zone)}.${who}`
    : `Alerte délai — ${head} ${alert.percent} % du délai de ${target} écoulé ; échéance ${supportTime(due, ticket.zone)}.${who}`;
}

function quote(text: string): string {
  const cut = [...text];
  return `« ${cut.length > SUMMARY_MAX ? `${cut.slice(0, SUMMARY_MAX - 1).join('')}…` : text} »`;
}
