/**
 * Quotes and orders in Teams: the request form and its submission, "mes devis", "devis DEV-…",
 * "mes commandes", "commande BC-…", and the Action.Execute buttons of the quote and order cards.
 * Handlers parse, call the services, and render a card: the rules live in the domain. A
 * beneficiary's agent only ever reads its own partitions, whatever a card or a message names.
 */
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import { ForbiddenError, GuichetError, NotFoundError, ValidationError } from '../domain/errors';
import type { Requester } from '../domain/identity/requester';
import { ORDER_ACTION_TYPES, type OrderAction, type OrderActionType } from '../domain/orders/order-action';
import { parseOrderNumber } from '../domain/orders/order-number';
import { parseQuoteDecision } from '../domain/quotes/quote-action';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import type { Quote } from '../domain/quotes/quote';
import { requestedTexts } from '../domain/quotes/quote-messages';
import { parseQuoteNumber } from '../domain/quotes/quote-number';
import { parseQuoteRequestForm } from '../domain/quotes/quote-request-form';
import type { OrderService } from '../services/order-service';
import type { QuoteAudienceLookup, QuoteService } from '../services/quote-service';
import type { BusinessDocumentRepository } from '../store/business-document-repository';
import type { Doc, Stored } from '../store/port';
import { activityFacts } from './activity-context';
import { attachment, type AdaptiveCard } from './cards/adaptive-card';
import { approverUserIds } from './cards/quote-notifications';
import { ORDER_REFRESH_VERB, ORDER_VERB_PREFIX, orderCard } from './cards/order-card';
import { orderListCard } from './cards/order-list-card';
import { QUOTE_REFRESH_VERB, QUOTE_VERB_PREFIX, quoteCard } from './cards/quote-card';
import { quoteFormCard } from './cards/quote-form-card';
import { quoteListCard } from './cards/quote-list-card';
import { partitionOf } from './conversation-tracking';
import { actorOf } from './incident-handlers';

/** The staff registry's approvers, as the bot needs them. */
export interface ApproverDirectory extends QuoteAudienceLookup {
  /** SIRETs this person is designated approver for. */
  approverOf(tenantId: string, objectId: string): Promise<string[]>;
}

export interface QuoteDependencies {
  quotes: QuoteService;
  orders: OrderService;
  directory: ApproverDirectory;
  now: () => Date;
}

type KnownRequester = Exclude<Requester, { kind: 'unknown' }>;
type Banner = { text: string; error?: boolean };

/**
 * The person behind the turn as a quote actor. Approvers are designated per beneficiary: a member
 * of a groupement's shared tenant approves only for the SIRETs the registry names.
 */
export async function quoteActorOf(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: QuoteDependencies,
): Promise<QuoteActor> {
  const actor = actorOf(ctx, requester);
  if (actor.kind !== 'beneficiary' || !actor.roles.includes('Beneficiary.Approver')) return actor;
  return { ...actor, approverOf: await deps.directory.approverOf(actor.tenantId, actor.objectId) };
}

/** Titulaire and CANUT staff with a Guichet role read every beneficiary's quotes and orders. */
function isStaff(actor: QuoteActor): boolean {
  return actor.kind !== 'beneficiary' && actor.roles.length > 0;
}

function canSee(actor: QuoteActor, beneficiaryId: string): boolean {
  return isStaff(actor) || (actor.kind === 'beneficiary' && actor.beneficiaryIds.includes(beneficiaryId));
}

function activeBeneficiaries(requester: KnownRequester): Beneficiary[] {
  return requester.kind === 'beneficiary' ? requester.beneficiaries.filter((b) => b.active) : [];
}

const STAFF_REQUEST =
  "Les demandes de devis sont faites par les agents des bénéficiaires. Une demande reçue par courriel s'enregistre depuis l'onglet Guichet, avec sa date de réception.";

/** Sends the request form (beneficiary agents). */
export async function startQuote(ctx: TurnContext, requester: KnownRequester): Promise<void> {
  const beneficiaries = activeBeneficiaries(requester);
  if (beneficiaries.length === 0) return void (await ctx.sendActivity(MessageFactory.text(STAFF_REQUEST)));
  await sendCard(ctx, quoteFormCard({ formId: randomUUID(), beneficiaries }));
}

