/**
 * Devis and Commandes in headless Chromium against the real service (demo data, local sign-in): the
 * account manager prepares a requested quote in the tab (two charges, live totals), saves and sends
 * it; the approver accepts it and finds the purchase order under Commandes. axe-core checks each
 * new page. Screenshots go to /tmp/tab-quotes-*.png.
 */
import type { Browser } from 'playwright-core';
import type { Quote } from '../../bot/src/domain/quotes/quote';
import { BELLERIVE, QuoteFactory } from '../api/quote-harness';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';
import { checkPage, ensureTabBuilt, openPage, signInAs, type TabPage } from './tab-harness';

let svc: RunningService;
let browser: Browser;
let quote: Quote;

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService();
  browser = await launchBrowser();
  quote = await new QuoteFactory(svc.store).quote(BELLERIVE, 'requested');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

const openTab = (): Promise<TabPage> => openPage(browser, `${svc.url}/tab/`);

/** A local date `days` ahead of today (UTC), safely after the request in every zone. */
const dayAhead = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('an account manager prepares and sends a quote; the approver accepts it and gets the order', async () => {
  const manager = await openTab();
  await signInAs(manager, 'Julien Bernard');
  await manager.getByRole('navigation').getByRole('link', { name: 'Devis' }).click();
  const main = manager.getByRole('main');
  const table = main.getByRole('table', { name: 'Devis' });
  const link = table.getByRole('link', { name: quote.request.subject });
  await link.waitFor();
  await expect(
    table.getByRole('row', { name: new RegExp(quote.request.subject) }).textContent(),
  ).resolves.toMatch(/encore \d+ jours? ouvrés?|dernier jour/);
  await checkPage(manager, 'quotes-list');

  await link.click();
  await main.getByRole('heading', { name: `${quote.number} — ${quote.request.subject}` }).waitFor();
  await main.getByRole('button', { name: 'Préparer le devis' }).click();
  const form = main.getByRole('form', { name: 'Préparer le devis' });
  await form
    .getByLabel(/Ligne du BPU/)
    .first()
    .waitFor();

  // Saving an empty form: the service's French messages appear under the inputs they name.
  await form.getByRole('button', { name: 'Enregistrer le devis' }).click();
  await main.getByText('Devis non enregistré.').waitFor();
  const phase = form.getByRole('group', { name: 'Phase 1', exact: true });
  expect(await phase.locator('.fui-Field__validationMessage').count()).toBeGreaterThan(0);
  await checkPage(manager, 'quotes-draft-errors');

  await phase.getByLabel(/Intitulé de la phase/).fill('Cadrage et migration');
  await phase.getByLabel(/Début/).fill(dayAhead(7));
  await phase.getByLabel(/Fin/).fill(dayAhead(40));
  const first = form.getByRole('group', { name: 'Phase 1, charge 1' });
  await first.getByLabel(/Ligne du BPU/).selectOption('PIL-CONF');
  await first.getByLabel(/Quantité/).fill('2');
  await form.getByRole('button', { name: 'Ajouter une charge (Phase 1)' }).click();
  const second = form.getByRole('group', { name: 'Phase 1, charge 2' });
  await second.getByLabel(/Ligne du BPU/).selectOption('INT-EXP');
  await second.getByLabel(/Quantité/).fill('5,5');
  await second.getByLabel(/Profil/).selectOption('P1');
  // Live: 2 × 780 € + 5,5 × 890 € = 6 455 € HT, VAT 20 % once on the total.
  const totals = form.getByRole('region', { name: 'Totaux du devis' });
  await expect(totals.locator('[data-total="ht"]').textContent()).resolves.toMatch(/^6\s455,00\s€$/);
  await expect(totals.locator('[data-total="vat"]').textContent()).resolves.toMatch(/^1\s291,00\s€$/);
  await expect(totals.locator('[data-total="ttc"]').textContent()).resolves.toMatch(/^7\s746,00\s€$/);
  await checkPage(manager, 'quotes-draft');

  await form.getByRole('button', { name: 'Enregistrer le devis' }).click();
  await main.getByRole('status').getByText('Devis enregistré.').waitFor();
  const version = main.getByRole('region', { name: /Version 1 — En préparation/ });
  await version
    .getByRole('table', { name: 'Lignes de la version 1' })
    .getByText(/7\s746,00\s€/)
    .waitFor();
  await main.getByRole('button', { name: 'Envoyer' }).click();
  await main
    .getByRole('status')
    .getByText(/Devis envoyé/)
    .waitFor();
  await main.locator('.fui-Badge', { hasText: 'Envoyé' }).first().waitFor();
  await checkPage(manager, 'quotes-sent');
  expect(manager.errors).toEqual([]);

  const approver = await openTab();
  await signInAs(approver, 'Marc Petit');
  await approver.goto(`${svc.url}/tab/#/devis/${BELLERIVE}/${quote.id}`);
  const view = approver.getByRole('main');
  await view.getByRole('button', { name: 'Refuser' }).waitFor();
  await checkPage(approver, 'quotes-approver');
  await view.getByRole('button', { name: 'Accepter' }).click();
  await view
    .getByRole('status')
    .getByText(/Devis accepté/)
    .waitFor();
  const orderLink = view.getByRole('link', { name: /^BC-/ });
  await orderLink.waitFor();
  const orderNumber = (await orderLink.textContent()) ?? '';

  await approver.getByRole('navigation').getByRole('link', { name: 'Commandes' }).click();
  const orders = view.getByRole('table', { name: 'Commandes' });
  await orders.getByRole('link', { name: orderNumber }).waitFor();
  await checkPage(approver, 'quotes-orders');
  await orders.getByRole('link', { name: orderNumber }).click();
  await view.getByRole('heading', { name: new RegExp(`^${orderNumber} — `) }).waitFor();
  await view
    .getByRole('table', { name: 'Lignes de la commande' })
    .getByText(/7\s746,00\s€/)
    .waitFor();
  await checkPage(approver, 'quotes-order');
  expect(approver.errors).toEqual([]);
}, 120_000);
