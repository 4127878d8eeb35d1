/**
 * The card of a quote, as one viewer sees it: the request and its due date, then the latest version
 * (summary, provisional calendar with costs per phase and deliverable, totals HT / TVA / TTC,
 * anonymised profiles), and Accepter / Refuser for the beneficiary's approvers only. The card
 * refreshes itself through `quote.refresh`, so every viewer gets the current state and their own
 * buttons; the buttons are checked again on the server whatever a card shows.
 */
import { formatFrenchDate } from '../../domain/quotes/french-date';
import { availableQuoteActions } from '../../domain/quotes/quote-lifecycle';
import { isAccountManager, isBeneficiaryAgent, type QuoteActor } from '../../domain/quotes/quote-actor';
import { localDateOf } from '../../domain/quotes/quote-calendar';
import { QUOTE_STATUS_LABELS, latestVersion, type Quote, type QuoteVersion } from '../../domain/quotes/quote';
import { DOMAIN_LABELS } from '../../domain/tickets/incident-form';
import { formatLocalDateTime } from '../../domain/tickets/format-local-time';
import {
  card,
  cardHeading,
  execute,
  facts,
  showCard,
  text,
  textInput,
  withRefresh,
  type AdaptiveCard,
  type CardBanner,
  type CardAction,
  type CardElement,
} from './adaptive-card';
import { amountFacts, quoteCalendarElements, quoteProfilesElements } from './quote-card-sections';

/** The verb prefix of every quote card action; `quote.refresh` re-renders the card. */
export const QUOTE_VERB_PREFIX = 'quote.';
export const QUOTE_REFRESH_VERB = 'quote.refresh';

export interface QuoteCardOptions {
  banner?: CardBanner;
  /** Teams user ids (MRIs) whose client refreshes the card by itself (at most 60). */
  refreshUserIds?: string[];
}

const NEED_SHOWN = 600;
/** Teams refuses cards over 28 KB: above this, the calendar is shown without its details. */
const COMPACT_ABOVE_BYTES = 24 * 1024;

/** The card of `quote` for `viewer` (undefined viewer: no buttons). */
export function quoteCard(
  quote: Quote,
  viewer: QuoteActor | undefined,
  options: QuoteCardOptions = {},
): AdaptiveCard {
  const full = build(quote, viewer, options, false);
  return Buffer.byteLength(JSON.stringify(full)) > COMPACT_ABOVE_BYTES
    ? build(quote, viewer, options, true)
    : full;
}

function build(
  quote: Quote,
  viewer: QuoteActor | undefined,
  options: QuoteCardOptions,
  compact: boolean,
): AdaptiveCard {
  const version = shownVersion(quote, viewer);
  const ids = { beneficiaryId: quote.beneficiaryId, quoteId: quote.id };
  const body: CardElement[] = [
    ...cardHeading(options.banner, `${quote.number} — ${quote.request.subject}`, statusLine(quote)),
    requestFacts(quote),
    text(clip(quote.request.need, NEED_SHOWN), { separator: true, isSubtle: true }),
    ...(version ? versionElements(quote, version, compact) : []),
    ...hints(quote, viewer, version),
  ];
  const actions = version && viewer ? decisionActions(quote, version, viewer, ids) : [];
  return withRefresh(card(body, actions), QUOTE_REFRESH_VERB, ids, options.refreshUserIds);
}

/**
 * The version a viewer may read: the latest one, except that a beneficiary does not see a version
 * the Titulaire is still preparing (it is not an offer yet).
 */
export function shownVersion(quote: Quote, viewer: QuoteActor | undefined): QuoteVersion | undefined {
  const latest = latestVersion(quote);
  if (!latest) return undefined;
  const staff = viewer !== undefined && viewer.kind !== 'beneficiary';
  return latest.status === 'in-preparation' && !staff ? undefined : latest;
}

function statusLine(quote: Quote): string {
  const latest = latestVersion(quote);
  return latest
    ? `${QUOTE_STATUS_LABELS[quote.status]} · version ${latest.version}`
    : QUOTE_STATUS_LABELS[quote.status];
}

