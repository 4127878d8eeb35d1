/**
 * The quote use cases shared by the bot and the API: request a quote, prepare, revise and send it
 * (account managers), decline or accept it (approvers). Each change is committed in one batch of the
 * beneficiary's partition — the quote, its audit event and the outbox messages it causes, plus, on
 * acceptance, the new order and its event — so there is never an accepted quote without its order,
 * nor a notification of something that did not happen. Replays (Teams retrying a submit or an
 * invoke) change nothing a second time.
 */
import { createHash } from 'node:crypto';
import type { Beneficiary } from '../domain/beneficiaries/beneficiary';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../domain/errors';
import { issueOrder } from '../domain/orders/issue-order';
import type { Order } from '../domain/orders/order';
import type { OrderEvent, OrderNotification } from '../domain/orders/order-event';
import { formatOrderNumber, orderCounterName, orderNumberYear } from '../domain/orders/order-number';
import type { Quote, QuoteChannel, QuoteContact } from '../domain/quotes/quote';
import type { QuoteAction } from '../domain/quotes/quote-action';
import type { QuoteActor } from '../domain/quotes/quote-actor';
import { localDateOf } from '../domain/quotes/quote-calendar';
import type { QuoteDraftInput } from '../domain/quotes/quote-draft';
import type { QuoteAudience, QuoteEvent, QuoteNotification } from '../domain/quotes/quote-event';
import { applyQuoteAction } from '../domain/quotes/quote-lifecycle';
import { formatQuoteNumber, quoteCounterName, quoteNumberYear } from '../domain/quotes/quote-number';
import type { QuoteRequestForm } from '../domain/quotes/quote-request-form';
import type { QuoteTerms } from '../domain/quotes/quote-terms';
import { requestQuote } from '../domain/quotes/request-quote';
import { CounterRepository } from '../store/counter-repository';
import { OrderRepository, orderIdOf, type OrderDoc } from '../store/order-repository';
import { newOutboxMessage, type OutboxActivity, type OutboxMessage } from '../store/outbox-message';
import type { BatchOperation, Doc, Store, Stored } from '../store/port';
import { PriceScheduleRepository } from '../store/price-schedule-repository';
import { QuoteRepository, type QuoteDoc } from '../store/quote-repository';

/** A stored conversation the outbox can write to. */
export interface ConversationTarget {
  pk: string;
  conversationId: string;
}

/** A beneficiary's approvers as Guichet can reach them. */
export interface ApproverReach {
  /** Entra object ids of every approver designated in the staff registry. */
  objectIds: string[];
  /**
   * Personal conversations of the approvers who have talked to the bot, with their Teams user id
   * (MRI, for the card's refresh list). An approver who never did cannot be written to first.
   */
  conversations: (ConversationTarget & { objectId: string; userId?: string })[];
}

/** Finds who hears about quotes and orders besides the requester's own conversation. */
export interface QuoteAudienceLookup {
  approvers(beneficiaryId: string): Promise<ApproverReach>;
  /** Where the Titulaire's account managers hear about requests, decisions and orders. */
  accountManagers(): Promise<ConversationTarget[]>;
}

/** What a renderer knows besides the document: for whom the message is, and the approvers. */
export interface RenderContext {
  audience: QuoteAudience;
  approvers: ApproverReach;
}

/** Turns notifications into activities (text, and the card as that audience first sees it). */
export interface QuoteRenderers {
  quote(quote: Quote, notification: QuoteNotification, context: RenderContext): OutboxActivity;
  order(order: Order, notification: OrderNotification, context: RenderContext): OutboxActivity;
}

export interface QuoteServiceOptions {
  audiences: QuoteAudienceLookup;
  render: QuoteRenderers;
  /** Frozen on each new request; the contract's defaults otherwise. */
  terms?: QuoteTerms;
  /** Called after a commit that queued messages, so the sender runs at once. */
  wake?: () => void;
  now?: () => Date;
}

export interface RequestInput {
  form: QuoteRequestForm;
  beneficiary: Beneficiary;
  actor: QuoteActor;
  /** Identifies the submitted form (or the API call): the same one submitted twice records one request. */
  formId: string;
  /** The conversation the request came from, and the partition its reference is stored in. */
  conversation?: ConversationTarget;
  channel?: QuoteChannel;
  receivedAt?: string;
  contact?: QuoteContact;
}

/** Which quote, who acts, and the key of the attempt (a retried invoke returns the first outcome). */
export interface QuoteRef {
  beneficiaryId: string;
  quoteId: string;
  actor: QuoteActor;
  idempotencyKey?: string;
}

