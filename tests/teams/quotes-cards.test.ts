/**
 * The quote and order cards on their own: each one parses cleanly with the Adaptive Cards SDK for
 * every status and viewer, shows the buttons of that viewer only, never names a person proposed for
 * the work, and stays under Teams' 28 KB even for the largest quote the domain accepts.
 */
import { DEMO_PRICE_SCHEDULE } from '../../bot/src/domain/catalogue/demo-price-schedule';
import { ORDER_STATUSES } from '../../bot/src/domain/orders/order';
import { applyQuoteAction } from '../../bot/src/domain/quotes/quote-lifecycle';
import type { QuoteDraftInput } from '../../bot/src/domain/quotes/quote-draft';
import { QUOTE_STATUSES } from '../../bot/src/domain/quotes/quote';
import { orderCard } from '../../bot/src/teams/cards/order-card';
import { quoteCard } from '../../bot/src/teams/cards/quote-card';
import { quoteFormCard } from '../../bot/src/teams/cards/quote-form-card';
import { approverReachNote } from '../../bot/src/teams/cards/quote-notifications';
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import {
  aQuote,
  aQuoteIn,
  aStrangerApprover,
  anAccountManager,
  anAgent,
  anApprover,
  anOrderIn,
} from '../domain/quotes/factories';

describe('quote and order cards', () => {
  it('parses cleanly for every status and viewer, with decision buttons for the approver of a sent quote only', () => {
    for (const status of QUOTE_STATUSES) {
      const { quote } = aQuoteIn(status);
      for (const viewer of [anAgent(), anApprover(), aStrangerApprover(), anAccountManager(), undefined]) {
        const report = checkAdaptiveCard(quoteCard(quote, viewer));
        expect(report.errors).toEqual([]);
        const decides = status === 'sent' && viewer?.name === anApprover().name;
        expect(report.actionTitles).toEqual(decides ? ['Accepter', 'Refuser'] : []);
      }
    }
  });

  it('hides a version in preparation from the beneficiary, not from the account managers', () => {
    const { quote } = aQuoteIn('in-preparation');
    expect(checkAdaptiveCard(quoteCard(quote, anAgent())).texts.join('\n')).not.toContain(
      'Calendrier prévisionnel',
    );
    expect(checkAdaptiveCard(quoteCard(quote, anAccountManager())).texts.join('\n')).toContain(
      'Calendrier prévisionnel',
    );
  });

  it('shows the calendar, the totals and the profiles by code and level, never a name', () => {
    const { quote } = aQuoteIn('sent');
    const json = JSON.stringify(quoteCard(quote, anApprover(), { refreshUserIds: ['29:marc'] }));
    expect(json).toContain('PH1 — Cadrage et architecture');
    expect(json).toContain('L1.1 Dossier d');
    expect(json).toContain('17\u00a0217,50\u00a0€');
    expect(json).toContain('20\u00a0661,00\u00a0€');
    expect(json).toContain('P2 — EXPERT');
    expect(json).toContain('"userIds":["29:marc"]');
    for (const person of ['Sophie Roux', 'Julien'])
      expect(json).not.toMatch(new RegExp(`P\\d — [^"]*${person}`));
  });

  it('stays under 28 KB for the largest quote the domain accepts, and still parses', () => {
    const quote = applyQuoteAction(
      aQuote(),
      { type: 'prepare', draft: hugeDraft(), schedule: DEMO_PRICE_SCHEDULE },
      anAccountManager(),
      '2026-05-05T08:00:00Z',
    ).quote;
    const sent = applyQuoteAction(quote, { type: 'send' }, anAccountManager(), '2026-05-06T08:00:00Z').quote;
    const report = checkAdaptiveCard(quoteCard(sent, anApprover()));
    expect(report.errors).toEqual([]);
    expect(report.bytes).toBeLessThan(28 * 1024);
    expect(report.texts.join('\n')).toContain('Le détail complet figure dans l’onglet Guichet');
  });

  it('parses cleanly for every order status, with the buttons of each side', () => {
    for (const status of ORDER_STATUSES) {
      const { order } = anOrderIn(status);
      for (const viewer of [anAgent(), anApprover(), anAccountManager()]) {
        expect(checkAdaptiveCard(orderCard(order, viewer)).errors).toEqual([]);
      }
    }
    const delivered = anOrderIn('delivered').order;
    expect(checkAdaptiveCard(orderCard(delivered, anApprover())).actionTitles).toEqual([
      'Attester le service fait',
      'Refuser la livraison',
      'Annuler la commande',
    ]);
    expect(checkAdaptiveCard(orderCard(delivered, anAgent())).actionTitles).toEqual([]);
    expect(checkAdaptiveCard(orderCard(anOrderIn('paid').order, anAccountManager())).actionTitles).toEqual(
      [],
    );
  });

  it('brings a form back with each error under its input, and keeps a valid date only', () => {
    const card = quoteFormCard({
      formId: 'f',
      values: { subject: 'x', wishedStart: '31/02/2026' },
      issues: [
        { path: 'subject', message: "L'objet doit compter au moins 3 caractères." },
        { path: 'wishedStart', message: 'Date de début souhaitée invalide.' },
      ],
    });
    const report = checkAdaptiveCard(card);
    expect(report.errors).toEqual([]);
    expect(report.texts).toContain("L'objet doit compter au moins 3 caractères.");
    expect(JSON.stringify(card)).not.toContain('31/02/2026');
  });

  it('tells the requester how approvers who never talked to the bot can see the quote', () => {
    const { quote } = aQuoteIn('sent');
    expect(approverReachNote(quote, { objectIds: [], conversations: [] })).toMatch(/Aucun approbateur/);
    expect(approverReachNote(quote, { objectIds: ['a'], conversations: [] })).toMatch(
      /« devis DEV-2026-0001 »/,
    );
    const one = { pk: 'p', conversationId: 'c', objectId: 'a' };
    expect(approverReachNote(quote, { objectIds: ['a', 'b'], conversations: [one] })).toMatch(/Certains/);
    expect(approverReachNote(quote, { objectIds: ['a'], conversations: [one] })).toBe('');
  });
});

/** Twenty phases of twenty deliverables of three charges each: the most the domain accepts, nearly. */
function hugeDraft(): QuoteDraftInput {
  const charges = [
    { line: 'INT-CONF', quantity: 2.25, profile: 'P1' },
    { line: 'CA-EXP', quantity: 1, profile: 'P2' },
    { line: 'FOR-CONF', quantity: 0.5 },
  ];
  return {
    phases: Array.from({ length: 20 }, (_, i) => ({
      label: `Phase numéro ${i + 1} du déploiement, avec un intitulé assez long pour peser`,
      start: '2026-06-01',
      end: '2026-12-18',
      charges: [{ line: 'PIL-CONF', quantity: 1, profile: 'P1' }],
      deliverables: Array.from({ length: 20 }, (_, j) => ({
        label: `Livrable ${j + 1} de la phase ${i + 1}, documenté et recetté avec le bénéficiaire`,
        dueDate: '2026-12-18',
        charges,
      })),
    })),
    profiles: [
      { code: 'P1', level: 'CONFIRME', certifications: ['MS-102', 'AZ-104'] },
      { code: 'P2', level: 'EXPERT', certifications: ['AZ-305'] },
    ],
  };
}
