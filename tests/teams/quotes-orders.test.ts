/**
 * Orders and follow-up in Teams over real HTTP: "mes devis", "mes commandes", "devis DEV-…",
 * "commande BC-…", the order card's buttons for each side, and tenant isolation (another
 * beneficiary's agent never sees a quote or an order, whatever it types or posts).
 */
import { checkAdaptiveCard } from '../support/adaptive-card-check';
import { BELLERIVE } from '../services/quote-fixtures';
import { JULIEN_BERNARD, MARC_PETIT, textOf, useQuotesInTeams } from './quotes-in-teams';

const LAMENTIN = {
  tenantId: 'b0a1c2d3-0000-4000-8000-000000000005',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000009',
};
const LEA_CHAT = 'a:lea-orders';

describe('orders and follow-up in Teams', () => {
  const { services, as, reply, invoke, waitForPosted, requestedQuote, prepareAndSend } =
    useQuotesInTeams('2026-05-04T07:00:00Z');
  const lea = (extra: Record<string, unknown> = {}) => as(LEA_CHAT, extra);
  const julien = (extra: Record<string, unknown> = {}) =>
    as('a:julien-orders', { ...JULIEN_BERNARD, ...extra });
  const joel = (extra: Record<string, unknown> = {}) =>
    as('a:joel-orders', { ...LAMENTIN, userName: 'Joël Célestine', ...extra });
  let ids: { beneficiaryId: string; quoteId: string; orderId: string };

  beforeAll(async () => {
    // Léa asks for a quote in the chat, Julien prepares and sends it, Marc accepts it from its card.
    const quote = await requestedQuote(
      lea({
        value: {
          action: 'quote.create',
          formId: 'orders-1',
          subject: 'Déploiement de Microsoft Intune',
          need: 'Enrôler 300 postes et 120 téléphones dans Intune.',
          domain: 'modern-workplace',
        },
      }),
    );
    await prepareAndSend(quote);
    const accepted = await invoke(
      'quote.accept',
      { beneficiaryId: BELLERIVE, quoteId: quote.id, version: 1 },
      as('a:marc-orders', MARC_PETIT),
      'accept-orders-1',
    );
    expect(JSON.stringify(accepted.value)).toContain('BC-2026-0001');
    ids = { beneficiaryId: BELLERIVE, quoteId: quote.id, orderId: quote.id.replace(/^dev-/, 'bc-') };
  });

  it('lists the beneficiary’s quotes and orders with "mes devis" and "mes commandes"', async () => {
    const [quotes] = await reply(lea({ text: 'mes devis' }));
    expect(checkAdaptiveCard(quotes!.attachments![0]!.content).errors).toEqual([]);
    expect(textOf(quotes)).toMatch(/DEV-2026-0001\*\* — Déploiement de Microsoft Intune/);
    expect(textOf(quotes)).toMatch(/Accepté · 17\u00a0217,50\u00a0€ HT · BC-2026-0001/);
    const [orders] = await reply(lea({ text: 'Mes commandes' }));
    expect(checkAdaptiveCard(orders!.attachments![0]!.content).errors).toEqual([]);
    expect(textOf(orders)).toMatch(/BC-2026-0001\*\* — Déploiement de Microsoft Intune/);
    const [clicked] = await reply(lea({ value: { action: 'order.show', number: 'BC-2026-0001' } }));
    expect(textOf(clicked)).toContain('Bon de commande BC-2026-0001');
  });

  it('shows one quote with "devis DEV-…" and one order with "commande BC-…"', async () => {
    const [quote] = await reply(lea({ text: 'devis DEV 2026 1' }));
    expect(textOf(quote)).toContain('DEV-2026-0001 — Déploiement de Microsoft Intune');
    const [order] = await reply(lea({ text: 'commande bc-2026-0001' }));
    const report = checkAdaptiveCard(order!.attachments![0]!.content);
    expect(report.errors).toEqual([]);
    expect(report.texts.join('\n')).toContain('Émis — 04/05/2026, Marc Petit');
    // Léa is an agent: the order needs nothing from her, and she may not cancel it.
    expect(report.actionTitles).toEqual([]);
  });

  it('lets the account manager move the order from its card, and the beneficiary hears of it', async () => {
    const [card] = await reply(julien({ text: 'commande BC-2026-0001' }));
    expect(checkAdaptiveCard(card!.attachments![0]!.content).actionTitles).toEqual([
      'Accuser réception',
      'Annuler la commande',
    ]);
    const done = await invoke(
      'order.acknowledge',
      { beneficiaryId: BELLERIVE, orderId: ids.orderId },
      julien(),
      'ack-1',
    );
    expect(JSON.stringify(done.value)).toContain('Accusé de réception');
    const told = await waitForPosted(
      LEA_CHAT,
      /Le Titulaire accuse réception de votre bon de commande BC-2026-0001/,
    );
    expect(checkAdaptiveCard((told.body.attachments as { content: unknown }[])[0]!.content).errors).toEqual(
      [],
    );
    expect(await services().orders.orders.events(BELLERIVE, ids.orderId)).toHaveLength(2);
    await invoke('order.acknowledge', { beneficiaryId: BELLERIVE, orderId: ids.orderId }, julien(), 'ack-1');
    expect(await services().orders.orders.events(BELLERIVE, ids.orderId)).toHaveLength(2);
  });

  it('refuses an order step to the wrong side in French, changing nothing', async () => {
    const refused = await invoke(
      'order.start',
      { beneficiaryId: BELLERIVE, orderId: ids.orderId },
      lea(),
      'lea-start',
    );
    expect(JSON.stringify(refused.value)).toMatch(
      /Seuls les chargés de compte du Titulaire peuvent démarrer/,
    );
    expect((await services().orders.orders.get(BELLERIVE, ids.orderId))!.status).toBe('acknowledged');
  });

  it("never shows another beneficiary's quote or order, whatever is typed or posted", async () => {
    for (const text of ['devis DEV-2026-0001', 'commande BC-2026-0001']) {
      const [answer] = await reply(joel({ text }));
      expect(answer!.text).toMatch(/introuvable/);
      expect(answer!.attachments ?? []).toEqual([]);
    }
    const quote = await invoke('quote.refresh', { beneficiaryId: BELLERIVE, quoteId: ids.quoteId }, joel());
    expect(quote.value).toMatch(/Ce devis introuvable/);
    const order = await invoke(
      'order.cancel',
      { beneficiaryId: BELLERIVE, orderId: ids.orderId, cancelReason: 'Pirate' },
      joel(),
    );
    expect(order.value).toMatch(/introuvable/);
    const [list] = await reply(joel({ text: 'mes devis' }));
    expect(textOf(list)).not.toContain('DEV-2026-0001');
    expect(textOf(list)).toContain('Aucun devis');
    const [orders] = await reply(joel({ text: 'mes commandes' }));
    expect(textOf(orders)).not.toContain('BC-2026-0001');
    expect((await services().orders.orders.get(BELLERIVE, ids.orderId))!.status).toBe('acknowledged');
  });

  it('gives the account managers the open quotes of every beneficiary with "mes devis"', async () => {
    await reply(
      lea({
        value: {
          action: 'quote.create',
          formId: 'orders-2',
          subject: 'Audit Azure',
          need: 'Auditer notre abonnement Azure.',
          domain: 'infrastructure',
        },
      }),
    );
    const [list] = await reply(julien({ text: 'mes devis' }));
    expect(textOf(list)).toMatch(/Devis en cours \(1\)/);
    expect(textOf(list)).toMatch(
      /Audit Azure[\s\S]*Demandé · réponse due le 20\/05\/2026 · Ville de Bellerive-sur-Rhône/,
    );
  });

  it('lets the approver cancel the order from its card, with the reason the card asks for', async () => {
    const marc = as('a:marc-orders', MARC_PETIT);
    const order = { beneficiaryId: BELLERIVE, orderId: ids.orderId };
    const missing = await invoke('order.cancel', { ...order, cancelReason: '' }, marc, 'cancel-0');
    expect(JSON.stringify(missing.value)).toContain('Indiquez la raison');
    const done = await invoke(
      'order.cancel',
      { ...order, cancelReason: 'Projet reporté à 2027.' },
      marc,
      'cancel-1',
    );
    expect(checkAdaptiveCard(done.value).texts.join('\n')).toContain(
      'Motif d’annulation : « Projet reporté à 2027. »',
    );
    await waitForPosted(LEA_CHAT, /Le bon de commande BC-2026-0001 est annulé par Marc Petit/);
  });
});