/** A draft to price: the schedule in force today unless a version is named. */
export type DraftRef = QuoteRef & { draft: QuoteDraftInput; scheduleVersion?: string };

type StoredQuote = Stored<QuoteDoc>;
type Notified = { beneficiaryId: string; originConversationId?: string; originConversationPk?: string };

/** Most approvers' chats and account managers' targets written per change (a batch holds 100 operations). */
const MAX_APPROVER_MESSAGES = 40;
const MAX_MANAGER_MESSAGES = 20;

/** Records quote requests and applies the actions of both sides. */
export class QuoteService {
  readonly quotes: QuoteRepository;
  readonly orders: OrderRepository;
  private readonly counters: CounterRepository;
  private readonly schedules: PriceScheduleRepository;
  private readonly outbox: QuoteOutbox;
  private readonly now: () => Date;

  constructor(
    store: Store,
    private readonly options: QuoteServiceOptions,
  ) {
    this.quotes = new QuoteRepository(store);
    this.orders = new OrderRepository(store);
    this.counters = new CounterRepository(store);
    this.schedules = new PriceScheduleRepository(store);
    this.outbox = new QuoteOutbox(options.audiences);
    this.now = options.now ?? (() => new Date());
  }

  /** Records a request (or returns the one this form already recorded); `created` tells which. */
  async request(input: RequestInput): Promise<{ quote: Quote; created: boolean }> {
    const id = `dev-${input.formId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 64)}`;
    const existing = await this.quotes.get(input.beneficiary.siret, id);
    if (existing) return { quote: existing, created: false };
    const now = this.now().toISOString();
    const year = quoteNumberYear(now);
    const requested = requestQuote({
      form: input.form,
      beneficiary: input.beneficiary,
      requestedBy: input.actor,
      channel: input.channel,
      receivedAt: input.receivedAt,
      contact: input.contact,
      now,
      id,
      number: formatQuoteNumber(year, await this.counters.next(quoteCounterName(year))),
      terms: this.options.terms,
      conversationId: input.conversation?.conversationId,
    });
    const doc: QuoteDoc = {
      ...requested.quote,
      pk: requested.quote.beneficiaryId,
      type: 'quote',
      ...(input.conversation ? { originConversationPk: input.conversation.pk } : {}),
    };
    // Requested from a conversation, the turn itself answers with the confirmation: queueing it
    // too would send it twice.
    const notify = requested.notify.filter((n) => !(n.audience === 'beneficiary' && input.conversation));
    try {
      await this.commitQuote(doc, 'create', requested.event, notify);
    } catch (err) {
      // The same form, submitted twice at once: the other submission recorded it.
      if (!(err instanceof ConflictError)) throw err;
      const winner = await this.quotes.get(input.beneficiary.siret, id);
      if (!winner) throw err;
      return { quote: winner, created: false };
    }
    return { quote: requested.quote, created: true };
  }

  /** Prices the version being prepared (the first call creates version 1). */
  async prepare(input: DraftRef): Promise<Quote> {
    return this.act(input, async (q) => ({
      type: 'prepare',
      draft: input.draft,
      schedule: await this.schedule(q, input.scheduleVersion),
    }));
  }

  /** Starts a new version from a sent, declined or expired one (a sent one is superseded). */
  async revise(input: DraftRef & { reason?: string }): Promise<Quote> {
    return this.act(input, async (q) => ({
      type: 'revise',
      draft: input.draft,
      schedule: await this.schedule(q, input.scheduleVersion),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
    }));
  }

  /** Sends the version being prepared to the requester and the approvers. */
  async send(input: QuoteRef & { version?: number }): Promise<Quote> {
    return this.act(input, async () => ({ type: 'send', version: input.version }));
  }

  /** Declines the version the approver saw. */
  async decline(input: QuoteRef & { version: number; reason?: string }): Promise<Quote> {
    return this.act(input, async () => ({ type: 'decline', version: input.version, reason: input.reason }));
  }

  /** Records that the sent version is past its validity (the quote watch's job). */
  async expire(input: QuoteRef): Promise<Quote> {
    return this.act(input, async () => ({ type: 'expire' }));
  }