/** Handles a submitted request form: the form again with French errors, or the confirmation. */
export async function createQuote(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: QuoteDependencies,
): Promise<void> {
  const values = (ctx.activity.value ?? {}) as Record<string, string>;
  const actor = await quoteActorOf(ctx, requester, deps);
  const beneficiaries = activeBeneficiaries(requester);
  if (beneficiaries.length === 0) throw new ForbiddenError(STAFF_REQUEST);
  const formId =
    typeof values.formId === 'string' && values.formId ? values.formId : (ctx.activity.id ?? randomUUID());
  try {
    const beneficiary =
      beneficiaries.length === 1
        ? beneficiaries[0]
        : beneficiaries.find((b) => b.siret === values.beneficiaryId);
    const form = parseQuoteRequestForm(values, {
      beneficiary: beneficiary ?? beneficiaries[0]!,
      now: deps.now().toISOString(),
    });
    if (!beneficiary)
      throw new ValidationError('Choisissez votre organisation.', [
        { path: 'beneficiaryId', message: 'Choisissez votre organisation.' },
      ]);
    const conversationId = activityFacts(ctx.activity).conversationId;
    const pk = partitionOf(requester);
    const { quote } = await deps.quotes.request({
      form,
      beneficiary,
      actor,
      formId,
      conversation: conversationId && pk ? { pk, conversationId } : undefined,
    });
    const reply = MessageFactory.attachment(attachment(quoteCard(quote, actor)));
    reply.text = requestedTexts(quote).beneficiary ?? '';
    await ctx.sendActivity(reply);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const form = quoteFormCard({ formId, values, issues: err.issues, beneficiaries });
    await ctx.sendActivity(MessageFactory.attachment(attachment(form), err.message));
  }
}

/**
 * The staff's open view of quotes or orders, or the newest of the requester's own organisations
 * (read partition by partition, never across).
 */
async function visibleDocuments<T extends Doc & { type: string }>(
  actor: QuoteActor,
  repo: BusinessDocumentRepository<T, unknown>,
  what: string,
  dateOf: (doc: T) => string,
): Promise<T[]> {
  if (isStaff(actor)) return (await repo.listAllOpen()).items;
  if (actor.kind !== 'beneficiary')
    throw new ForbiddenError(
      `Le suivi des ${what} est réservé aux bénéficiaires et aux équipes du Titulaire.`,
    );
  const pages = await Promise.all(actor.beneficiaryIds.map((pk) => repo.listForBeneficiary(pk)));
  return pages.flatMap((p) => p.items).sort((a, b) => dateOf(b).localeCompare(dateOf(a)));
}

/** A quote or order by its number, among the partitions the actor may read (staff: all of them). */
async function findVisibleByNumber<T extends Doc & { type: string }>(
  actor: QuoteActor,
  repo: BusinessDocumentRepository<T, unknown>,
  number: string,
): Promise<Stored<T> | undefined> {
  return isStaff(actor) ? repo.findByNumberAnywhere(number) : repo.findByNumber(number, actor.beneficiaryIds);
}

/** Sends `card` alone as the reply. */
async function sendCard(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
  await ctx.sendActivity(MessageFactory.attachment(attachment(card)));
}

/** "mes devis": the requester's organisations' quotes, or the open ones of all for the Titulaire. */
export async function listQuotes(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: QuoteDependencies,
): Promise<void> {
  const actor = await quoteActorOf(ctx, requester, deps);
  const quotes = await visibleDocuments(actor, deps.quotes.quotes, 'devis', (q) => q.createdAt);
  await sendCard(ctx, quoteListCard(quotes, isStaff(actor)));
}

/** "mes commandes": the requester's organisations' orders, or those in progress of all for the Titulaire. */
export async function listOrders(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: QuoteDependencies,
): Promise<void> {
  const actor = await quoteActorOf(ctx, requester, deps);
  const orders = await visibleDocuments(actor, deps.orders.orders, 'commandes', (o) => o.issuedAt);
  await sendCard(ctx, orderListCard(orders, isStaff(actor)));
}

/** "devis DEV-…": one quote, if the requester may see it (another beneficiary's is "introuvable"). */
export async function showQuote(
  ctx: TurnContext,
  requester: KnownRequester,
  number: string,
  deps: QuoteDependencies,
): Promise<void> {
  const actor = await quoteActorOf(ctx, requester, deps);
  const { text } = parseQuoteNumber(number);
  const quote = await findVisibleByNumber(actor, deps.quotes.quotes, text);
  if (!quote) throw new NotFoundError(`Le devis ${text}`);
  const refreshUserIds = await refreshIds(quote.beneficiaryId, deps);
  await sendCard(ctx, quoteCard(quote, actor, { refreshUserIds }));
}

/** "commande BC-…": one order, if the requester may see it. */
export async function showOrder(
  ctx: TurnContext,
  requester: KnownRequester,
  number: string,
  deps: QuoteDependencies,
): Promise<void> {
  const actor = await quoteActorOf(ctx, requester, deps);
  const { text } = parseOrderNumber(number);
  const order = await findVisibleByNumber(actor, deps.orders.orders, text);
  if (!order) throw new NotFoundError(`Le bon de commande ${text}`);
  const refreshUserIds = await refreshIds(order.beneficiaryId, deps);
  await sendCard(ctx, orderCard(order, actor, { refreshUserIds }));
}

async function refreshIds(beneficiaryId: string, deps: QuoteDependencies): Promise<string[]> {
  return approverUserIds(await deps.directory.approvers(beneficiaryId));
}

