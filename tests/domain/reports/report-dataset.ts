/**
 * A generated data set for report tests: two years (2025–2026) of quote requests, quotes, orders and
 * tickets for five beneficiaries in five zones, every document made by the real domain functions
 * (request, prepare, send, accept, issue, order steps, open, take, resolve) with a seeded random
 * generator, so that every state is one the domain could reach and every run is the same.
 */
import { DEMO_BENEFICIARIES } from '../../../bot/src/cli/demo-data';
import { type Beneficiary, beneficiaryInputSchema } from '../../../bot/src/domain/beneficiaries/beneficiary';
import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import { issueOrder } from '../../../bot/src/domain/orders/issue-order';
import type { Order } from '../../../bot/src/domain/orders/order';
import type { OrderAction } from '../../../bot/src/domain/orders/order-action';
import type { OrderEvent } from '../../../bot/src/domain/orders/order-event';
import { applyOrderAction } from '../../../bot/src/domain/orders/order-lifecycle';
import { formatOrderNumber } from '../../../bot/src/domain/orders/order-number';
import type { QuoteActor } from '../../../bot/src/domain/quotes/quote-actor';
import type { QuoteDraftInput } from '../../../bot/src/domain/quotes/quote-draft';
import type { QuoteEvent } from '../../../bot/src/domain/quotes/quote-event';
import { applyQuoteAction } from '../../../bot/src/domain/quotes/quote-lifecycle';
import { formatQuoteNumber } from '../../../bot/src/domain/quotes/quote-number';
import type { Quote } from '../../../bot/src/domain/quotes/quote';
import { requestQuote } from '../../../bot/src/domain/quotes/request-quote';
import { INCIDENT_CATEGORIES, INCIDENT_DOMAINS } from '../../../bot/src/domain/tickets/incident-form';
import { applyTicketAction } from '../../../bot/src/domain/tickets/lifecycle';
import { openTicket } from '../../../bot/src/domain/tickets/open-ticket';
import type { Ticket } from '../../../bot/src/domain/tickets/ticket';
import type { TicketEvent } from '../../../bot/src/domain/tickets/ticket-event';
import type { TicketActor } from '../../../bot/src/domain/tickets/ticket-actor';
import { formatTicketNumber } from '../../../bot/src/domain/tickets/ticket-number';
import { aResolveAction, anEngineer } from '../tickets/factories';
import { anAccountManager } from '../quotes/factories';

/** Five beneficiaries, from UTC+11 (Nouméa) to UTC−4 (Martinique). */
export const DATASET_SIRETS = [
  '21690012300029', // Bellerive, metropole, modality 1
  '22010045600015', // Haute-Vallée, metropole, modality 2
  '21972234500028', // Lamentin, martinique
  '20988078900018', // Province des Îles, nouvelle-caledonie
  '21975044500013', // Miquelon-Langlade, saint-pierre-et-miquelon
];

/** The documents of the data set, with every audit event. */
export interface Dataset {
  readonly beneficiaries: Beneficiary[];
  readonly quotes: Quote[];
  readonly orders: Order[];
  readonly tickets: Ticket[];
  readonly events: (QuoteEvent | OrderEvent | TicketEvent)[];
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2025, 0, 2);
const SPAN = Date.UTC(2026, 11, 20) - START;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function beneficiaries(): Beneficiary[] {
  return DATASET_SIRETS.map((siret) =>
    // Active since before the data set starts, whatever the demo says.
    beneficiaryInputSchema.parse({
      ...DEMO_BENEFICIARIES.find((b) => b.siret === siret)!,
      active: true,
      conventionDate: '2024-07-01',
    }),
  );
}

function agentOf(b: Beneficiary, roles: QuoteActor['roles'] = []): QuoteActor & TicketActor {
  return {
    kind: 'beneficiary',
    tenantId: b.tenantIds[0]!,
    objectId: `a0000000-0000-4000-8000-${b.siret.slice(2)}`,
    name: `Agent ${b.name}`,
    roles,
    beneficiaryIds: [b.siret],
  };
}

/** Builds the data set: about 320 quote requests (most become orders) and 420 tickets. */
export function buildDataset(seed = 7, quotes = 320, tickets = 420): Dataset {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const list = beneficiaries();
  const out: Dataset = { beneficiaries: list, quotes: [], orders: [], tickets: [], events: [] };
  const counters = new Map<string, number>();
  const next = (kind: string, at: number) => {
    const year = new Date(at).getUTCFullYear();
    const n = (counters.get(`${kind}${year}`) ?? 0) + 1;
    counters.set(`${kind}${year}`, n);
    return { year, n };
  };
  for (let i = 0; i < quotes; i++) addQuote(out, pick(list), START + random() * SPAN, random, next, i);
  for (let i = 0; i < tickets; i++) addTicket(out, pick(list), START + random() * SPAN, random, next, i);
  return out;
}

type Next = (kind: string, at: number) => { year: number; n: number };