  /**
   * Accepts the version the approver saw and issues its order, in one batch. The acceptance is
   * checked before the order number is taken, so a refused acceptance uses no number.
   */
  async accept(input: QuoteRef & { version: number }): Promise<{ quote: Quote; order: Order }> {
    let number: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const current = await this.current(input);
      if (isReplay(current, input)) return { quote: current, order: await this.orderOf(current) };
      const now = this.now().toISOString();
      const accepted = applyQuoteAction(
        current,
        { type: 'accept', version: input.version },
        input.actor,
        now,
      );
      number ??= await this.nextOrderNumber(accepted.quote.updatedAt);
      const issued = issueOrder({
        quote: accepted.quote,
        actor: input.actor,
        now,
        id: orderIdOf(current.id),
        number,
      });
      try {
        await this.commitAcceptance(current, input, accepted, issued);
        return { quote: issued.quote, order: issued.order };
      } catch (err) {
        // Someone else changed the quote meanwhile: read it again, once; the domain then says why.
        if (!(err instanceof PreconditionFailedError || err instanceof ConflictError) || attempt > 0)
          throw err;
      }
    }
  }

  /** Applies an action built from the current quote; retried once when someone else changed it. */
  private async act(input: QuoteRef, build: (quote: Quote) => Promise<QuoteAction>): Promise<Quote> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.current(input);
      if (isReplay(current, input)) return current;
      const applied = applyQuoteAction(current, await build(current), input.actor, this.now().toISOString());
      const doc: QuoteDoc = { ...keepExtras(current), ...applied.quote, ...lastActionOf(input) };
      try {
        await this.commitQuote(doc, { ifMatch: current._etag }, applied.event, applied.notify);
        return applied.quote;
      } catch (err) {
        if (!(err instanceof PreconditionFailedError) || attempt > 0) throw err;
      }
    }
  }

  private async current(ref: QuoteRef): Promise<StoredQuote> {
    const current = await this.quotes.get(ref.beneficiaryId, ref.quoteId);
    if (!current) throw new NotFoundError('Ce devis');
    return current;
  }

  private async orderOf(quote: Quote): Promise<Order> {
    const order = quote.order && (await this.orders.get(quote.beneficiaryId, quote.order.id));
    if (!order) throw new NotFoundError(`Le bon de commande du devis ${quote.number}`);
    return order;
  }

  private async nextOrderNumber(at: string): Promise<string> {
    const year = orderNumberYear(at);
    return formatOrderNumber(year, await this.counters.next(orderCounterName(year)));
  }

  /** The schedule a draft is priced with: the named version, or the one in force today locally. */
  private async schedule(quote: Quote, version?: string) {
    const today = localDateOf(quote.zone, this.now().toISOString());
    const schedule = version ? await this.schedules.get(version) : await this.schedules.inForce(today);
    if (schedule) return schedule;
    throw new ValidationError(
      version
        ? `Version ${version} du BPU inconnue.`
        : `Aucun BPU en vigueur le ${today} : importez le bordereau des prix avant de préparer un devis.`,
      [{ path: 'scheduleVersion', message: 'BPU introuvable' }],
    );
  }

  /** The quote, its event and its notifications in one atomic batch of the quote's partition. */
  private async commitQuote(
    doc: QuoteDoc,
    write: 'create' | { ifMatch: string },
    event: QuoteEvent,
    notify: readonly QuoteNotification[],
  ): Promise<void> {
    const now = this.now().toISOString();
    const messages = await this.outbox.messages(doc, notify, now, (n, ctx) =>
      this.options.render.quote(doc, n, ctx),
    );
    const operations: BatchOperation<Doc>[] = [
      write === 'create' ? { op: 'create', doc } : { op: 'replace', doc, ifMatch: write.ifMatch },
      { op: 'create', doc: eventDoc(event) },
      ...messages.map((m): BatchOperation<Doc> => ({ op: 'create', doc: m })),
    ];
    await this.commit(doc.beneficiaryId, operations, messages.length);
  }

  private async commitAcceptance(
    current: StoredQuote,
    input: QuoteRef,
    accepted: { event: QuoteEvent; notify: QuoteNotification[] },
    issued: { quote: Quote; order: Order; event: OrderEvent; notify: OrderNotification[] },
  ): Promise<void> {
    const now = this.now().toISOString();
    const quoteDoc: QuoteDoc = { ...keepExtras(current), ...issued.quote, ...lastActionOf(input) };
    const orderDoc: OrderDoc = {
      ...issued.order,
      pk: issued.order.beneficiaryId,
      type: 'order',
      ...(current.originConversationPk ? { originConversationPk: current.originConversationPk } : {}),
    };
    const messages = [
      ...(await this.outbox.messages(quoteDoc, accepted.notify, now, (n, ctx) =>
        this.options.render.quote(issued.quote, n, ctx),
      )),
      ...(await this.outbox.messages(orderDoc, issued.notify, now, (n, ctx) =>
        this.options.render.order(issued.order, n as OrderNotification, ctx),
      )),
    ];
    const operations: BatchOperation<Doc>[] = [
      { op: 'replace', doc: quoteDoc, ifMatch: current._etag },
      { op: 'create', doc: eventDoc(accepted.event) },
      { op: 'create', doc: orderDoc },
      { op: 'create', doc: eventDoc(issued.event) },
      ...messages.map((m): BatchOperation<Doc> => ({ op: 'create', doc: m })),
    ];
    await this.commit(current.beneficiaryId, operations, messages.length);
  }

  private async commit(pk: string, operations: BatchOperation<Doc>[], messages: number): Promise<void> {
    await this.quotes.container.batch(pk, operations as BatchOperation<QuoteDoc>[]);
    if (messages > 0) this.options.wake?.();
  }
}

