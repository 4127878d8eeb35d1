/**
 * The French texts of a quote's notifications. Dates are local dates of the beneficiary (deadline
 * and validity count whole local days), amounts are in euros with French grouping. Profiles appear
 * only by code and level: a notification never names anyone proposed for the work.
 */
import { formatEuros } from '../catalogue/money';
import { ZONES } from '../calendar/zones';
import { CHANNEL_LABELS } from '../tickets/ticket';
import { formatFrenchDate } from './french-date';
import type { QuoteAction } from './quote-action';
import type { QuoteActor } from './quote-actor';
import type { QuoteAudience } from './quote-event';
import { formatVatRate } from './quote-terms';
import { type Quote, type QuoteVersion, latestVersion, quoteVersionLabel } from './quote';

/** Texts to send per audience; an audience that must not hear about a change is absent. */
export type QuoteTexts = Partial<Record<QuoteAudience, string>>;

const SUMMARY_MAX = 200;

/** Texts announcing a new request: the beneficiary's confirmation and the account managers' alert. */
export function requestedTexts(quote: Quote): QuoteTexts {
  const due = formatFrenchDate(quote.dueDate);
  const r = quote.request;
  const wished = r.wishedStart ? ` Début souhaité : ${formatFrenchDate(r.wishedStart)}.` : '';
  const recorded =
    r.channel === 'teams'
      ? ''
      : ` Reçue par ${CHANNEL_LABELS[r.channel]} de ${r.requestedBy.name}, saisie par ${r.recordedBy?.name ?? 'le Titulaire'}.`;
  return {
    beneficiary:
      `Votre demande de devis est enregistrée sous le numéro ${quote.number}. ` +
      `Le Titulaire vous enverra son devis au plus tard le ${due} (${quote.terms.answerWorkingDays} jours ouvrés).`,
    'account-managers':
      `Nouvelle demande de devis ${quote.number} — ${quote.beneficiaryName} (${ZONES[quote.zone].label}) : ` +
      `${quoted(r.subject)}.${wished} Devis à envoyer au plus tard le ${due}.${recorded}`,
  };
}

/** Texts announcing an action, given the quote before and after it. */
export function quoteActionTexts(
  before: Quote,
  after: Quote,
  action: QuoteAction,
  actor: QuoteActor,
): QuoteTexts {
  const v = latestVersion(after)!;
  const label = quoteVersionLabel(after, v.version);
  switch (action.type) {
    case 'prepare':
      // Re-pricing a draft is the account manager's own work: only the first one is news.
      return before.status === 'requested'
        ? {
            beneficiary: `Votre demande de devis ${after.number} est en préparation par ${actor.name}, chargé de compte du Titulaire. Réponse au plus tard le ${formatFrenchDate(after.dueDate)}.`,
          }
        : {};
    case 'send':
      return sentTexts(after, v);
    case 'revise': {
      const previous = after.versions[after.versions.length - 2]!;
      const withdrawn =
        previous.status === 'superseded' ? ` La version ${previous.version} ne peut plus être acceptée.` : '';
      return {
        beneficiary: `Le Titulaire prépare une version ${v.version} de votre devis ${after.number}.${withdrawn}`,
      };
    }
    case 'accept':
      return {
        'account-managers': `${label} accepté par ${actor.name} (${after.beneficiaryName}) : ${formatEuros(v.totals.htCents)} HT. Le bon de commande suit.`,
      };
    case 'decline':
      return {
        'account-managers': `${label} refusé par ${actor.name} (${after.beneficiaryName})${action.reason ? ` : ${quoted(action.reason)}` : '.'}`,
      };
    case 'expire': {
      const text = `Le devis ${label} a expiré : il était valable jusqu'au ${formatFrenchDate(v.validUntil!)}.`;
      return {
        beneficiary: `${text} Demandez une nouvelle version au Titulaire si votre besoin demeure.`,
        'account-managers': `${text} (${after.beneficiaryName}).`,
      };
    }
  }
}

/** The quote as its approvers and requester receive it: amounts, calendar, validity, how to decide. */
export function sentSummary(quote: Quote, v: QuoteVersion): string {
  const t = v.totals;
  const first = v.phases[0]!;
  const last = v.phases.reduce((a, p) => (p.end > a ? p.end : a), first.end);
  const phases = v.phases.length === 1 ? '1 phase' : `${v.phases.length} phases`;
  return [
    `Devis ${quoteVersionLabel(quote, v.version)} — ${quoted(quote.request.subject)}`,
    `Montant : ${formatEuros(t.htCents)} HT, TVA ${formatVatRate(v.vatRateBp)} ${formatEuros(t.vatCents)}, ${formatEuros(t.ttcCents)} TTC.`,
    `Calendrier prévisionnel : du ${formatFrenchDate(first.start)} au ${formatFrenchDate(last)}, ${phases}.`,
    `Profils proposés : ${v.profiles.map((p) => p.code).join(', ')}.`,
    `Valable jusqu'au ${formatFrenchDate(v.validUntil!)}.`,
  ].join('\n\n');
}

function sentTexts(quote: Quote, v: QuoteVersion): QuoteTexts {
  const summary = sentSummary(quote, v);
  const texts: QuoteTexts = {
    beneficiary: `${summary}\n\nLes approbateurs de ${quote.beneficiaryName} peuvent l'accepter ou le refuser depuis la carte du devis.`,
    approvers: `${summary}\n\nAcceptez-le ou refusez-le avec « Accepter » ou « Refuser » sur la carte du devis.`,
  };
  const t = quote.timeliness;
  if (t && t.version === v.version && !t.onTime) {
    texts['account-managers'] =
      `${quoteVersionLabel(quote, v.version)} envoyé en retard à ${quote.beneficiaryName} : échéance le ` +
      `${formatFrenchDate(t.dueDate)}, ${lateText(quote)} de retard, pénalité ${formatEuros(t.penalty.amountCents)}` +
      `${t.penalty.capped ? ' (plafonnée)' : ''}.`;
  }
  return texts;
}

/** Days late in the unit the penalty rules count: "7 jours", "4 jours ouvrés". */
function lateText(quote: Quote): string {
  const t = quote.timeliness!;
  const working = quote.terms.penaltyRules.lateDays === 'working';
  const days = working ? t.workingDaysLate : t.calendarDaysLate;
  return `${days} ${days === 1 ? 'jour' : 'jours'}${working ? (days === 1 ? ' ouvré' : ' ouvrés') : ''}`;
}

function quoted(text: string): string {
  const cut = [...text];
  return `« ${cut.length > SUMMARY_MAX ? `${cut.slice(0, SUMMARY_MAX - 1).join('')}…` : text} »`;
}
