/**
 * The tab's pages in headless Chromium against the real service (demo data, local sign-in): a
 * beneficiary agent sees only her beneficiary's tickets and a live countdown; a support engineer takes
 * a ticket and answers it from the tab; the CANUT reads without actions; a refused token sends back to
 * the sign-in. axe-core checks every page, in light and dark themes and at Teams mobile width.
 * Screenshots go to /tmp/tab-*.png.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Ticket } from '../../bot/src/domain/tickets/ticket';
import { QuoteFactory } from '../api/quote-harness';
import { BELLERIVE, LAMENTIN, signIn, TicketFactory, USERS } from '../api/support/api-harness';
import { launchBrowser } from '../support/browser';
import { startService, type RunningService } from '../support/running-service';
import {
  checkPage,
  DESKTOP,
  ensureTabBuilt,
  eventually,
  MOBILE,
  openPage,
  overflowsSideways,
  signInAs,
  type TabPage,
} from './tab-harness';

const HAUTE_VALLEE = '22010045600015';

let svc: RunningService;
let browser: Browser;
const tickets: Record<'belleriveCritical' | 'belleriveModerate' | 'lamentin', Ticket> = {} as never;
const open: Page[] = [];

beforeAll(async () => {
  ensureTabBuilt();
  svc = await startService();
  browser = await launchBrowser();
  const factory = new TicketFactory(svc.store);
  tickets.belleriveCritical = await factory.declare(BELLERIVE, {
    title: 'Messagerie arrêtée',
    severity: '1',
  });
  tickets.belleriveModerate = await factory.declare(BELLERIVE, { title: 'Imprimante lente', severity: '3' });
  tickets.lamentin = await factory.declare(LAMENTIN, { title: 'Réseau du Lamentin coupé', severity: '2' });
  // Enough tickets for the staff's list to need a second page (20 per page).
  for (let i = 1; i <= 21; i++)
    await factory.declare(HAUTE_VALLEE, { title: `Poste ${i} bloqué`, severity: '4' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

afterEach(async () => {
  for (const page of open.splice(0)) await page.close();
});

/** The tab on a page of its own (fresh context, own sessionStorage), closed after the test. */
async function openTab(options: BrowserContextOptions = {}): Promise<TabPage> {
  const page = await openPage(browser, `${svc.url}/tab/`, options);
  open.push(page);
  return page;
}

const main = (page: Page) => page.getByRole('main');

test('a beneficiary agent sees only her tickets, opens one and watches its countdown tick', async () => {
  const page = await openTab();
  await checkPage(page, 'sign-in');
  await signInAs(page, 'Léa Dubois');

  const waiting = main(page).getByRole('list', { name: 'Tickets en attente de première réponse' });
  await waiting.getByRole('link', { name: /Messagerie arrêtée/ }).waitFor();
  expect(await main(page).getByText('Réseau du Lamentin coupé').count()).toBe(0);
  await checkPage(page, 'dashboard');

  await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
  const table = main(page).getByRole('table', { name: 'Tickets' });
  await table.getByRole('link', { name: 'Imprimante lente' }).waitFor();
  const titles = await table.locator('a[data-ticket-link]').allTextContents();
  expect(titles.sort()).toEqual(['Imprimante lente', 'Messagerie arrêtée']);
  // A single beneficiary: no beneficiary filter, no beneficiary column.
  expect(await main(page).getByLabel('Bénéficiaire').count()).toBe(0);
  await checkPage(page, 'tickets');

  await table.getByRole('link', { name: 'Messagerie arrêtée' }).click();
  await main(page)
    .getByRole('heading', { name: `${tickets.belleriveCritical.number} — Messagerie arrêtée` })
    .waitFor();
  await main(page)
    .getByText(/Attendue au plus tard le .+, heure de Paris/)
    .waitFor();
  const timer = main(page).getByRole('timer').first();
  const first = await timer.textContent();
  await page.waitForTimeout(1000);
  // A loaded machine may run the page's one-second timer late: poll instead of one reading.
  const second = await eventually(
    () => timer.textContent(),
    (text) => text !== first,
  );
  expect(first).toMatch(/^(dans|en retard de) /);
  expect(second).toMatch(/^(dans|en retard de) /);
  expect(second).not.toBe(first);
  // An agent may add information, never take the ticket.
  expect(await main(page).getByRole('button', { name: 'Prendre en charge' }).count()).toBe(0);
  await main(page).getByRole('button', { name: 'Compléter' }).waitFor();
  await checkPage(page, 'ticket-agent');

  // Another beneficiary's ticket is "not found", exactly like one that does not exist.
  await page.goto(`${svc.url}/tab/#/tickets/${LAMENTIN}/${tickets.lamentin.id}`);
  await main(page).getByText('Ticket indisponible.').waitFor();
  await main(page)
    .getByText(/introuvable/)
    .waitFor();
  expect(page.errors).toEqual([]);
}, 60_000);