function requestFacts(quote: Quote): CardElement {
  const r = quote.request;
  const t = quote.timeliness;
  const viaEmail =
    r.channel === 'email' ? ` (reçue par courriel, saisie par ${r.recordedBy?.name ?? 'le Titulaire'})` : '';
  return facts([
    ['Bénéficiaire', `${quote.beneficiaryName} (SIRET ${quote.beneficiaryId})`],
    ['Demandé par', `${r.requestedBy.name}${viaEmail}`],
    ['Reçue le', formatLocalDateTime(r.receivedAt, quote.zone)],
    ['Réponse due le', formatFrenchDate(quote.dueDate)],
    [
      'Réponse envoyée',
      t &&
        `${formatFrenchDate(t.sentDate)}, ${t.onTime ? 'dans le délai' : `en retard (${t.workingDaysLate} j ouvré(s))`}`,
    ],
    ['Début souhaité', r.wishedStart && formatFrenchDate(r.wishedStart)],
    ['Domaine', DOMAIN_LABELS[r.domain]],
    ['Bon de commande', quote.order?.number],
  ]);
}

function versionElements(quote: Quote, v: QuoteVersion, compact: boolean): CardElement[] {
  return [
    text(`Version ${v.version} — ${QUOTE_STATUS_LABELS[v.status]}`, { weight: 'Bolder', separator: true }),
    facts([
      ['Envoyée le', v.sentAt && formatFrenchDate(localDateOf(quote.zone, v.sentAt))],
      ['Valable jusqu’au', v.validUntil && formatFrenchDate(v.validUntil)],
      ['Prix', `BPU ${v.scheduleVersion}`],
      ['Décision', decisionText(quote, v)],
    ]),
    ...quoteCalendarElements(v, compact),
    text('Montant', { weight: 'Bolder', separator: true }),
    amountFacts(v.totals, v.vatRateBp),
    ...quoteProfilesElements(v),
  ];
}

function decisionText(quote: Quote, v: QuoteVersion): string | undefined {
  const d = v.decision;
  if (!d) return undefined;
  const day = formatFrenchDate(localDateOf(quote.zone, d.at));
  const verb = v.status === 'accepted' ? 'Accepté' : 'Refusé';
  return `${verb} par ${d.by.name} le ${day}${d.reason ? ` : « ${clip(d.reason, 300)} »` : ''}`;
}

/** One line that tells the viewer what happens next, or who can act. */
function hints(quote: Quote, viewer: QuoteActor | undefined, v: QuoteVersion | undefined): CardElement[] {
  if (!viewer) return [];
  const subtle = (s: string) => [text(s, { isSubtle: true, size: 'Small', separator: true })];
  if (isAccountManager(viewer) && quote.status !== 'accepted')
    return subtle('Préparez, envoyez ou révisez ce devis depuis l’onglet Guichet.');
  if (!isBeneficiaryAgent(viewer, quote.beneficiaryId)) return [];
  if (!v)
    return subtle(
      `Le Titulaire prépare votre devis : il vous sera envoyé au plus tard le ${formatFrenchDate(quote.dueDate)}.`,
    );
  if (quote.status === 'sent' && !availableQuoteActions(quote, viewer).includes('accept'))
    return subtle(`Seuls les approbateurs de ${quote.beneficiaryName} peuvent accepter ou refuser ce devis.`);
  return [];
}

/** Accepter / Refuser, for an approver of the beneficiary looking at the sent version. */
function decisionActions(
  quote: Quote,
  v: QuoteVersion,
  viewer: QuoteActor,
  ids: Record<string, string>,
): CardAction[] {
  const allowed = availableQuoteActions(quote, viewer);
  const data = { ...ids, version: v.version };
  const actions: CardAction[] = [];
  if (allowed.includes('accept'))
    actions.push(execute('Accepter', `${QUOTE_VERB_PREFIX}accept`, data, 'positive'));
  if (allowed.includes('decline'))
    actions.push(
      showCard(
        'Refuser',
        textInput('reason', 'Motif du refus (facultatif, transmis au Titulaire)', {
          isMultiline: true,
          maxLength: 2000,
        }),
        [execute('Confirmer le refus', `${QUOTE_VERB_PREFIX}decline`, data, 'destructive')],
      ),
    );
  return actions;
}

/** The text cut to `max` characters, with an ellipsis. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}