function draftOf(random: () => number, startMs: number): QuoteDraftInput {
  const lines = DEMO_PRICE_SCHEDULE.lines.filter((l) => l.unit === 'jour');
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const charges = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    line: lines[Math.floor(random() * lines.length)]!.code,
    quantity: (1 + Math.floor(random() * 40)) / 4,
  }));
  return {
    phases: [
      {
        label: 'Réalisation',
        start: day(startMs + 20 * DAY),
        end: day(startMs + 60 * DAY),
        charges,
        deliverables:
          random() < 0.5
            ? [{ label: 'Livrable', charges: [{ line: 'FOR-CONF', quantity: 1 + Math.floor(random() * 3) }] }]
            : [],
      },
    ],
    profiles: [{ code: 'P1', level: 'CONFIRME', certifications: ['AZ-104'] }],
  };
}

function addQuote(out: Dataset, b: Beneficiary, at: number, random: () => number, next: Next, i: number) {
  const { year, n } = next('DEV', at);
  const requested = requestQuote({
    form: { subject: `Projet ${i}`, need: 'Un besoin décrit en quelques mots.', domain: 'infrastructure' },
    beneficiary: b,
    requestedBy: agentOf(b),
    now: iso(at),
    id: `dev-${i}`,
    number: formatQuoteNumber(year, n),
  });
  let quote = requested.quote;
  out.events.push(requested.event);
  const manager = anAccountManager();
  const step = (action: Parameters<typeof applyQuoteAction>[1], actor: QuoteActor, when: number) => {
    const applied = applyQuoteAction(quote, action, actor, iso(when));
    quote = applied.quote;
    out.events.push(applied.event);
  };
  const roll = random();
  if (roll < 0.06) return void out.quotes.push(quote);
  step({ type: 'prepare', draft: draftOf(random, at), schedule: DEMO_PRICE_SCHEDULE }, manager, at + DAY);
  if (roll < 0.1) return void out.quotes.push(quote);
  // Ten working days are about fourteen calendar days: some quotes go out late.
  const sentAt = at + (2 + random() * 18) * DAY;
  step({ type: 'send' }, manager, sentAt);
  if (roll > 0.82) return void out.quotes.push(quote);
  const acceptAt = sentAt + (1 + random() * 9) * DAY;
  step({ type: 'accept', version: quote.versions.length }, agentOf(b, ['Beneficiary.Approver']), acceptAt);
  const number = next('BC', acceptAt);
  const issued = issueOrder({
    quote,
    actor: agentOf(b, ['Beneficiary.Approver']),
    now: iso(acceptAt),
    id: `bc-${i}`,
    number: formatOrderNumber(number.year, number.n),
  });
  out.quotes.push(issued.quote);
  out.events.push(issued.event);
  out.orders.push(progressOrder(out, issued.order, b, acceptAt, random));
}

function progressOrder(
  out: Dataset,
  order: Order,
  b: Beneficiary,
  from: number,
  random: () => number,
): Order {
  const manager = anAccountManager();
  const approver = agentOf(b, ['Beneficiary.Approver']);
  const path: [OrderAction, QuoteActor][] = [
    [{ type: 'acknowledge' }, manager],
    [{ type: 'start' }, manager],
    [{ type: 'deliver' }, manager],
    [{ type: 'accept' }, approver],
    [{ type: 'invoice', reference: 'F-1' }, manager],
    [{ type: 'pay' }, manager],
  ];
  const steps = Math.floor(random() * (path.length + 1));
  let at = from;
  let current = order;
  const apply = (action: OrderAction, actor: QuoteActor) => {
    at += (1 + random() * 40) * DAY;
    const applied = applyOrderAction(current, action, actor, iso(at));
    current = applied.order;
    out.events.push(applied.event);
  };
  for (const [action, actor] of path.slice(0, steps)) apply(action, actor);
  // One order in eight is cancelled, sometimes weeks later (possibly in another period).
  if (steps < 4 && random() < 0.125) apply({ type: 'cancel', reason: 'Projet abandonné.' }, manager);
  return current;
}

function addTicket(out: Dataset, b: Beneficiary, at: number, random: () => number, next: Next, i: number) {
  const { year, n } = next('INC', at);
  const opened = openTicket({
    form: {
      severity: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
      category: INCIDENT_CATEGORIES[Math.floor(random() * INCIDENT_CATEGORIES.length)]!,
      domain: INCIDENT_DOMAINS[Math.floor(random() * INCIDENT_DOMAINS.length)]!,
      title: `Incident ${i}`,
      description: 'Une description suffisamment longue.',
    },
    beneficiary: b,
    declaredBy: agentOf(b),
    now: iso(at),
    id: `tkt-${i}`,
    number: formatTicketNumber(year, n),
  });
  let ticket = opened.ticket;
  out.events.push(opened.event);
  if (random() < 0.85) {
    // Taken between a few minutes and two days later: on time or not depending on the severity.
    const takeAt = at + random() * 48 * HOUR;
    const taken = applyTicketAction(ticket, { type: 'take' }, anEngineer(), iso(takeAt));
    ticket = taken.ticket;
    out.events.push(taken.event);
    if (random() < 0.7) {
      const resolveAt = takeAt + (1 + random() * 72) * HOUR;
      const resolved = applyTicketAction(
        ticket,
        aResolveAction(iso(resolveAt - 60_000)),
        anEngineer(),
        iso(resolveAt),
      );
      ticket = resolved.ticket;
      out.events.push(resolved.event);
    }
  }
  out.tickets.push(ticket);
}