test('a support engineer takes a ticket from the tab, then answers it', async () => {
  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  await page.goto(`${svc.url}/tab/#/tickets/${BELLERIVE}/${tickets.belleriveModerate.id}`);
  const ticket = main(page);
  await ticket.getByRole('button', { name: 'Prendre en charge' }).click();

  await ticket.getByRole('status').getByText('Ticket pris en charge.').waitFor();
  const badges = ticket.locator('.fui-Badge', { hasText: 'Pris en charge' });
  await badges.first().waitFor();
  const timeline = ticket.getByRole('region', { name: 'Chronologie' });
  await timeline.getByText(/Camille Martin.*a pris en charge le ticket/).waitFor();
  await timeline.getByText('Statut : Nouveau → Pris en charge').waitFor();
  await ticket.getByText(/Donnée le .+ par Camille Martin/).waitFor();
  await checkPage(page, 'ticket-taken');

  // An empty answer: the API's French message shows under the field.
  await ticket.getByRole('button', { name: 'Répondre' }).click();
  const form = ticket.getByRole('form', { name: 'Répondre' });
  await form.getByRole('button', { name: 'Répondre' }).click();
  await ticket.getByText('Action refusée.').waitFor();
  await form.getByText('Écrivez votre réponse au bénéficiaire.').waitFor();
  await checkPage(page, 'ticket-reply-error');

  await form.getByLabel(/Votre réponse au bénéficiaire/).fill('Nous redémarrons le serveur d’impression.');
  await form.getByRole('button', { name: 'Répondre' }).click();
  await ticket.getByRole('status').getByText('Réponse envoyée au bénéficiaire.').waitFor();
  await timeline.getByText('Nous redémarrons le serveur d’impression.').waitFor();
  await ticket.locator('.fui-Badge', { hasText: 'En cours' }).first().waitFor();

  // The intervention report: three texts and the restoration time, prefilled with now (Paris time).
  await ticket.getByRole('button', { name: 'Résoudre' }).click();
  const report = ticket.getByRole('form', { name: 'Résoudre' });
  await report.getByLabel(/Diagnostic/).fill('File d’impression bloquée.');
  await report.getByLabel(/Actions menées/).fill('Redémarrage du spouleur.');
  await report.getByLabel(/Cause de l'incident/).fill('Pilote défectueux.');
  // Prefilled with now; the browser drops the seconds when they are zero (one run in sixty).
  expect(await report.getByLabel(/Service rétabli le \(heure de Paris\)/).inputValue()).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/,
  );
  await report.getByRole('button', { name: 'Résoudre' }).click();
  await ticket
    .getByRole('status')
    .getByText(/Ticket résolu/)
    .waitFor();
  const written = ticket.getByRole('region', { name: "Rapport d'intervention" });
  await written.getByText('Redémarrage du spouleur.').waitFor();
  await ticket.locator('.fui-Badge', { hasText: 'Résolu' }).first().waitFor();
  await checkPage(page, 'ticket-resolved');
  expect(page.errors).toEqual([]);
}, 60_000);

test('staff filter by beneficiary and page through the list with "Charger plus"', async () => {
  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  await page.getByRole('navigation').getByRole('link', { name: 'Tickets' }).click();
  const table = main(page).getByRole('table', { name: 'Tickets' });
  await table.locator('a[data-ticket-link]').first().waitFor();
  expect(await table.locator('a[data-ticket-link]').count()).toBe(20);

  await main(page).getByRole('button', { name: 'Charger plus' }).click();
  await main(page)
    .getByText(/tous les tickets sont affichés/)
    .waitFor();
  expect(await table.locator('a[data-ticket-link]').count()).toBe(24);

  await main(page).getByLabel('Bénéficiaire').selectOption(LAMENTIN);
  await table.getByRole('link', { name: 'Réseau du Lamentin coupé' }).waitFor();
  await page.waitForFunction('document.querySelectorAll("a[data-ticket-link]").length === 1');
  expect(page.url()).toContain(`beneficiary=${LAMENTIN}`);
  await checkPage(page, 'tickets-staff');
  expect(page.errors).toEqual([]);
}, 60_000);

test('the CANUT reads every ticket but is offered no action', async () => {
  const page = await openTab();
  await signInAs(page, 'Sophie Laurent');
  await page.goto(`${svc.url}/tab/#/tickets/${LAMENTIN}/${tickets.lamentin.id}`);
  await main(page)
    .getByRole('heading', { name: /Réseau du Lamentin coupé/ })
    .waitFor();
  await main(page)
    .getByText(/heure de la Martinique/)
    .first()
    .waitFor();
  expect(await main(page).getByRole('region', { name: 'Actions' }).count()).toBe(0);
  expect(page.errors).toEqual([]);
}, 60_000);

