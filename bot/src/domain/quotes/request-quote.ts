/**
 * Recording a quote request: its due date is computed in the beneficiary's calendar from the local
 * day it was received (CCTP 5.6.6.2), the terms in force are frozen on it, and both sides hear about
 * it with the due date from the first message. Pure: the caller allocates the id and the number,
 * then persists the quote, its event and its notifications together.
 */
import { type Instant, formatInstant, parseInstant } from '../calendar/instant';
import type { Beneficiary } from '../beneficiaries/beneficiary';
import { BeneficiaryInactiveError, ForbiddenError, ValidationError } from '../errors';
import { checkReceivedAt, checkRecordId, isRecordedAfterTheFact } from '../request-intake';
import { type QuoteActor, type QuoteActorRole, isAccountManager, isBeneficiaryAgent } from './quote-actor';
import { quoteCalendar } from './quote-calendar';
import { quoteDueDate } from './quote-deadline';
import {
  type QuoteEvent,
  type QuoteNotification,
  eventActor,
  quoteEventId,
  quoteNotifications,
} from './quote-event';
import { requestedTexts } from './quote-messages';
import { parseQuoteNumber } from './quote-number';
import type { QuoteRequestForm } from './quote-request-form';
import { DEFAULT_QUOTE_TERMS, type QuoteTerms } from './quote-terms';
import type { Quote, QuoteChannel, QuoteContact, QuoteRequest } from './quote';

/** The beneficiary fields a quote depends on. */
export type QuoteBeneficiary = Pick<
  Beneficiary,
  'siret' | 'name' | 'zone' | 'closingDays' | 'active' | 'conventionDate'
>;

/** Everything needed to record a request. `channel` defaults to `teams`, `receivedAt` to `now`. */
export interface RequestQuoteInput {
  readonly form: QuoteRequestForm;
  readonly beneficiary: QuoteBeneficiary;
  readonly requestedBy: QuoteActor;
  readonly channel?: QuoteChannel;
  readonly receivedAt?: Instant;
  /** The agent who wrote, for a request received by e-mail (required then). */
  readonly contact?: QuoteContact;
  readonly now: Instant;
  /** Chosen by the caller, deterministic from the submit so that a replay records nothing new. */
  readonly id: string;
  readonly number: string;
  readonly terms?: QuoteTerms;
  readonly conversationId?: string;
}

/** A new quote request, its event and its notifications. */
export interface RequestedQuote {
  readonly quote: Quote;
  readonly event: QuoteEvent;
  readonly notify: QuoteNotification[];
}

/** Records a request for an active beneficiary; `BeneficiaryInactiveError`, `ForbiddenError` or `ValidationError` otherwise. */
export function requestQuote(input: RequestQuoteInput): RequestedQuote {
  const b = input.beneficiary;
  if (!b.active) throw new BeneficiaryInactiveError(b.name);
  const role = requesterRole(input);
  const now = formatInstant(parseInstant(input.now, 'now'));
  const receivedAt = checkReceivedAt(b, input.receivedAt, now);
  checkRecordId(input.id, 'de devis');
  const terms = input.terms ?? DEFAULT_QUOTE_TERMS;
  const quote: Quote = {
    id: input.id,
    number: parseQuoteNumber(input.number).text,
    beneficiaryId: b.siret,
    beneficiaryName: b.name,
    zone: b.zone,
    closingDays: [...b.closingDays],
    request: requestOf(input, role, receivedAt),
    dueDate: quoteDueDate(quoteCalendar(b), receivedAt, terms.answerWorkingDays),
    terms,
    ...(input.conversationId ? { originConversationId: input.conversationId } : {}),
    status: 'requested',
    versions: [],
    createdAt: now,
    seq: 1,
    updatedAt: now,
  };
  return {
    quote,
    event: requestEvent(quote, eventActor(input.requestedBy, role)),
    notify: quoteNotifications(quote, requestedTexts(quote)),
  };
}

function requestOf(input: RequestQuoteInput, role: QuoteActorRole, receivedAt: Instant): QuoteRequest {
  const { subject, need, domain, wishedStart } = input.form;
  const actor = input.requestedBy;
  const staff = role === 'Account.Manager' || role === 'Admin';
  return {
    subject,
    need,
    ...(wishedStart ? { wishedStart } : {}),
    domain,
    channel: input.channel ?? 'teams',
    receivedAt,
    requestedBy: staff
      ? contactOf(input)
      : { name: actor.name, tenantId: actor.tenantId, objectId: actor.objectId },
    ...(staff ? { recordedBy: { objectId: actor.objectId, name: actor.name } } : {}),
  };
}

function requestEvent(quote: Quote, actor: QuoteEvent['actor']): QuoteEvent {
  const r = quote.request;
  return {
    id: quoteEventId(quote.id, 1),
    type: 'quote-event',
    quoteId: quote.id,
    quoteNumber: quote.number,
    beneficiaryId: quote.beneficiaryId,
    seq: 1,
    at: quote.createdAt,
    action: 'request',
    version: null,
    actor,
    before: null,
    after: 'requested',
    details: {
      channel: r.channel,
      receivedAt: r.receivedAt,
      dueDate: quote.dueDate,
      subject: r.subject,
      domain: r.domain,
    },
  };
}

/**
 * An agent requests for its own beneficiary, in Teams, at the present time. Only account managers
 * record a request received by e-mail or give an earlier reception time, since that time moves the
 * contractual deadline.
 */
function requesterRole(input: RequestQuoteInput): QuoteActorRole {
  const actor = input.requestedBy;
  if (isAccountManager(actor)) return actor.roles.includes('Account.Manager') ? 'Account.Manager' : 'Admin';
  if (!isBeneficiaryAgent(actor, input.beneficiary.siret)) {
    throw new ForbiddenError(
      `Seuls les agents de ${input.beneficiary.name} et les chargés de compte du Titulaire peuvent demander un devis pour ce bénéficiaire.`,
    );
  }
  if (isRecordedAfterTheFact(input)) {
    throw new ForbiddenError(
      'Seuls les chargés de compte du Titulaire peuvent saisir une demande de devis reçue par e-mail.',
    );
  }
  return actor.roles.includes('Beneficiary.Approver') ? 'Beneficiary.Approver' : 'Beneficiary.Agent';
}

function contactOf(input: RequestQuoteInput): QuoteContact {
  if (input.contact) return { ...input.contact };
  if ((input.channel ?? 'teams') === 'email') {
    throw new ValidationError("Indiquez l'agent qui a écrit l'e-mail de demande.", [
      { path: 'contactName', message: 'demandeur manquant' },
    ]);
  }
  // A request an account manager took in Teams on a beneficiary's behalf: the manager is the contact.
  return {
    name: input.requestedBy.name,
    tenantId: input.requestedBy.tenantId,
    objectId: input.requestedBy.objectId,
  };
}