function verbOf(ctx: TurnContext): string {
  return String((ctx.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '');
}

/**
 * What a card's Action.Execute acts on: its verb, the actor, the document the card names as stored
 * now (`notFound`, e.g. "Ce devis", when it is missing or another beneficiary's) and the approvers
 * whose card refreshes too.
 */
async function cardAction<T>(
  ctx: TurnContext,
  requester: KnownRequester,
  deps: QuoteDependencies,
  beneficiaryId: string,
  read: () => Promise<T | undefined>,
  notFound: string,
): Promise<{ verb: string; actor: QuoteActor; current: T; refreshUserIds: string[] }> {
  const verb = verbOf(ctx);
  const actor = await quoteActorOf(ctx, requester, deps);
  // Tenant isolation: whatever the card says, an agent only reads its own partitions.
  if (!canSee(actor, beneficiaryId)) throw new NotFoundError(notFound);
  const current = await read();
  if (!current) throw new NotFoundError(notFound);
  return { verb, actor, current, refreshUserIds: await refreshIds(beneficiaryId, deps) };
}

/** An Action.Execute on a quote card: refreshes it, or accepts or declines the version it shows. */
export async function executeQuoteAction(
  ctx: TurnContext,
  requester: KnownRequester,
  data: Record<string, unknown>,
  deps: QuoteDependencies,
): Promise<AdaptiveCard> {
  const ids = { beneficiaryId: String(data.beneficiaryId ?? ''), quoteId: String(data.quoteId ?? '') };
  const read = () => deps.quotes.quotes.get(ids.beneficiaryId, ids.quoteId);
  const card = await cardAction(ctx, requester, deps, ids.beneficiaryId, read, 'Ce devis');
  const { verb, actor, current, refreshUserIds } = card;
  const render = (quote: Quote, banner?: Banner) => quoteCard(quote, actor, { refreshUserIds, banner });
  if (verb === QUOTE_REFRESH_VERB) return render(current);
  try {
    const action = parseQuoteDecision(verb.slice(QUOTE_VERB_PREFIX.length), data);
    const ref = { ...ids, actor, idempotencyKey: ctx.activity.id };
    if (action.type === 'accept') {
      const { quote, order } = await deps.quotes.accept({ ...ref, version: action.version });
      return render(quote, { text: `Devis accepté : bon de commande ${order.number} émis.` });
    }
    if (action.type !== 'decline') throw new ValidationError('Action inconnue sur un devis.');
    const quote = await deps.quotes.decline({ ...ref, version: action.version, reason: action.reason });
    return render(quote, { text: 'Devis refusé : le Titulaire en est informé.' });
  } catch (err) {
    return render(current, errorBanner(err));
  }
}

/** An Action.Execute on an order card: refreshes it, or applies the action of its button. */
export async function executeOrderAction(
  ctx: TurnContext,
  requester: KnownRequester,
  data: Record<string, unknown>,
  deps: QuoteDependencies,
): Promise<AdaptiveCard> {
  const ids = { beneficiaryId: String(data.beneficiaryId ?? ''), orderId: String(data.orderId ?? '') };
  const read = () => deps.orders.orders.get(ids.beneficiaryId, ids.orderId);
  const card = await cardAction(ctx, requester, deps, ids.beneficiaryId, read, 'Ce bon de commande');
  const { verb, actor, current, refreshUserIds } = card;
  if (verb === ORDER_REFRESH_VERB) return orderCard(current, actor, { refreshUserIds });
  try {
    const action = orderActionOf(verb.slice(ORDER_VERB_PREFIX.length), data);
    const order = await deps.orders.act({ ...ids, action, actor, idempotencyKey: ctx.activity.id });
    return orderCard(order, actor, { refreshUserIds, banner: { text: 'C’est fait.' } });
  } catch (err) {
    return orderCard(current, actor, { refreshUserIds, banner: errorBanner(err) });
  }
}

/** An order action from a card's verb and inputs (each reason has its own input id); the domain checks the texts. */
function orderActionOf(type: string, data: Record<string, unknown>): OrderAction {
  if (!(ORDER_ACTION_TYPES as readonly string[]).includes(type))
    throw new ValidationError('Action inconnue sur un bon de commande.');
  const str = (...keys: string[]) => keys.map((k) => data[k]).find((v): v is string => typeof v === 'string');
  switch (type as OrderActionType) {
    case 'cancel':
      return { type: 'cancel', reason: str('cancelReason', 'reason') ?? '' };
    case 'rejectDelivery':
      return { type: 'rejectDelivery', reason: str('rejectReason', 'reason') ?? '' };
    case 'deliver':
      return { type: 'deliver', note: str('note') };
    case 'invoice':
      return { type: 'invoice', reference: str('reference') };
    default:
      return { type } as OrderAction;
  }
}

/** A refused action as a red line on the card; anything unexpected goes up to the turn's handler. */
function errorBanner(err: unknown): Banner {
  if (!(err instanceof GuichetError) || err.code === 'INTERNAL') throw err;
  const detail = err.issues
    .map((i) => i.message)
    .filter((m) => !err.message.includes(m))
    .join(' ');
  return { text: detail ? `${err.message} ${detail}` : err.message, error: true };
}
