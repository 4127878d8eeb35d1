/**
 * Shared factories for quote and order tests: beneficiaries, actors, request forms, drafts, and
 * quotes and orders brought to any status through the real lifecycles, so that a factory never
 * builds a state the domain could not reach.
 */
import type { Instant } from '../../../bot/src/domain/calendar/instant';
import type { GuichetError } from '../../../bot/src/domain/errors';
import { DEMO_PRICE_SCHEDULE } from '../../../bot/src/domain/catalogue/demo-price-schedule';
import { type IssuedOrder, issueOrder } from '../../../bot/src/domain/orders/issue-order';
import type { OrderAction } from '../../../bot/src/domain/orders/order-action';
import { applyOrderAction } from '../../../bot/src/domain/orders/order-lifecycle';
import type { Order, OrderStatus } from '../../../bot/src/domain/orders/order';
import type { QuoteAction } from '../../../bot/src/domain/quotes/quote-action';
import type { QuoteActor } from '../../../bot/src/domain/quotes/quote-actor';
import type { QuoteDraftInput } from '../../../bot/src/domain/quotes/quote-draft';
import { applyQuoteAction } from '../../../bot/src/domain/quotes/quote-lifecycle';
import type { QuoteRequestForm } from '../../../bot/src/domain/quotes/quote-request-form';
import type { Quote, QuoteStatus } from '../../../bot/src/domain/quotes/quote';
import {
  type QuoteBeneficiary,
  type RequestQuoteInput,
  type RequestedQuote,
  requestQuote,
} from '../../../bot/src/domain/quotes/request-quote';
import {
  OTHER_SIRET,
  aBeneficiary,
  anAccountManager as ticketAccountManager,
  anAgent as ticketAgent,
} from '../tickets/factories';

export { PARIS_SIRET, OTHER_SIRET } from '../tickets/factories';
export { aCanutStaff, anAdmin, anEngineer } from '../tickets/factories';

/** Thursday 30 April 2026, 11:00 in Paris: due Tuesday 19 May (1 May, 8 May and Ascension in between). */
export const RECEIVED_AT = '2026-04-30T09:00:00Z';
export const DUE_DATE = '2026-05-19';
/** A working morning well before the due date, when the account manager prepares the quote. */
export const PREPARED_AT = '2026-05-05T08:00:00Z';
/** Sent on the due date: on time. */
export const SENT_AT = '2026-05-19T14:00:00Z';

/** A metropolitan beneficiary, active. */
export function aQuoteBeneficiary(overrides: Partial<QuoteBeneficiary> = {}): QuoteBeneficiary {
  return aBeneficiary(overrides);
}

/** An agent of the metropolitan beneficiary, without the approver role. */
export function anAgent(overrides: Partial<QuoteActor> = {}): QuoteActor {
  return { ...ticketAgent(), ...overrides };
}

/** An approver of the metropolitan beneficiary. */
export function anApprover(overrides: Partial<QuoteActor> = {}): QuoteActor {
  return anAgent({
    objectId: 'a1b2c3d4-0000-4000-8000-0000000000a1',
    name: 'Sophie Roux',
    roles: ['Beneficiary.Approver'],
    ...overrides,
  });
}

/** An approver of another beneficiary. */
export function aStrangerApprover(overrides: Partial<QuoteActor> = {}): QuoteActor {
  return anApprover({
    objectId: 'f0000000-0000-4000-8000-0000000000a2',
    name: 'Hugo Perrin',
    beneficiaryIds: [OTHER_SIRET],
    ...overrides,
  });
}

/** A Titulaire account manager. */
export function anAccountManager(overrides: Partial<QuoteActor> = {}): QuoteActor {
  return { ...ticketAccountManager(), ...overrides };
}

/** A valid, parsed request form. */
export function aRequestForm(overrides: Partial<QuoteRequestForm> = {}): QuoteRequestForm {
  return {
    subject: 'Migration de la messagerie vers Exchange Online',
    need: 'Migrer 420 boîtes aux lettres et 35 boîtes partagées, former les correspondants informatiques.',
    wishedStart: '2026-06-01',
    domain: 'modern-workplace',
    ...overrides,
  };
}

