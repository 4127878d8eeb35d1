/**
 * Everything a beneficiary's reversibility export holds (DESIGN.md, "Data duties": all its data, any
 * time, in an open format), read from its own partitions only: the `business` partition (tickets,
 * quotes, orders, their audit events, its notifications, its privacy log), its approvers in the staff
 * registry and its conversations. No query here is cross-partition, and every document read is
 * checked to belong to the beneficiary: a document of another one would stop the export rather than
 * leave in it.
 *
 * Store bookkeeping is left out (`_etag`, `_ts`, `pk`, idempotency keys of card actions, the partition
 * where a conversation reference is kept), and so are the technical parts of conversation references
 * (the Bot Framework address): they mean nothing outside Guichet.
 */
import type { Beneficiary } from '../../domain/beneficiaries/beneficiary';
import { GuichetError, NotFoundError } from '../../domain/errors';
import type { Order } from '../../domain/orders/order';
import type { OrderEvent } from '../../domain/orders/order-event';
import type { Quote } from '../../domain/quotes/quote';
import type { QuoteEvent } from '../../domain/quotes/quote-event';
import type { Ticket } from '../../domain/tickets/ticket';
import type { TicketEvent } from '../../domain/tickets/ticket-event';
import { BeneficiaryRepository } from '../../store/beneficiary-repository';
import type { Doc, Store } from '../../store/port';
import type { StaffMember } from '../../store/staff-repository';
import { readAll } from '../report-queries';
import { type ExportContact, contactsOf } from './export-contacts';

/** A document with its audit trail. */
export type WithEvents<T, E> = T & { readonly events: readonly E[] };

/** A conversation the bot may write to, without its Bot Framework address. */
export interface ExportConversation {
  readonly conversationId: string;
  readonly scope: string;
  readonly tenantId: string;
  readonly teamId?: string;
  readonly channelId?: string;
  readonly userObjectId?: string;
  readonly updatedAt: string;
  readonly inactive?: boolean;
  readonly inactiveSince?: string;
  readonly inactiveReason?: string;
}

/** A message Guichet sent (or will send) to one of the beneficiary's conversations. */
export interface ExportNotification {
  readonly id: string;
  readonly conversationId: string;
  readonly createdAt: string;
  readonly status: string;
  readonly sentAt: string | null;
  readonly text: string | null;
  readonly summary: string | null;
}

/** The whole export, before it is written as files. */
export interface ExportData {
  readonly beneficiary: Beneficiary;
  readonly tickets: readonly WithEvents<Ticket, TicketEvent>[];
  readonly quotes: readonly WithEvents<Quote, QuoteEvent>[];
  readonly orders: readonly WithEvents<Order, OrderEvent>[];
  readonly contacts: readonly ExportContact[];
  readonly conversations: readonly ExportConversation[];
  readonly notifications: readonly ExportNotification[];
  readonly privacyEvents: readonly Record<string, unknown>[];
  /** Documents of a kind this version does not know, kept whole so that nothing is lost. */
  readonly otherDocuments: readonly Record<string, unknown>[];
}

const STORE_FIELDS = ['_etag', '_ts', 'pk', 'lastAction', 'lastActionKey', 'originConversationPk'];
const KNOWN_TYPES = new Set([
  'ticket',
  'ticket-event',
  'quote',
  'quote-event',
  'order',
  'order-event',
  'outbox',
]);

/** Reads a beneficiary's data; `NotFoundError` for an unknown SIRET. */
export async function gatherExportData(store: Store, siret: string): Promise<ExportData> {
  const beneficiary = await new BeneficiaryRepository(store).get(siret);
  if (!beneficiary) throw new NotFoundError(`Le bénéficiaire de SIRET ${siret}`);
  const [business, staff, conversations] = await Promise.all([
    readAll<Doc>(store, { pk: siret }),
    readAll<Doc & StaffMember>(store, { pk: siret }, 'staff'),
    readAll<Doc>(store, { pk: siret }, 'conversations'),
  ]);
  for (const doc of [...business, ...staff, ...conversations]) assertOwned(doc, siret);
  const byType = (type: string) => business.filter((d) => d.type === type).map(clean);
  const tickets = withEvents<Ticket, TicketEvent>(byType('ticket'), byType('ticket-event'), 'ticketId');
  const quotes = withEvents<Quote, QuoteEvent>(byType('quote'), byType('quote-event'), 'quoteId');
  const orders = withEvents<Order, OrderEvent>(byType('order'), byType('order-event'), 'orderId');
  const { _etag, _ts, id: _id, pk: _pk, type: _type, ...plain } = beneficiary;
  return {
    beneficiary: plain as Beneficiary,
    tickets,
    quotes,
    orders,
    contacts: contactsOf(plain as Beneficiary, { tickets, quotes, orders }, staff),
    conversations: conversations.map(conversationOf),
    notifications: business
      .filter((d) => d.type === 'outbox' && (d.target as { pk?: string } | undefined)?.pk === siret)
      .map(notificationOf),
    privacyEvents: byType('privacy-event'),
    otherDocuments: business
      .filter((d) => !KNOWN_TYPES.has(String(d.type)) && d.type !== 'privacy-event')
      .map(clean),
  };
}

function assertOwned(doc: Doc, siret: string): void {
  const owner = (doc as { beneficiaryId?: unknown }).beneficiaryId;
  if (doc.pk !== siret || (owner !== undefined && owner !== siret)) {
    // Never export a document of another beneficiary: stop, and say which document to look at.
    throw new GuichetError(
      'INTERNAL',
      `Export interrompu : le document ${doc.id} n'appartient pas au bénéficiaire ${siret}.`,
    );
  }
}

function clean(doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  for (const field of STORE_FIELDS) delete out[field];
  return out;
}

function withEvents<T extends { id: string }, E extends { seq: number }>(
  docs: Record<string, unknown>[],
  events: Record<string, unknown>[],
  link: string,
): WithEvents<T, E>[] {
  const trail = new Map<string, E[]>();
  for (const e of events) {
    const { type: _type, ...event } = e;
    const key = String(e[link]);
    trail.set(key, [...(trail.get(key) ?? []), event as unknown as E]);
  }
  return docs
    .map((d) => {
      const { type: _type, ...doc } = d;
      const own = (trail.get(String(d.id)) ?? []).sort((a, b) => a.seq - b.seq);
      return { ...(doc as unknown as T), events: own };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function conversationOf(doc: Doc): ExportConversation {
  const { reference: _r, serviceUrl: _s, type: _t, id: _id, ...rest } = clean(doc);
  return rest as unknown as ExportConversation;
}

function notificationOf(doc: Doc): ExportNotification {
  const d = doc as Doc & {
    target: { conversationId: string };
    createdAt: string;
    status: string;
    sentAt?: string;
    activity?: { text?: string; summary?: string };
  };
  return {
    id: d.id,
    conversationId: d.target.conversationId,
    createdAt: d.createdAt,
    status: d.status,
    sentAt: d.sentAt ?? null,
    text: d.activity?.text ?? null,
    summary: d.activity?.summary ?? null,
  };
}
