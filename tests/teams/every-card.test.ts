/**
 * Every Adaptive Card the app can send (issue 9), built from fixtures in each state and for each
 * viewer, parses with Microsoft's adaptivecards SDK with no error and stays under Teams' 28 KB: the
 * bot's replies and forms, the ticket, quote and order cards and their notifications, the report.
 *
 * The list of builders is read from the card modules themselves: every function they export must
 * either have fixtures here or be declared as a helper that builds no card, so a new card cannot be
 * added without being checked.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beneficiaryInputSchema } from '../../bot/src/domain/beneficiaries/beneficiary';
import { buildReport } from '../../bot/src/domain/reports/build-report';
import { parseReportPeriod } from '../../bot/src/domain/reports/report-period';
import { ORDER_STATUSES } from '../../bot/src/domain/orders/order';
import { QUOTE_STATUSES } from '../../bot/src/domain/quotes/quote';
import { TICKET_STATUSES } from '../../bot/src/domain/tickets/ticket';
import type { ApproverReach } from '../../bot/src/services/quote-service';
import type { OutboxActivity } from '../../bot/src/store/outbox-message';
import type { AdaptiveCard } from '../../bot/src/teams/cards/adaptive-card';
import { incidentFormCard } from '../../bot/src/teams/cards/incident-form-card';
import { orderCard } from '../../bot/src/teams/cards/order-card';
import { orderListCard } from '../../bot/src/teams/cards/order-list-card';
import { quoteCard } from '../../bot/src/teams/cards/quote-card';
import { quoteFormCard } from '../../bot/src/teams/cards/quote-form-card';
import { quoteListCard } from '../../bot/src/teams/cards/quote-list-card';
import {
  renderOrderNotification,
  renderQuoteNotification,
} from '../../bot/src/teams/cards/quote-notifications';
import { reportCard } from '../../bot/src/teams/cards/report-card';
import { ticketCard } from '../../bot/src/teams/cards/ticket-card';
import { ticketListCard } from '../../bot/src/teams/cards/ticket-list-card';
import { welcomeCard } from '../../bot/src/teams/cards/welcome-card';
import { renderTicketNotification } from '../../bot/src/teams/notification-renderer';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { aBeneficiary } from '../support/factories';
import { DATASET_SIRETS, buildDataset } from '../domain/reports/report-dataset';
import {
  aStrangerApprover,
  aQuoteIn,
  anAccountManager as aQuoteAccountManager,
  anAgent as aQuoteAgent,
  anApprover,
  anOrderIn,
} from '../domain/quotes/factories';
import {
  BENEFICIARY_TENANT,
  CANUT_TENANT,
  TITULAIRE_TENANT,
  aCanutStaff,
  aTicketIn,
  anAgent,
  anEngineer,
  anotherEngineer,
} from '../domain/tickets/factories';

const CARDS_DIR = path.join(__dirname, '../../bot/src/teams/cards');
/** Modules that render notifications with the cards: their exports are builders too. */
const RENDERER_MODULES = [path.join(__dirname, '../../bot/src/teams/notification-renderer.ts')];
/** The builders' toolkit: its exports are the pieces every card is made of, checked through them. */
const TOOLKIT = 'adaptive-card.ts';

/** Exports of the card modules that build no card (formatting, selection and link helpers). */
const NOT_CARDS = new Set([
  'shownVersion',
  'clip',
  'audienceViewer',
  'approverUserIds',
  'approverReachNote',
  'quoteCalendarElements',
  'quoteProfilesElements',
  'amountFacts',
  'topBeneficiaries',
  'formatRate',
  'reportsRoute',
  'reportsLink',
  'messageInputId',
  'ticketActionValues',
]);

const BELLERIVE = beneficiaryInputSchema.parse(aBeneficiary());
const LAMENTIN = beneficiaryInputSchema.parse(
  aBeneficiary({ siret: '21972234500028', name: 'Ville du Lamentin' }),
);
const REACH: ApproverReach = {
  objectIds: [anApprover().objectId],
  conversations: [
    {
      pk: BELLERIVE.siret,
      conversationId: 'a:approver',
      objectId: anApprover().objectId,
      userId: '29:approver',
    },
  ],
};
const TICKETS = TICKET_STATUSES.map((s) => aTicketIn(s).ticket);
const QUOTES = QUOTE_STATUSES.map((s) => aQuoteIn(s).quote);
const ORDERS = ORDER_STATUSES.map((s) => anOrderIn(s).order);
const PROBLEMS = [{ path: 'title', message: 'Titre trop court (5 caractères au moins).' }];
const many = <T>(items: T[], count: number) =>
  Array.from({ length: count }, (_, i) => items[i % items.length]!);