/**
 * Two phases of the demo BPU: phase 1 has a direct steering charge and one deliverable; phase 2 has
 * two deliverables. Totals: 2 × 780 + 3,5 × 1 050 + 10 × 650 + 4,25 × 890 + 2 × 850 = 17 217,50 € HT.
 */
export function aDraftInput(overrides: Partial<QuoteDraftInput> = {}): QuoteDraftInput {
  return {
    phases: [
      {
        label: 'Cadrage et architecture',
        start: '2026-06-01',
        end: '2026-06-12',
        charges: [{ line: 'PIL-CONF', quantity: 2, profile: 'P1' }],
        deliverables: [
          {
            label: "Dossier d'architecture cible",
            dueDate: '2026-06-12',
            charges: [{ line: 'CA-EXP', quantity: '3,5', profile: 'P2' }],
          },
        ],
      },
      {
        label: 'Migration et accompagnement',
        start: '2026-06-15',
        end: '2026-07-10',
        deliverables: [
          {
            label: 'Boîtes aux lettres migrées',
            dueDate: '2026-07-03',
            charges: [
              { line: 'INT-CONF', quantity: 10, profile: 'P3' },
              { line: 'INT-EXP', quantity: 4.25, profile: 'P2' },
            ],
          },
          {
            label: 'Formation des correspondants',
            dueDate: '2026-07-10',
            charges: [{ line: 'FOR-CONF', quantity: 2 }],
          },
        ],
      },
    ],
    profiles: [
      { code: 'P1', level: 'CONFIRME', certifications: ['PMP'] },
      {
        code: 'P2',
        level: 'EXPERT',
        certifications: ['MS-102', 'Microsoft 365 Certified: Enterprise Administrator Expert'],
      },
      { code: 'P3', level: 'confirmé', certifications: 'MS-203, MS-700' },
    ],
    ...overrides,
  };
}

/** Records a request with sensible defaults: a metropolitan agent asks in Teams on 30 April 2026. */
export function aRequestedQuote(overrides: Partial<RequestQuoteInput> = {}): RequestedQuote {
  return requestQuote({
    form: aRequestForm(),
    beneficiary: aQuoteBeneficiary(),
    requestedBy: anAgent(),
    now: RECEIVED_AT,
    id: 'dev-0001',
    number: 'DEV-2026-0001',
    conversationId: 'a:conversation-lea',
    ...overrides,
  });
}

/** A fresh quote in status `requested`. */
export function aQuote(overrides: Partial<RequestQuoteInput> = {}): Quote {
  return aRequestedQuote(overrides).quote;
}

/** The prepare action of the default draft on the demo BPU. */
export function aPrepareAction(draft: QuoteDraftInput = aDraftInput()): QuoteAction {
  return { type: 'prepare', draft, schedule: DEMO_PRICE_SCHEDULE };
}

type Step = readonly [QuoteActor, (q: Quote) => QuoteAction, Instant];
const prepare: Step = [anAccountManager(), () => aPrepareAction(), PREPARED_AT];
const send: Step = [anAccountManager(), () => ({ type: 'send' }), SENT_AT];

// The shortest path from `requested` to each status, with who acts and when.
const PATHS: Readonly<Record<QuoteStatus, readonly Step[]>> = {
  requested: [],
  'in-preparation': [prepare],
  sent: [prepare, send],
  accepted: [
    prepare,
    send,
    [anApprover(), (q) => ({ type: 'accept', version: q.versions.length }), '2026-05-21T08:00:00Z'],
  ],
  declined: [
    prepare,
    send,
    [
      anApprover(),
      (q) => ({ type: 'decline', version: q.versions.length, reason: 'Budget non disponible cette année.' }),
      '2026-05-21T08:00:00Z',
    ],
  ],
  // Valid until 19 August 2026 (sent 19 May, 3 months): expired from 20 August.
  expired: [prepare, send, [anAccountManager(), () => ({ type: 'expire' }), '2026-08-20T08:00:00Z']],
};