test('a refused token sends back to the sign-in with a French message', async () => {
  const page = await openTab();
  await signInAs(page, 'Léa Dubois');
  await page.evaluate(
    'sessionStorage.setItem("guichet.session", JSON.stringify({ accessToken: "abc.def.ghi" }))',
  );
  await page.reload();
  await page.getByText(/Votre session a expiré ou n'est plus reconnue par le service/).waitFor();
  await page.getByRole('heading', { name: 'Choisir un utilisateur de démonstration' }).waitFor();

  await signInAs(page, 'Léa Dubois');
  await page.getByRole('button', { name: "Se déconnecter / changer d'utilisateur" }).click();
  await page.getByText('Vous êtes déconnecté.').waitFor();
  expect(await page.evaluate('sessionStorage.getItem("guichet.session")')).toBeNull();
});

test.each([
  ['dark', { colorScheme: 'dark' as const, viewport: DESKTOP }],
  ['mobile', { colorScheme: 'light' as const, viewport: MOBILE, isMobile: true, hasTouch: true }],
  ['mobile-dark', { colorScheme: 'dark' as const, viewport: MOBILE, isMobile: true, hasTouch: true }],
])(
  'every page passes axe in the %s layout',
  async (name, options) => {
    const page = await openTab(options);
    await checkPage(page, `${name}-sign-in`);
    await signInAs(page, 'Camille Martin');
    await main(page).getByRole('list', { name: 'Tickets en attente de première réponse' }).waitFor();
    await checkPage(page, `${name}-dashboard`);
    await page.goto(`${svc.url}/tab/#/tickets`);
    await main(page).getByRole('table', { name: 'Tickets' }).waitFor();
    await checkPage(page, `${name}-tickets`);
    await page.goto(`${svc.url}/tab/#/tickets/${BELLERIVE}/${tickets.belleriveCritical.id}`);
    await main(page).getByRole('region', { name: 'Chronologie' }).waitFor();
    // Taken by the first layout's run; the report form needs a taken ticket.
    const take = main(page).getByRole('button', { name: 'Prendre en charge' });
    if ((await take.count()) > 0) await take.click();
    await main(page).getByRole('button', { name: 'Résoudre' }).click();
    await main(page).getByRole('form', { name: 'Résoudre' }).waitFor();
    await checkPage(page, `${name}-ticket`);
    expect(page.errors).toEqual([]);
  },
  60_000,
);

test('the dashboard lists the quotes to send soonest and the orders under way, or says there are none', async () => {
  const quotes = new QuoteFactory(svc.store);
  const requested = await quotes.quote(BELLERIVE, 'requested');
  const order = await quotes.order(BELLERIVE);
  const page = await openTab({ viewport: MOBILE, isMobile: true, hasTouch: true });
  await signInAs(page, 'Julien Bernard');

  const toSend = main(page).getByRole('list', { name: "Devis à rendre, date limite la plus proche d'abord" });
  const line = toSend.getByRole('listitem').filter({ hasText: requested.number });
  await line.getByRole('link', { name: `${requested.number} — ${requested.request.subject}` }).waitFor();
  const [y, m, d] = requested.dueDate.split('-');
  expect(await line.textContent()).toMatch(
    new RegExp(`À envoyer au plus tard le ${d}/${m}/${y} — (encore \\d+ jours? ouvrés?|dernier jour)`),
  );
  // Its order's quote, accepted, has nothing left to send.
  expect(await toSend.getByText(order.quote.subject).count()).toBe(0);
  const underWay = main(page).getByRole('list', { name: 'Commandes en cours' });
  const orderLine = underWay.getByRole('listitem').filter({ hasText: order.number });
  await orderLine.getByRole('link', { name: `${order.number} — ${order.quote.subject}` }).waitFor();
  await orderLine.getByText('Émis').waitFor();
  await checkPage(page, 'dashboard-commercial-mobile');
  expect(await overflowsSideways(page)).toBe(false);

  // Another beneficiary's agent has neither.
  const other = await openTab();
  await signInAs(other, 'Joël Célestine');
  await main(other).getByText("Aucun devis n'attend d'être envoyé.").waitFor();
  await main(other).getByText("Aucune commande n'est en cours.").waitFor();
  expect([...page.errors, ...other.errors]).toEqual([]);
}, 60_000);

test('an old ticket changed just now comes first under "Modifiés récemment"', async () => {
  // More newer tickets than the dashboard ever read when it sorted by reception.
  const factory = new TicketFactory(svc.store);
  const old = await factory.declare(BELLERIVE, { title: 'Agenda partagé indisponible', severity: '3' });
  for (let i = 1; i <= 31; i++) await factory.declare(LAMENTIN, { title: `Lenteur ${i}`, severity: '4' });
  const token = await signIn(svc, USERS.engineer);
  const changed = await fetch(`${svc.url}/api/v1/tickets/${BELLERIVE}/${old.id}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'take' }),
  });
  expect(changed.status).toBe(200);

  const page = await openTab();
  await signInAs(page, 'Camille Martin');
  const recent = main(page).getByRole('list', { name: 'Tickets modifiés récemment' });
  await recent.getByRole('listitem').first().waitFor();
  expect(await recent.getByRole('link').first().textContent()).toBe(`${old.number} — ${old.title}`);
  expect(page.errors).toEqual([]);
}, 60_000);