/** Fixtures of every builder: the cards it makes in each state and for each viewer. */
const FIXTURES: Record<string, () => (AdaptiveCard | OutboxActivity)[]> = {
  welcomeCard: () => [
    welcomeCard(
      { kind: 'beneficiary', tenantId: BENEFICIARY_TENANT, beneficiaries: [BELLERIVE], roles: [] },
      'Léa',
    ),
    welcomeCard({
      kind: 'beneficiary',
      tenantId: BENEFICIARY_TENANT,
      beneficiaries: [BELLERIVE, LAMENTIN],
      roles: ['Beneficiary.Approver'],
    }),
    welcomeCard(
      { kind: 'titulaire', tenantId: TITULAIRE_TENANT, roles: ['Support.Engineer', 'Admin'] },
      'Camille',
    ),
    welcomeCard({ kind: 'canut', tenantId: CANUT_TENANT, roles: ['Canut.Staff'] }),
  ],
  incidentFormCard: () => [
    incidentFormCard({ formId: 'f1' }),
    incidentFormCard({
      formId: 'f2',
      values: { title: 'Pan', severity: '2' },
      issues: PROBLEMS,
      beneficiaries: [BELLERIVE, LAMENTIN],
    }),
    incidentFormCard({ formId: 'f3', onBehalfOf: BELLERIVE }),
  ],
  quoteFormCard: () => [
    quoteFormCard({ formId: 'q1' }),
    quoteFormCard({
      formId: 'q2',
      values: { subject: 'Mi' },
      issues: PROBLEMS,
      beneficiaries: [BELLERIVE, LAMENTIN],
    }),
  ],
  ticketCard: () =>
    TICKETS.flatMap((ticket) =>
      [anAgent({ beneficiaryIds: [ticket.beneficiaryId] }), anEngineer(), aCanutStaff(), undefined].map(
        (viewer) =>
          ticketCard(ticket, viewer, {
            banner: { text: 'Action enregistrée.' },
            engineers: [anotherEngineer()],
          }),
      ),
    ),
  ticketListCard: () => [
    ticketListCard([], false),
    ticketListCard(TICKETS, false),
    ticketListCard(many(TICKETS, 60), true),
  ],
  quoteCard: () =>
    QUOTES.flatMap((quote) =>
      [aQuoteAgent(), anApprover(), aStrangerApprover(), aQuoteAccountManager(), undefined].map((viewer) =>
        quoteCard(quote, viewer, {
          banner: { text: 'Refusé.', error: true },
          refreshUserIds: ['29:approver'],
        }),
      ),
    ),
  quoteListCard: () => [
    quoteListCard([], false),
    quoteListCard([], true),
    quoteListCard(many(QUOTES, 40), true),
  ],
  orderCard: () =>
    ORDERS.flatMap((order) =>
      [aQuoteAgent(), anApprover(), aQuoteAccountManager(), undefined].map((viewer) =>
        orderCard(order, viewer),
      ),
    ),
  orderListCard: () => [
    orderListCard([], false),
    orderListCard([], true),
    orderListCard(many(ORDERS, 40), false),
  ],
  reportCard: () => {
    const data = buildDataset(7, 120, 160);
    const now = '2027-02-01T00:00:00Z';
    const links = [
      { publicUrl: 'https://guichet.example' },
      { publicUrl: 'x', teamsAppId: BENEFICIARY_TENANT },
    ];
    return ['T3 2026', '2026', 'octobre 2026', 'T1 2031'].flatMap((p) =>
      links.flatMap((l) => [
        reportCard(buildReport(parseReportPeriod(p), data, { now }), l),
        reportCard(buildReport(parseReportPeriod(p), data, { now, siret: DATASET_SIRETS[0] }), l),
      ]),
    );
  },
  renderTicketNotification: () =>
    TICKETS.flatMap((ticket) =>
      (['support', 'beneficiary'] as const).map((audience) =>
        renderTicketNotification(ticket, { audience, key: `k:${audience}`, text: 'Le ticket a changé.' }),
      ),
    ),
  renderQuoteNotification: () =>
    QUOTES.flatMap((quote) =>
      (['beneficiary', 'approvers', 'account-managers'] as const).map((audience) =>
        renderQuoteNotification(
          quote,
          { audience, key: `k:${audience}`, text: 'Le devis a changé.' },
          {
            audience,
            approvers: REACH,
          },
        ),
      ),
    ),
  renderOrderNotification: () =>
    ORDERS.flatMap((order) =>
      (['beneficiary', 'account-managers'] as const).map((audience) =>
        renderOrderNotification(
          order,
          { audience, key: `k:${audience}`, text: 'La commande a changé.' },
          {
            audience,
            approvers: REACH,
          },
        ),
      ),
    ),
};

/** The exported functions of the card modules and the notification renderers, by name. */
function exportedFunctions(): string[] {
  const files = [
    ...readdirSync(CARDS_DIR)
      .filter((f) => f.endsWith('.ts') && f !== TOOLKIT)
      .map((f) => path.join(CARDS_DIR, f)),
    ...RENDERER_MODULES,
  ];
  return files
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(file) as Record<string, unknown>;
      return Object.entries(module);
    })
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort();
}

/** The cards of a fixture: a card itself, or every card attached to an activity. */
function cardsOf(item: AdaptiveCard | OutboxActivity): unknown[] {
  if ('type' in item && item.type === 'AdaptiveCard') return [item];
  const attachments = (item as OutboxActivity).attachments ?? [];
  expect(attachments.length).toBeGreaterThan(0);
  return attachments.map((a) => a.content);
}

describe('every Adaptive Card the app sends', () => {
  it('has fixtures for every builder the card modules export, and nothing else is a builder', () => {
    const builders = exportedFunctions().filter((name) => !NOT_CARDS.has(name));
    expect(builders).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.keys(FIXTURES))('%s: parses with the SDK without error and stays under 28 KB', (name) => {
    const items = FIXTURES[name]!();
    expect(items.length).toBeGreaterThan(0);
    for (const [i, item] of items.entries()) {
      for (const content of cardsOf(item)) {
        const check = checkAdaptiveCard(content);
        expect([name, i, check.errors]).toEqual([name, i, []]);
        expect(check.bytes).toBeLessThan(28 * 1024);
        expect(check.texts.join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });
});