/**
 * Turns a change's notifications into outbox messages: one per conversation that can receive it.
 * The approvers' chats come first, so that a requester who is also an approver gets the card with
 * its buttons once rather than twice; a beneficiary notice without a conversation (a request that
 * came by e-mail) goes to the approvers instead, unless they already hear about the change.
 */
export class QuoteOutbox {
  constructor(private readonly audiences: QuoteAudienceLookup) {}

  /** The messages of `notify`, rendered by `render`, keyed on the notification and the recipient. */
  async messages(
    subject: Notified,
    notify: readonly QuoteNotification[],
    now: string,
    render: (n: QuoteNotification, context: RenderContext) => OutboxActivity,
  ): Promise<OutboxMessage[]> {
    if (notify.length === 0) return [];
    const approvers = await this.audiences.approvers(subject.beneficiaryId);
    const managers = notify.some((n) => n.audience === 'account-managers')
      ? (await this.audiences.accountManagers()).slice(0, MAX_MANAGER_MESSAGES)
      : [];
    const toApprovers = approvers.conversations.slice(0, MAX_APPROVER_MESSAGES);
    const approversHear = notify.some((n) => n.audience === 'approvers');
    const seen = new Set<string>();
    const out: OutboxMessage[] = [];
    const add = (id: string, target: ConversationTarget, n: QuoteNotification, audience: QuoteAudience) => {
      const key = `${target.pk}|${target.conversationId}`;
      if (seen.has(key)) return;
      seen.add(key);
      const activity = render(n, { audience, approvers });
      out.push(newOutboxMessage({ id, pk: subject.beneficiaryId, target, activity }, now));
    };
    const ordered = [...notify].sort((a, b) => rank(a.audience) - rank(b.audience));
    for (const n of ordered) {
      if (n.audience === 'approvers' || (n.audience === 'beneficiary' && !n.conversationId && !approversHear))
        toApprovers.forEach((c) => add(`${n.key}:${c.objectId}`, c, n, 'approvers'));
      else if (n.audience === 'beneficiary' && n.conversationId) {
        const pk = subject.originConversationPk ?? subject.beneficiaryId;
        add(n.key, { pk, conversationId: n.conversationId }, n, 'beneficiary');
      } else if (n.audience === 'account-managers')
        managers.forEach((t) => add(`${n.key}:${shortHash(t.conversationId)}`, t, n, 'account-managers'));
    }
    return out;
  }
}

/** The reach of nobody: for renderers called outside a notification (a card shown in a turn). */
export const NOBODY_REACHED: ApproverReach = Object.freeze({ objectIds: [], conversations: [] });

function rank(audience: QuoteAudience): number {
  return audience === 'approvers' ? 0 : audience === 'beneficiary' ? 1 : 2;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function eventDoc(event: QuoteEvent | OrderEvent): Doc {
  return { ...event, pk: event.beneficiaryId } as unknown as Doc;
}

/** True when this very attempt (same key, same person) was already applied. */
export function isReplay(
  current: { lastAction?: { key: string; by: string } },
  ref: { idempotencyKey?: string; actor: { objectId: string } },
): boolean {
  return (
    !!ref.idempotencyKey &&
    current.lastAction?.key === ref.idempotencyKey &&
    current.lastAction.by === ref.actor.objectId
  );
}

/** The stored fields a change keeps: partition, type, the conversation's partition. */
function keepExtras(current: StoredQuote): Pick<QuoteDoc, 'pk' | 'type' | 'originConversationPk'> {
  return {
    pk: current.pk,
    type: 'quote',
    ...(current.originConversationPk ? { originConversationPk: current.originConversationPk } : {}),
  };
}

/** The marker of the attempt, so that a replay is recognised; nothing without a key. */
export function lastActionOf(ref: { idempotencyKey?: string; actor: { objectId: string } }) {
  return ref.idempotencyKey ? { lastAction: { key: ref.idempotencyKey, by: ref.actor.objectId } } : {};
}
