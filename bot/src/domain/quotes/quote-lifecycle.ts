/**
 * The quote state machine: requested → in-preparation → sent → accepted | declined | expired, with
 * revisions (a new version in preparation supersedes a sent one). Every applied action yields the
 * new quote, one append-only audit event and the notifications it causes — or throws a typed error
 * and changes nothing: `ForbiddenError` (wrong side), `QuoteSupersededError` (not the latest
 * version), `QuoteAlreadyDecidedError` (accepted or declined already), `QuoteExpiredError` (past its
 * validity), `InvalidTransitionError` (any other status), `ValidationError` (bad draft or input).
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import {
  InvalidTransitionError,
  QuoteAlreadyDecidedError,
  QuoteExpiredError,
  QuoteSupersededError,
  ValidationError,
} from '../errors';
import { formatFrenchDate } from './french-date';
import {
  QUOTE_ACTION_SIDE,
  QUOTE_ACTION_TYPES,
  QUOTE_ACTION_VERBS,
  QUOTE_ALLOWED_FROM,
  type QuoteAction,
  type QuoteActionType,
  optionalReason,
  withDe,
} from './quote-action';
import {
  type QuoteActor,
  type QuoteActorRole,
  isAccountManager,
  isApproverOf,
  requireAccountManager,
  requireApproverOf,
} from './quote-actor';
import {
  type QuoteEvent,
  type QuoteNotification,
  eventActor,
  quoteEventId,
  quoteNotifications,
} from './quote-event';
import { quoteActionTexts } from './quote-messages';
import { localDateOf } from './quote-calendar';
import { QUOTE_TRANSITIONS, type QuoteTransitionResult } from './quote-transitions';
import { QUOTE_STATUS_LABELS, type Quote, latestVersion, quoteStatusOf, quoteVersionLabel } from './quote';

/** A quote after an action, with its audit event and the notifications to send. */
export interface AppliedQuoteAction {
  readonly quote: Quote;
  readonly event: QuoteEvent;
  readonly notify: QuoteNotification[];
}

/** Applies an action and returns the quote with `seq` + 1; the input quote and action are never modified. */
export function applyQuoteAction(
  quote: Quote,
  action: QuoteAction,
  actor: QuoteActor,
  now: Instant,
): AppliedQuoteAction {
  const role = authorise(quote, action.type, actor);
  assertVersion(quote, action);
  assertTransition(quote, action.type);
  const valid = normalise(action);
  // Instances' clocks may differ slightly: an action never goes back before the quote's last change.
  const at = formatInstant(Math.max(parseInstant(now, 'now'), parseInstant(quote.updatedAt, 'updatedAt')));
  const result = (QUOTE_TRANSITIONS[valid.type] as (...args: unknown[]) => QuoteTransitionResult)(
    quote,
    valid,
    actor,
    at,
  );
  const after: Quote = {
    ...result.quote,
    status: quoteStatusOf(result.quote.versions),
    seq: quote.seq + 1,
    updatedAt: at,
  };
  return {
    quote: after,
    event: actionEvent(quote, after, valid.type, result, actor, role),
    notify: quoteNotifications(after, quoteActionTexts(quote, after, valid, actor)),
  };
}

/** The actions this actor may make on the quote now (what a card or the tab shows as buttons). */
export function availableQuoteActions(quote: Quote, actor: QuoteActor): QuoteActionType[] {
  return QUOTE_ACTION_TYPES.filter(
    (type) =>
      QUOTE_ALLOWED_FROM[type].includes(quote.status) &&
      (QUOTE_ACTION_SIDE[type] === 'titulaire'
        ? isAccountManager(actor)
        : isApproverOf(actor, quote.beneficiaryId)),
  );
}

function authorise(quote: Quote, type: QuoteActionType, actor: QuoteActor): QuoteActorRole {
  return QUOTE_ACTION_SIDE[type] === 'titulaire'
    ? requireAccountManager(actor, `${QUOTE_ACTION_VERBS[type]} un devis`)
    : requireApproverOf(
        actor,
        { id: quote.beneficiaryId, name: quote.beneficiaryName },
        `${QUOTE_ACTION_VERBS[type]} ce devis`,
      );
}

/** A decision (or a send) names the version it was made on: only the latest one counts. */
function assertVersion(quote: Quote, action: QuoteAction): void {
  const wanted = 'version' in action ? action.version : undefined;
  if (wanted === undefined) return;
  const latest = latestVersion(quote);
  // Without any version, the status check says what is wrong: nothing has been sent yet.
  if (!latest || wanted === latest.version) return;
  if (Number.isInteger(wanted) && wanted >= 1 && wanted < latest.version) {
    throw new QuoteSupersededError(
      `La version ${wanted} du devis ${quote.number} a été remplacée par la version ${latest.version} : ` +
        `seule la dernière version peut être ${action.type === 'send' ? 'envoyée' : 'acceptée ou refusée'}.`,
      wanted,
      latest.version,
    );
  }
  throw new ValidationError(`Le devis ${quote.number} n'a pas de version ${String(wanted)}.`, [
    { path: 'version', message: 'version inconnue' },
  ]);
}

function assertTransition(quote: Quote, type: QuoteActionType): void {
  if (QUOTE_ALLOWED_FROM[type].includes(quote.status)) return;
  const v = latestVersion(quote);
  const label = v ? quoteVersionLabel(quote, v.version) : quote.number;
  if ((type === 'accept' || type === 'decline') && v?.decision) {
    const verb = quote.status === 'accepted' ? 'accepté' : 'refusé';
    const order = quote.order ? ` ; bon de commande ${quote.order.number}` : '';
    throw new QuoteAlreadyDecidedError(
      `Le devis ${label} a déjà été ${verb} par ${v.decision.by.name} le ${formatFrenchDate(localDateOf(quote.zone, v.decision.at))}${order}.`,
      quote.status,
    );
  }
  if (type === 'accept' && quote.status === 'expired') {
    throw new QuoteExpiredError(
      `Le devis ${label} a expiré le ${formatFrenchDate(v!.validUntil!)} : il ne peut plus être accepté. ` +
        'Demandez une nouvelle version au Titulaire.',
      v!.validUntil!,
    );
  }
  throw new InvalidTransitionError(
    `Impossible ${withDe(QUOTE_ACTION_VERBS[type])} le devis ${label} : il est au statut « ${QUOTE_STATUS_LABELS[quote.status]} ».`,
    quote.status,
    type,
  );
}

/** The action with its optional reason checked and trimmed. */
function normalise(action: QuoteAction): QuoteAction {
  if (action.type !== 'decline' && action.type !== 'revise') return action;
  const { reason: _reason, ...rest } = action;
  const reason = optionalReason(action.reason);
  return reason === undefined ? rest : { ...rest, reason };
}

function actionEvent(
  before: Quote,
  after: Quote,
  type: QuoteActionType,
  result: QuoteTransitionResult,
  actor: QuoteActor,
  role: QuoteActorRole,
): QuoteEvent {
  return {
    id: quoteEventId(after.id, after.seq),
    type: 'quote-event',
    quoteId: after.id,
    quoteNumber: after.number,
    beneficiaryId: after.beneficiaryId,
    seq: after.seq,
    at: after.updatedAt,
    action: type,
    version: result.version,
    actor: eventActor(actor, role),
    before: before.status,
    after: after.status,
    details: result.details,
  };
}