/** A quote brought to `status` through the lifecycle; `now` is the instant of its last change. */
export function aQuoteIn(
  status: QuoteStatus,
  overrides: Partial<RequestQuoteInput> = {},
): { quote: Quote; now: Instant } {
  let quote = aQuote(overrides);
  let now = quote.createdAt;
  for (const [actor, action, at] of PATHS[status]) {
    quote = applyQuoteAction(quote, action(quote), actor, at).quote;
    now = at;
  }
  return { quote, now };
}

/** The order issued on the default quote, accepted on 21 May 2026. */
export function anIssuedOrder(overrides: Partial<RequestQuoteInput> = {}): IssuedOrder {
  const { quote, now } = aQuoteIn('accepted', overrides);
  return issueOrder({ quote, actor: anApprover(), now, id: 'bc-0001', number: 'BC-2026-0001' });
}

const ORDER_PATHS: Readonly<
  Record<OrderStatus, readonly (readonly ['titulaire' | 'approver', OrderAction])[]>
> = {
  issued: [],
  acknowledged: [['titulaire', { type: 'acknowledge' }]],
  'in-progress': [
    ['titulaire', { type: 'acknowledge' }],
    ['titulaire', { type: 'start' }],
  ],
  delivered: [
    ['titulaire', { type: 'acknowledge' }],
    ['titulaire', { type: 'start' }],
    ['titulaire', { type: 'deliver' }],
  ],
  accepted: [
    ['titulaire', { type: 'acknowledge' }],
    ['titulaire', { type: 'start' }],
    ['titulaire', { type: 'deliver' }],
    ['approver', { type: 'accept' }],
  ],
  invoiced: [
    ['titulaire', { type: 'acknowledge' }],
    ['titulaire', { type: 'start' }],
    ['titulaire', { type: 'deliver' }],
    ['approver', { type: 'accept' }],
    ['titulaire', { type: 'invoice', reference: 'F-2026-0412' }],
  ],
  paid: [
    ['titulaire', { type: 'acknowledge' }],
    ['titulaire', { type: 'start' }],
    ['titulaire', { type: 'deliver' }],
    ['approver', { type: 'accept' }],
    ['titulaire', { type: 'invoice', reference: 'F-2026-0412' }],
    ['titulaire', { type: 'pay' }],
  ],
  cancelled: [['titulaire', { type: 'cancel', reason: 'Projet abandonné par le bénéficiaire.' }]],
};

/** An order brought to `status` through the lifecycle, one step a day after issue. */
export function anOrderIn(status: OrderStatus): { order: Order; now: Instant } {
  let order = anIssuedOrder().order;
  let now = order.issuedAt;
  for (const [side, action] of ORDER_PATHS[status]) {
    now = plusDays(now, 1);
    order = applyOrderAction(
      order,
      action,
      side === 'titulaire' ? anAccountManager() : anApprover(),
      now,
    ).order;
  }
  return { order, now };
}

/** Adds days to an instant (UTC ISO in, UTC ISO out). */
export function plusDays(at: Instant, days: number): Instant {
  return new Date(Date.parse(at) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
}

/** Freezes a value deeply, so that a test proves the domain never modifies its inputs. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The error a call throws (fails the test if it throws nothing). */
export function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** Applies a quote action that must be refused, proving it changed neither the quote nor the action. */
export function refusedQuoteAction(
  quote: Quote,
  action: QuoteAction,
  actor: QuoteActor,
  at: Instant,
): GuichetError {
  const frozen = deepFreeze(quote);
  const before = JSON.stringify(frozen);
  const error = errorOf(() => applyQuoteAction(frozen, deepFreeze(action), actor, at));
  expect(JSON.stringify(frozen)).toBe(before);
  return error as GuichetError;
}
